import { isConsistentCut } from '../../execution/clock.js';
import type { Execution } from '../../execution/types.js';
import type { CutPredicate } from '../predicate-types.js';
import { CUTS_MAX_DEFAULT, type CheckResult, type SearchLimits } from '../result-types.js';

/**
 * Shared global states (Fromentin & Raynal). In a consistent cut with local states s_1..s_n, let prev(s_i) be the
 * event that produced s_i and next(s_j) the event that ends s_j. The cut is shared iff for all i ≠ j:
 * s_i is initial, or s_j is final, or prev(s_i) → next(s_j). (i = j always holds.)
 */
export function isSharedGlobalState(exec: Execution, cut: ArrayLike<number>): boolean {
  if (cut.length !== exec.hosts.length || !isConsistentCut(exec, cut)) return false;
  const n = exec.hosts.length;
  for (let j = 0; j < n; j++) {
    const own = exec.byHost[j]!;
    if (cut[j]! >= own.length) continue; // s_j is final
    const nextRow = own[cut[j]!]! * n;
    for (let i = 0; i < n; i++) {
      // prev(s_i) is host i's event number cut[i]; it happened before next(s_j) iff next(s_j) knows cut[i] of i.
      if (i !== j && cut[i]! > 0 && exec.clocks[nextRow + i]! < cut[i]!) return false;
    }
  }
  return true;
}

export interface SharedStatesOptions {
  /** Keep only the shared states where this predicate holds (default: all). */
  readonly where?: CutPredicate;
  /** `cutsMax` bounds the search nodes (partial cuts) visited. */
  readonly limits?: SearchLimits;
  /** Cuts listed at most (default 10,000); the search stops when the list is full. */
  readonly listedMax?: number;
}

/** The shared states found (lexicographic order, host 0 first); verdict `holds` when there is at least one. */
export interface SharedStatesResult extends CheckResult {
  readonly cuts: readonly Int32Array[];
  /** True when every shared state was listed. */
  readonly complete: boolean;
}

/**
 * Lists the shared global states (that satisfy `where`). The condition between two hosts, both ways, bounds one
 * host's prefix to an interval once the other's is fixed (clock entries grow along a host), so the search fixes
 * hosts in order and narrows the remaining hosts' intervals: it visits only partial cuts that agree with every fixed
 * host, not the whole lattice. Sharedness implies consistency (if prev(s_j) → next(s_i), prev(s_j) cannot know
 * next(s_i) or anything after it), so no separate consistency test is needed.
 */
export function sharedGlobalStates(exec: Execution, options: SharedStatesOptions = {}): SharedStatesResult {
  const n = exec.hosts.length;
  const lengths = exec.byHost.map((own) => own.length);
  const nodesMax = options.limits?.cutsMax ?? CUTS_MAX_DEFAULT;
  const listedMax = options.listedMax ?? 10_000;
  // countAtMost(j, i, v): how many of host j's events know at most v events of host i (a prefix, clocks grow).
  const countAtMost = (j: number, i: number, v: number): number => {
    const own = exec.byHost[j]!;
    let [low, high] = [0, own.length];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (exec.clocks[own[mid]! * n + i]! <= v) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const bounds = new Int32Array((n + 1) * n * 2); // per depth: lo, hi of every host
  for (let h = 0; h < n; h++) bounds[2 * h + 1] = lengths[h]!;
  const cut = new Int32Array(n);
  const cuts: Int32Array[] = [];
  let nodes = 0;
  let stopped: string | null = null;
  const visit = (i: number): void => {
    if (stopped !== null) return;
    if (++nodes > nodesMax) {
      stopped = `cutsMax (${nodesMax}) search nodes visited`;
      return;
    }
    if (i === n) {
      if (options.where === undefined || options.where.evaluate(cut)) cuts.push(cut.slice());
      if (cuts.length >= listedMax) stopped = `listedMax (${listedMax}) shared states listed`;
      return;
    }
    const here = i * n * 2;
    const below = here + n * 2;
    for (let k = bounds[here + 2 * i]!; k <= bounds[here + 2 * i + 1]! && stopped === null; k++) {
      cut[i] = k;
      let empty = false;
      for (let j = i + 1; j < n && !empty; j++) {
        let lo = bounds[here + 2 * j]!;
        let hi = bounds[here + 2 * j + 1]!;
        // prev(s_i) → next(s_j), or s_j final: next(s_j) must know k events of i.
        if (k > 0) lo = Math.max(lo, countAtMost(j, i, k - 1));
        // prev(s_j) → next(s_i), or s_i final: next(s_i) must know m events of j.
        if (k < lengths[i]!) hi = Math.min(hi, exec.clocks[exec.byHost[i]![k]! * n + j]!);
        bounds[below + 2 * j] = lo;
        bounds[below + 2 * j + 1] = hi;
        empty = lo > hi;
      }
      if (!empty) visit(i + 1);
    }
  };
  visit(0);
  const found = cuts.length > 0;
  const stoppedByLimit = stopped !== null && !found;
  return {
    modality: 'shared-state',
    predicate: options.where === undefined ? 'shared global state' : `shared global state where ${options.where.text}`,
    verdict: found ? 'holds' : stoppedByLimit ? 'unknown' : 'fails',
    algorithm: 'interval-search',
    cutsVisited: nodes,
    cuts,
    complete: stopped === null,
    ...(found ? { witness: { cut: cuts[0]! } } : {}),
    ...(stoppedByLimit ? { stoppedBy: stopped! } : {}),
  };
}
