import type { Execution } from '../../execution/types.js';
import type { SearchLimits } from '../result-types.js';
import { CutSpace } from './cut-space.js';
import { nextPause, resolveLimits, stoppedByCuts } from './limits.js';

/**
 * Enumerates the consistent cuts of an execution in lexical order (host 0 most significant), in space linear in
 * the number of hosts besides the n×n table of prefix joins (Garg's lexical enumeration).
 *
 * From a consistent cut G, the next one is found at the least significant host k whose next event e only depends,
 * on hosts before k, on events already in G: the next cut keeps G on hosts < k, takes e, and on hosts > k takes the
 * least consistent completion (the join of the clocks of the cut's last events on hosts ≤ k). For the last host
 * the run of admissible counts is computed once per prefix, so most steps are one increment.
 */
export class LexicalCuts {
  /** The current cut; valid after `next()` returned true. Do not modify. */
  readonly cut: Int32Array;
  private readonly space: CutSpace;
  /** prefixJoin[k*n + j]: max over hosts i ≤ k of the clock of host i's last event in the cut, entry j. */
  private readonly prefixJoin: Int32Array;
  private lastHostMax = 0;
  private started = false;
  private finished = false;

  constructor(space: CutSpace) {
    this.space = space;
    this.cut = new Int32Array(space.hostCount);
    this.prefixJoin = new Int32Array(space.hostCount * space.hostCount);
  }

  /** Advances to the next consistent cut in lexical order; false when there is none (the first is the empty cut). */
  next(): boolean {
    if (this.finished) return false;
    const n = this.space.hostCount;
    const cut = this.cut;
    if (!this.started) {
      this.started = true;
      if (n > 0) this.computeLastHostMax();
      return true;
    }
    if (n === 0) {
      this.finished = true;
      return false;
    }
    const last = n - 1;
    if (cut[last]! < this.lastHostMax) {
      cut[last]!++;
      return true;
    }
    if (this.advancePrefix()) return true;
    this.finished = true;
    return false;
  }

  /** Moves to the next prefix (a change at a host before the last); false when the enumeration is over. */
  private advancePrefix(): boolean {
    const n = this.space.hostCount;
    const cut = this.cut;
    const rows = this.space.clockRows;
    const join = this.prefixJoin;
    for (let k = n - 2; k >= 0; k--) {
      const g = cut[k]!;
      if (g >= this.space.eventsPerHost[k]!) continue;
      const row = this.space.hostRowBase[k]! + (g + 1) * n;
      let admissible = true;
      for (let j = 0; j < k; j++) {
        if (rows[row + j]! > cut[j]!) {
          admissible = false;
          break;
        }
      }
      if (!admissible) continue;
      cut[k] = g + 1;
      const at = k * n;
      if (k === 0) {
        for (let j = 0; j < n; j++) join[j] = rows[row + j]!;
      } else {
        const before = at - n;
        for (let j = 0; j < n; j++) {
          const a = join[before + j]!;
          const b = rows[row + j]!;
          join[at + j] = a > b ? a : b;
        }
      }
      for (let j = k + 1; j < n; j++) cut[j] = join[at + j]!;
      // Hosts after k hold the least completion, whose last events' clocks are below the join at k.
      for (let i = k + 1; i < n - 2; i++) join.copyWithin(i * n, at, at + n);
      this.computeLastHostMax();
      return true;
    }
    return false;
  }

  /** The largest count of the last host that keeps the current prefix (hosts before the last) consistent. */
  private computeLastHostMax(): void {
    const n = this.space.hostCount;
    const last = n - 1;
    const cut = this.cut;
    const rows = this.space.clockRows;
    const own = this.space.eventsPerHost[last]!;
    let k = cut[last]!;
    let row = this.space.hostRowBase[last]! + (k + 1) * n;
    outer: while (k < own) {
      for (let j = 0; j < last; j++) if (rows[row + j]! > cut[j]!) break outer;
      k++;
      row += n;
    }
    this.lastHostMax = k;
  }
}

/** The outcome of counting consistent cuts. */
export interface CutCount {
  /** `complete` when every cut was counted; `unknown` when a limit stopped the count. */
  readonly verdict: 'complete' | 'unknown';
  /** Consistent cuts counted, the empty cut included (a lower bound when `unknown`). */
  readonly count: number;
  /** Cuts the algorithm visited (for the lexical count, equal to `count`). */
  readonly cutsVisited: number;
  /** When `unknown`: which limit stopped the count, in words. */
  readonly stoppedBy?: string;
}

/** Counts the consistent cuts of `exec` (the empty cut included) by lexical enumeration, up to `cutsMax`. */
export function countCuts(exec: Execution, limits?: SearchLimits): CutCount {
  const { cutsMax, progress } = resolveLimits(limits);
  const cuts = new LexicalCuts(new CutSpace(exec));
  let count = 0;
  let pause = nextPause(0, cutsMax, progress);
  while (cuts.next()) {
    if (count >= pause) {
      if (count >= cutsMax) return { verdict: 'unknown', count, cutsVisited: count, stoppedBy: stoppedByCuts(cutsMax) };
      pause = nextPause(count, cutsMax, progress);
    }
    count++;
  }
  return { verdict: 'complete', count, cutsVisited: count };
}
