/** Limits on one run. A run that reaches one ends with that reason (`events-limit`, `time-limit`, `storage-limit`). */
export interface Limits {
  /** Recorded events per run at most. */
  readonly eventsMax: number;
  /** Virtual time at most: nothing scheduled after this tick happens. */
  readonly timeTicksMax: number;
  /**
   * Characters one node's storage holds at most (log records, keys and values, synced or not; sim/storage.ts): a
   * handler whose writes pass it ends the run with `storage-limit`. Optional: default `STORAGE_CHARS_MAX_DEFAULT`.
   */
  readonly storageCharsMax?: number;
}

/** Default characters of one node's storage. */
export const STORAGE_CHARS_MAX_DEFAULT = 1_000_000;

/** Default events per run. */
export const EVENTS_MAX_DEFAULT = 100_000;
/** Default virtual-time bound per run, in ticks. */
export const TIME_TICKS_MAX_DEFAULT = 1_000_000;

/** Default limits. */
export const LIMITS_DEFAULT: Limits = { eventsMax: EVENTS_MAX_DEFAULT, timeTicksMax: TIME_TICKS_MAX_DEFAULT };

/**
 * Why a run ended. `quiescent`: nothing left to happen; `observer-stop`: an event observer ended it;
 * `storage-limit`: a node's storage grew past `storageCharsMax`.
 */
export type EndReason = 'quiescent' | 'events-limit' | 'time-limit' | 'storage-limit' | 'protocol-error' | 'observer-stop';

/**
 * Nodes of one run at most (a scenario may set a lower `nodesMax`): a run records a vector clock of this many cells
 * per event, and a larger cluster is a mistyped flag far more often than a wish.
 */
export const NODES_MAX_DEFAULT = 1000;
/** `--max-events` at most: above it a run's records (events, states, clocks) would not fit in memory. */
export const EVENTS_MAX_LIMIT = 10_000_000;
/**
 * Vector-clock cells of one run at most (events × nodes; 4 bytes each, so 256 MiB): a run that could record more is
 * refused before it starts, naming the flags to lower (`--max-events`, `--nodes`).
 */
export const VC_CELLS_MAX = 64 * 1024 * 1024;
/** Choices in a schedule file at most (a run records a few per event). */
export const SCHEDULE_CHOICES_MAX = 4 * EVENTS_MAX_LIMIT;
