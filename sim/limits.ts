/** Limits on one run. A run that reaches one ends with that reason (`events-limit`, `time-limit`). */
export interface Limits {
  /** Recorded events per run at most. */
  readonly eventsMax: number;
  /** Virtual time at most: nothing scheduled after this tick happens. */
  readonly timeTicksMax: number;
}

/** Default events per run. */
export const EVENTS_MAX_DEFAULT = 100_000;
/** Default virtual-time bound per run, in ticks. */
export const TIME_TICKS_MAX_DEFAULT = 1_000_000;

/** Default limits. */
export const LIMITS_DEFAULT: Limits = { eventsMax: EVENTS_MAX_DEFAULT, timeTicksMax: TIME_TICKS_MAX_DEFAULT };

/** Why a run ended. `quiescent`: nothing left to happen; `observer-stop`: an event observer ended it. */
export type EndReason = 'quiescent' | 'events-limit' | 'time-limit' | 'protocol-error' | 'observer-stop';
