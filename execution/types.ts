/**
 * The recorded execution: a partial order of events with vector clocks and per-event state.
 *
 * This is the one type the predicate engine (properties/) reads. The simulator (sim/) produces it, and the log
 * readers (formats/) produce it from real systems' logs, so a property checks both the same way.
 */

/** A value of an observable state variable. */
export type StateValue = number | string | boolean;

/** Observable state: variable name → value. */
export type State = Readonly<Record<string, StateValue>>;

/**
 * What an event is. `start` is a process's initialisation (its first event in a simulation); `crash` is the last
 * event before a process goes down; `restart` is the first after it comes back. `internal` covers every event that
 * neither sends nor receives (log lines of real systems whose role is unknown are `internal` or, when their clock
 * shows a merge, `receive`).
 */
export type EventKind =
  | 'start'
  | 'send'
  | 'receive'
  | 'internal'
  | 'timer'
  | 'crash'
  | 'restart'
  | 'pause'
  | 'resume';

/** One event of one host. */
export interface ExecEvent {
  /** Position in `Execution.events` (a linearization consistent with happened-before). */
  readonly id: number;
  /** Host index into `Execution.hosts`. */
  readonly host: number;
  /** 1-based position among the host's own events; always equals `clock[host]`. */
  readonly index: number;
  readonly kind: EventKind;
  /** Human-readable text: the log line's event text, or the simulator's description. */
  readonly label: string;
  /** Virtual time in ticks (simulated executions); absent for logs of real systems. */
  readonly timeTicks?: number;
  /** Vector clock: a view of length `hosts.length` into `Execution.clocks`. */
  readonly clock: Int32Array;
  /** Ids of messages this event sent (send events; several for a broadcast). */
  readonly sent?: readonly number[];
  /** Id of the message this event received (receive events of simulated executions). */
  readonly received?: number;
  /** The fields this event itself carries (a log line's named groups; the simulator's full snapshot). */
  readonly fields: State;
}

/** What became of a message. */
export type MessageFate = 'delivered' | 'dropped' | 'in-flight';

/** A message of a simulated execution, linking its send to its receive(s). */
export interface MessageRecord {
  readonly id: number;
  readonly from: number;
  readonly to: number;
  /** Event id of the send. */
  readonly sendEvent: number;
  /** Event ids of the receives: none when dropped or still in flight, two or more when duplicated. */
  readonly receiveEvents: readonly number[];
  readonly fate: MessageFate;
  /** Why it was dropped, when it was: `loss`, `partition`, `crashed`, ... */
  readonly dropReason?: string;
  /** A short rendering of the payload, for reports. */
  readonly summary: string;
}

/** A recorded execution. Immutable once built (see `buildExecution`). */
export interface Execution {
  readonly label: string;
  readonly hosts: readonly string[];
  /** All events, in an order consistent with happened-before. */
  readonly events: readonly ExecEvent[];
  /** Event ids of each host, in local order: `byHost[h][k - 1]` is host h's k-th event. */
  readonly byHost: readonly (readonly number[])[];
  /** Vector clocks, row-major: event e's clock is `clocks[e * hosts.length .. (e + 1) * hosts.length)`. */
  readonly clocks: Int32Array;
  /**
   * State of each host after its first k events, accumulated over them: `hostStates[h][k]`. `hostStates[h][0]` is
   * empty (nothing set before a host's first event). A field keeps the last value any of the host's events set.
   */
  readonly hostStates: readonly (readonly State[])[];
  /** Message links (simulated executions and dsim traces); empty for logs that do not record them. */
  readonly messages: readonly MessageRecord[];
}
