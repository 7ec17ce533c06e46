import type { Execution } from '../../execution/types.js';
import { CutSpace } from '../lattice/cut-space.js';
import { CutStore } from '../lattice/cut-store.js';
import { LevelTrail } from '../lattice/level-trail.js';
import { nextPause, resolveLimits, stoppedByCuts, stoppedByLevel } from '../lattice/limits.js';
import type { SearchLimits } from '../result-types.js';

/**
 * A search over observations, run as an automaton over the lattice: a state is (cut, tag), where the tag is the
 * automaton's state after reading the global states of a path from the empty cut to the cut.
 */
export interface ProductAutomaton {
  /** The valuation of a cut (bits of the predicates the automaton reads), computed once per cut. */
  readonly valuate: (cut: Int32Array) => number;
  /** Tags after reading a cut of valuation `value` in state `tag` (or, for the empty cut, from `initialTag`). */
  readonly step: (tag: number, value: number, out: Int32Array) => number;
  /** The tag before the empty cut is read. */
  readonly initialTag: number;
  /** Largest number of tags `step` writes. */
  readonly branchingMax: number;
  /** True for a state the search is looking for (a goal ends it with a path). */
  readonly isGoal: (tag: number, atFinal: boolean) => boolean;
}

/** What a product search found. */
export type ProductOutcome =
  | { readonly kind: 'found'; readonly cut: Int32Array; readonly tag: number; readonly path: number[] | undefined; readonly cutsVisited: number }
  | { readonly kind: 'exhausted'; readonly cutsVisited: number }
  | { readonly kind: 'stopped'; readonly cutsVisited: number; readonly stoppedBy: string };

/**
 * Breadth-first search of the product of the lattice and an automaton, one level at a time: the states of the
 * level, deduplicated in a hash set of packed (cut, tag); a per-level cache of valuations so each cut's predicates
 * are evaluated once; compact parent pointers to rebuild the path to a goal. `cutsMax` bounds the cuts evaluated,
 * `levelCutsMax` the states of a level.
 */
export function searchProduct(exec: Execution, automaton: ProductAutomaton, limits?: SearchLimits): ProductOutcome {
  const { cutsMax, levelCutsMax, progress } = resolveLimits(limits);
  const space = new CutSpace(exec);
  const n = space.hostCount;
  const tags = new Int32Array(automaton.branchingMax);
  const cut = space.emptyCut();
  let current = new CutStore(space, true);
  let next = new CutStore(space, true);
  const valued = new CutStore(space, false);
  let values = new Int32Array(1024);
  const trail = new LevelTrail();
  let visited = 1;
  let pause = nextPause(0, cutsMax, progress);
  const emptyValue = automaton.valuate(cut);
  const count0 = automaton.step(automaton.initialTag, emptyValue, tags);
  for (let t = 0; t < count0; t++) {
    current.add(cut, tags[t]!);
    if (automaton.isGoal(tags[t]!, space.eventCount === 0)) {
      return { kind: 'found', cut: Int32Array.from(cut), tag: tags[t]!, path: [], cutsVisited: visited };
    }
  }
  for (let level = 1; level <= space.eventCount && current.size > 0; level++) {
    next.clear();
    valued.clear();
    const atFinal = level === space.eventCount;
    for (let i = 0; i < current.size; i++) {
      const tag = current.read(i, cut);
      for (let h = 0; h < n; h++) {
        if (!space.canAdvance(cut, h)) continue;
        cut[h]!++;
        const v = valued.add(cut, 0);
        if (valued.added) {
          if (visited >= pause) {
            if (visited >= cutsMax) return { kind: 'stopped', cutsVisited: visited, stoppedBy: stoppedByCuts(cutsMax) };
            pause = nextPause(visited, cutsMax, progress);
          }
          visited++;
          if (v >= values.length) {
            const grown = new Int32Array(values.length * 2);
            grown.set(values);
            values = grown;
          }
          values[v] = automaton.valuate(cut);
        }
        const count = automaton.step(tag, values[v]!, tags);
        for (let t = 0; t < count; t++) {
          const index = next.add(cut, tags[t]!);
          if (!next.added) continue;
          if (next.size > levelCutsMax) {
            return { kind: 'stopped', cutsVisited: visited, stoppedBy: stoppedByLevel(levelCutsMax, level) };
          }
          trail.record(index, i, h);
          if (automaton.isGoal(tags[t]!, atFinal)) {
            const path = trail.pathTo(space, level, index, cut);
            return { kind: 'found', cut: Int32Array.from(cut), tag: tags[t]!, path, cutsVisited: visited };
          }
        }
        cut[h]!--;
      }
    }
    trail.closeLevel(next.size);
    const swap = current;
    current = next;
    next = swap;
  }
  return { kind: 'exhausted', cutsVisited: visited };
}
