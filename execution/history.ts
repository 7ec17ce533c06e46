/**
 * Client histories (Jepsen's shape): each operation is an `invoke` followed by its completion — `ok`, `fail` (it
 * certainly did not take effect) or `info` (outcome unknown: it may or may not have taken effect). An invoke with no
 * completion at all is treated like `info`.
 */

/** A value in a history: `null` is Jepsen's nil (a read of a missing key); a pair is a CAS's [from, to]. */
export type HistoryValue = null | number | string | readonly HistoryValue[];

export type HistoryEventType = 'invoke' | 'ok' | 'fail' | 'info';

export interface HistoryEvent {
  /** Client (Jepsen's process) issuing the operation; one operation outstanding per client at a time. */
  readonly process: number;
  readonly type: HistoryEventType;
  /** Operation name: `read`, `write`, `cas` (registers); `get`, `put`, `append` (key-value). */
  readonly f: string;
  /** Key, for key-value histories. */
  readonly key?: string;
  readonly value: HistoryValue;
  /** Virtual time in ticks, for simulated histories. */
  readonly timeTicks?: number;
  /** 1-based line of the source file, for histories read from a file. */
  readonly line?: number;
}

export type History = readonly HistoryEvent[];

/**
 * A Jepsen operation's value as Jepsen's own checkers see it: a history value, or a map (a bank read
 * `{0 10, 1 90}`, a transfer `{:from 0, :to 1, :amount 5}`), kept as its entries in the order written.
 */
export type JepsenValue = null | number | string | readonly JepsenValue[] | JepsenMap;

export interface JepsenMap {
  readonly entries: readonly (readonly [JepsenValue, JepsenValue])[];
}

/** An event of a Jepsen history: a `HistoryEvent` whose value may be a map, with Jepsen's `:time` when given. */
export interface JepsenEvent extends Omit<HistoryEvent, 'value'> {
  readonly value: JepsenValue;
  /** Jepsen's `:time`, nanoseconds since the test began, when the file gives it. */
  readonly timeNanos?: number;
}

/** Every `History` is a `JepsenHistory`; the Jepsen checkers (properties/jepsen-checkers/) read these. */
export type JepsenHistory = readonly JepsenEvent[];

export function isJepsenMap(v: JepsenValue): v is JepsenMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
