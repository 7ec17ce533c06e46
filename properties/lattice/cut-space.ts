import type { Execution } from '../../execution/types.js';

/**
 * The shape of an execution's lattice of consistent cuts, laid out for hot loops: per host, the vector clocks of
 * its events as contiguous rows of one Int32Array, so `clockRows[rowStart(h, k) + j]` is entry j of the clock of
 * host h's k-th event (k ≥ 1). A cut is an Int32Array with cut[h] = number of host h's events included.
 */
export class CutSpace {
  /** Number of hosts. */
  readonly hostCount: number;
  /** eventsPerHost[h] = number of host h's events (the final cut). */
  readonly eventsPerHost: Int32Array;
  /** Clock rows of every host's events, host by host, each host's events in local order. */
  readonly clockRows: Int32Array;
  /** hostRowBase[h] = index in clockRows of the row of host h's first event, minus one row (so k indexes directly). */
  readonly hostRowBase: Int32Array;
  /** Total number of events (the level of the final cut). */
  readonly eventCount: number;

  constructor(readonly exec: Execution) {
    const n = exec.hosts.length;
    this.hostCount = n;
    this.eventsPerHost = new Int32Array(n);
    this.hostRowBase = new Int32Array(n);
    let total = 0;
    for (let h = 0; h < n; h++) {
      const own = exec.byHost[h]!.length;
      this.eventsPerHost[h] = own;
      this.hostRowBase[h] = (total - 1) * n;
      total += own;
    }
    this.eventCount = total;
    this.clockRows = new Int32Array(total * n);
    let at = 0;
    for (let h = 0; h < n; h++) {
      for (const id of exec.byHost[h]!) {
        this.clockRows.set(exec.clocks.subarray(id * n, id * n + n), at);
        at += n;
      }
    }
  }

  /** Start in clockRows of the clock of host h's k-th event (1-based k). */
  rowStart(h: number, k: number): number {
    return this.hostRowBase[h]! + k * this.hostCount;
  }

  /** True when host h's next event can be added to the consistent cut `cut` keeping it consistent. */
  canAdvance(cut: Int32Array, h: number): boolean {
    const k = cut[h]!;
    if (k >= this.eventsPerHost[h]!) return false;
    const n = this.hostCount;
    const row = this.hostRowBase[h]! + (k + 1) * n;
    const rows = this.clockRows;
    for (let j = 0; j < n; j++) {
      if (j !== h && rows[row + j]! > cut[j]!) return false;
    }
    return true;
  }

  /** Event id of host h's k-th event (1-based k). */
  eventId(h: number, k: number): number {
    return this.exec.byHost[h]![k - 1]!;
  }

  /** A fresh empty cut. */
  emptyCut(): Int32Array {
    return new Int32Array(this.hostCount);
  }

  /** A fresh copy of the final cut (every event included). */
  finalCut(): Int32Array {
    return Int32Array.from(this.eventsPerHost);
  }

  /** True when `cut` is the final cut. */
  isFinal(cut: Int32Array): boolean {
    for (let h = 0; h < this.hostCount; h++) if (cut[h] !== this.eventsPerHost[h]) return false;
    return true;
  }
}
