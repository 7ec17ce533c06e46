import type { CutSpace } from './cut-space.js';

/**
 * What each event waits for beyond its own host's previous event, from the clock rows, reduced to as few checks as
 * possible. Event k of host h (k ≥ 1) can join a consistent cut holding host h's first k−1 events iff the cut holds,
 * for each entry j where the event's clock exceeds its predecessor's, at least clock[j] of host j's events; the
 * other entries are covered because the cut is consistent and holds the predecessor. Among those entries, one is
 * enough when the event (j, clock[j]) itself depends on the others' (a consistent cut holding it holds them): for
 * a receive, that is the send. So most events wait for nothing (sends, internal steps) or for one event (receives).
 *
 * Layout, by row r = `hostFirstRow[h] + k`: the first wait is host `waitHost[r]` with count `waitCount[r]` (for an
 * event that waits for nothing, its own host and count 0, always met); further waits, rare, are entries
 * `extraFirst[r] .. extraFirst[r + 1])` of `extraHost` and `extraCount`. So the test is one comparison, plus a loop
 * that is almost always empty, instead of `canAdvance`'s scan of a whole clock row.
 */
export class Enabling {
  readonly hostFirstRow: Int32Array;
  readonly waitHost: Int32Array;
  readonly waitCount: Int32Array;
  readonly extraFirst: Int32Array;
  readonly extraHost: Int32Array;
  readonly extraCount: Int32Array;

  constructor(space: CutSpace) {
    const n = space.hostCount;
    const rowCount = space.eventCount + n;
    this.hostFirstRow = new Int32Array(n);
    this.waitHost = new Int32Array(rowCount);
    this.waitCount = new Int32Array(rowCount);
    this.extraFirst = new Int32Array(rowCount + 1);
    const extraHost: number[] = [];
    const extraCount: number[] = [];
    let row = 0;
    for (let h = 0; h < n; h++) {
      this.hostFirstRow[h] = row;
      for (let k = 0; k <= space.eventsPerHost[h]!; k++, row++) {
        this.extraFirst[row] = extraHost.length;
        this.waitHost[row] = h;
        const waits = k === 0 ? [] : essentialWaits(space, h, k);
        waits.forEach((j, i) => {
          const count = space.clockRows[space.rowStart(h, k) + j]!;
          if (i === 0) {
            this.waitHost[row] = j;
            this.waitCount[row] = count;
          } else {
            extraHost.push(j);
            extraCount.push(count);
          }
        });
      }
    }
    this.extraFirst[row] = extraHost.length;
    this.extraHost = Int32Array.from(extraHost);
    this.extraCount = Int32Array.from(extraCount);
  }
}

/** Hosts j whose entry in the clock of host h's event k exceeds its predecessor's and is not implied by another's. */
function essentialWaits(space: CutSpace, h: number, k: number): number[] {
  const n = space.hostCount;
  const rows = space.clockRows;
  const at = space.rowStart(h, k);
  const before = k > 1 ? space.rowStart(h, k - 1) : -1;
  const grown: number[] = [];
  for (let j = 0; j < n; j++) {
    if (j !== h && rows[at + j]! > (before < 0 ? 0 : rows[before + j]!)) grown.push(j);
  }
  // j is implied by i when the event (i, clock[i]) already depends on clock[j] events of host j.
  const implies = (i: number, j: number): boolean => rows[space.rowStart(i, rows[at + i]!) + j]! >= rows[at + j]!;
  return grown.filter((j) => !grown.some((i) => i !== j && implies(i, j) && !(implies(j, i) && i > j)));
}
