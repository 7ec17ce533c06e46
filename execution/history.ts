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
