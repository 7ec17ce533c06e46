/**
 * Column layout of the space-time diagram. `layoutColumns` is pure and self-contained (it refers to nothing outside
 * its own body), because the page embeds its source text and runs it again whenever a run is expanded or collapsed.
 */

/** The layout's input, in the page's JSON shapes. */
export interface LayoutInput {
  /** Number of events; event ids are 0..eventCount-1 in a linearization of happened-before. */
  readonly eventCount: number;
  readonly hostCount: number;
  /** Host of each event. */
  readonly hostOf: readonly number[];
  /** Arrows as [from, to] event ids: `to` is drawn at least one column right of `from`. */
  readonly arrows: readonly (readonly [number, number, ...unknown[]])[];
  /** Run index of each event, or -1 when it belongs to no run. */
  readonly runOf: readonly number[];
  /** First event id of each run. */
  readonly runFirst: readonly number[];
  /** Whether each run is drawn collapsed (its events share one column). */
  readonly collapsed: readonly boolean[];
  /** Virtual time of each event, or null: when given, a later time never takes an earlier column. */
  readonly times: readonly (number | null)[] | null;
}

/** Where each event goes: `col[id]`, the number of columns, and where each new virtual time begins. */
export interface LayoutOutput {
  readonly col: Int32Array;
  readonly columns: number;
  /** [column, time] where the events of a later time start (time layout only). */
  readonly timeStarts: [number, number][];
}

/**
 * Assigns each event a column: one right of its host's previous column and of each arrow's source, so arrows
 * always point right and concurrent events share columns (a longest-path layering of the happened-before DAG).
 * Events of a collapsed run take the column of the run's first event. With `times`, all events of a later time
 * start right of every event of an earlier time (as long as ids follow time).
 */
export function layoutColumns(input: LayoutInput): LayoutOutput {
  const n = input.eventCount;
  const col = new Int32Array(n);
  const preds: number[][] = [];
  for (let i = 0; i < n; i++) preds.push([]);
  for (const a of input.arrows) if (a[1] < n && a[0] < n) preds[a[1]]!.push(a[0]);
  const lastCol = new Int32Array(input.hostCount).fill(-1);
  const timeStarts: [number, number][] = [];
  let maxCol = -1;
  let floor = 0;
  let time = -Infinity;
  for (let e = 0; e < n; e++) {
    const host = input.hostOf[e]!;
    const run = input.runOf[e]!;
    if (run >= 0 && input.collapsed[run] && input.runFirst[run] !== e) {
      col[e] = col[input.runFirst[run]!]!;
      continue;
    }
    const t = input.times === null ? null : input.times[e];
    if (t !== null && t !== undefined && t > time) {
      time = t;
      floor = maxCol + 1;
      timeStarts.push([floor, t]);
    }
    let c = Math.max(lastCol[host]! + 1, floor);
    for (const p of preds[e]!) c = Math.max(c, col[p]! + 1);
    col[e] = c;
    lastCol[host] = c;
    if (c > maxCol) maxCol = c;
  }
  return { col, columns: maxCol + 1, timeStarts };
}
