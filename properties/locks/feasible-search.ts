import type { CutSpace } from '../lattice/cut-space.js';
import { CutStore } from '../lattice/cut-store.js';
import { nextPause, type ResolvedLimits, stoppedByCuts, stoppedByLevel } from '../lattice/limits.js';
import type { LockTable } from './lock-model.js';

/** What a breadth-first search over lock-feasible cuts asks of its caller. */
export interface FeasibleHooks {
  /** Whether a reached cut is kept and expanded (Possibly: every cut; Definitely: the ¬φ cuts). */
  readonly admit: (cut: Int32Array) => boolean;
  /** Whether the search stops at an admitted cut, reporting it (Possibly: φ holds there). */
  readonly found?: (cut: Int32Array) => boolean;
  /** Whether the search stops at an expanded cut with no feasible successor (Definitely: a ¬φ maximal path). */
  readonly terminal?: (cut: Int32Array) => boolean;
  /** Called on every feasible edge: host h's next event `id` added to `cut` (the cut before it). */
  readonly edge?: (cut: Int32Array, h: number, id: number) => void;
}

/** Counts a search reached, whatever its end. */
export interface FeasibleCounts {
  /** Distinct admitted cuts. */
  readonly cutsVisited: number;
  /** The deepest level (events in a cut) admitted. */
  readonly levelReached: number;
  /** Expanded cuts, other than the final cut, with no feasible successor (deadlocks of lock orders). */
  readonly deadlocks: number;
}

export type FeasibleOutcome =
  | (FeasibleCounts & { readonly kind: 'found'; readonly cut: Int32Array; readonly path: number[]; readonly terminal: boolean })
  | (FeasibleCounts & { readonly kind: 'exhausted' })
  | (FeasibleCounts & { readonly kind: 'stopped'; readonly stoppedBy: string });

/**
 * Breadth-first search from the empty cut over the consistent cuts of happened-before that are lock-feasible, one
 * event at a time (CutSpace.canAdvance for consistency, LockTable.allows for the locks). The admitted cuts live in
 * one CutStore whose insertion order is the BFS queue (edges go from level ℓ to ℓ + 1, so it is level by level),
 * with a parent entry and the event that reached each, so a found cut comes with a shortest feasible path.
 * Memory grows with the cuts admitted; `cutsMax` and `levelCutsMax` bound it and answer `stopped`.
 */
export function searchFeasible(space: CutSpace, table: LockTable, limits: ResolvedLimits, hooks: FeasibleHooks): FeasibleOutcome {
  const { cutsMax, levelCutsMax, progress } = limits;
  const n = space.hostCount;
  const store = new CutStore(space, false);
  let parent: Int32Array = new Int32Array(1024);
  let via: Int32Array = new Int32Array(1024);
  const cut = space.emptyCut();
  let levelReached = 0;
  let levelSize = 1;
  let deadlocks = 0;
  const counts = (): FeasibleCounts => ({ cutsVisited: store.size, levelReached, deadlocks });
  const found = (entry: number, terminal: boolean): FeasibleOutcome => {
    const at = space.emptyCut();
    store.read(entry, at);
    const path: number[] = [];
    for (let e = entry; e > 0; e = parent[e]!) path.push(via[e]!);
    path.reverse();
    return { ...counts(), kind: 'found', cut: at, path, terminal };
  };
  if (!hooks.admit(cut)) return { ...counts(), kind: 'exhausted' };
  store.add(cut, 0);
  parent[0] = -1;
  if (hooks.found?.(cut) === true) return found(0, false);
  let pause = nextPause(0, cutsMax, progress);
  for (let i = 0; i < store.size; i++) {
    store.read(i, cut);
    let successors = 0;
    for (let h = 0; h < n; h++) {
      if (!space.canAdvance(cut, h)) continue;
      const id = space.eventId(h, cut[h]! + 1);
      if (!table.allows(cut, h, id)) continue;
      successors++;
      hooks.edge?.(cut, h, id);
      cut[h]!++;
      if (hooks.admit(cut)) {
        const entry = store.add(cut, 0);
        if (store.added) {
          if (store.size > cutsMax) return { ...counts(), cutsVisited: cutsMax, kind: 'stopped', stoppedBy: stoppedByCuts(cutsMax) };
          if (store.size >= pause) pause = nextPause(store.size, cutsMax, progress);
          if (entry >= parent.length) {
            parent = grow(parent);
            via = grow(via);
          }
          parent[entry] = i;
          via[entry] = id;
          const level = levelOf(cut);
          if (level > levelReached) {
            levelReached = level;
            levelSize = 0;
          }
          if (++levelSize > levelCutsMax) return { ...counts(), kind: 'stopped', stoppedBy: stoppedByLevel(levelCutsMax, level) };
          if (hooks.found?.(cut) === true) return found(entry, false);
        }
      }
      cut[h]!--;
    }
    if (successors === 0) {
      if (!space.isFinal(cut)) deadlocks++;
      if (hooks.terminal?.(cut) === true) return found(i, true);
    }
  }
  return { ...counts(), kind: 'exhausted' };
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function levelOf(cut: Int32Array): number {
  let s = 0;
  for (let h = 0; h < cut.length; h++) s += cut[h]!;
  return s;
}
