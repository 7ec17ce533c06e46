import type { Execution } from '../../execution/types.js';
import type { CutPredicate } from '../predicate-types.js';
import type { CheckResult, SearchLimits } from '../result-types.js';
import { CutSpace } from './cut-space.js';
import { CutStore } from './cut-store.js';
import { LevelTrail } from './level-trail.js';
import { resolveLimits, stoppedByCuts, stoppedByLevel } from './limits.js';

/**
 * Definitely(φ) for a general φ (Cooper–Marzullo): every observation passes through a cut satisfying φ. Searches
 * level by level the cuts reachable from the empty cut through ¬φ cuts only, holding one level (and the next) in
 * hash sets of packed cuts, each cut evaluated once. Definitely fails iff the final cut is so reachable; the
 * counterexample is that path of ¬φ cuts, rebuilt from compact parent pointers (see LevelTrail: 6 bytes per cut
 * visited, up to TRAIL_BYTES_MAX_DEFAULT; beyond it the counterexample is the final cut without a path). A level larger than `levelCutsMax`, or more than `cutsMax` cuts evaluated, answers `unknown`.
 */
export function definitely(exec: Execution, pred: CutPredicate, limits?: SearchLimits): CheckResult {
  const { cutsMax, levelCutsMax } = resolveLimits(limits);
  const space = new CutSpace(exec);
  const n = space.hostCount;
  const evaluate = pred.evaluate;
  const base = { modality: 'definitely', predicate: pred.text, algorithm: 'cooper-marzullo' } as const;
  const cut = space.emptyCut();
  if (evaluate(cut)) return { ...base, verdict: 'holds', cutsVisited: 1 };
  if (space.eventCount === 0) {
    return { ...base, verdict: 'fails', cutsVisited: 1, witness: { cut: space.emptyCut(), path: [] } };
  }
  let current = new CutStore(space, false);
  let next = new CutStore(space, false);
  // satisfied[i]: entry i of the level satisfies φ (so the search does not continue from it).
  let currentSatisfied = new Uint8Array(1);
  let nextSatisfied = new Uint8Array(1024);
  current.add(cut, 0);
  const trail = new LevelTrail();
  let visited = 1;
  for (let level = 1; level <= space.eventCount; level++) {
    next.clear();
    let open = 0;
    for (let i = 0; i < current.size; i++) {
      if (currentSatisfied[i] === 1) continue;
      current.read(i, cut);
      for (let h = 0; h < n; h++) {
        if (!space.canAdvance(cut, h)) continue;
        cut[h]!++;
        const index = next.add(cut, 0);
        if (next.added) {
          if (visited >= cutsMax) return { ...base, verdict: 'unknown', cutsVisited: visited, stoppedBy: stoppedByCuts(cutsMax) };
          if (next.size > levelCutsMax) {
            return { ...base, verdict: 'unknown', cutsVisited: visited, stoppedBy: stoppedByLevel(levelCutsMax, level) };
          }
          visited++;
          if (index >= nextSatisfied.length) {
            const grown = new Uint8Array(nextSatisfied.length * 2);
            grown.set(nextSatisfied);
            nextSatisfied = grown;
          }
          const holds = evaluate(cut);
          nextSatisfied[index] = holds ? 1 : 0;
          trail.record(index, i, h);
          if (!holds) {
            open++;
            if (level === space.eventCount) {
              const path = trail.pathTo(space, level, index, cut);
              const final = Int32Array.from(cut);
              return { ...base, verdict: 'fails', cutsVisited: visited, witness: path === undefined ? { cut: final } : { cut: final, path } };
            }
          }
        }
        cut[h]!--;
      }
    }
    if (open === 0) return { ...base, verdict: 'holds', cutsVisited: visited };
    trail.closeLevel(next.size);
    const swap = current;
    current = next;
    next = swap;
    const swapSatisfied = currentSatisfied;
    currentSatisfied = nextSatisfied;
    nextSatisfied = swapSatisfied;
  }
  throw new Error('unreachable: the final cut is at the last level');
}
