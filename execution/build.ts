import type { EventKind, ExecEvent, Execution, MessageRecord, State } from './types.js';

/** An event as a producer (simulator or log reader) supplies it. */
export interface EventInput {
  readonly host: number;
  readonly kind: EventKind;
  readonly label: string;
  readonly timeTicks?: number;
  /** Full vector clock, one entry per host. */
  readonly clock: ArrayLike<number>;
  readonly sent?: readonly number[];
  readonly received?: number;
  readonly fields: State;
}

export interface ExecutionInput {
  readonly label: string;
  readonly hosts: readonly string[];
  /** Events in an order consistent with happened-before (every event after all events its clock covers). */
  readonly events: readonly EventInput[];
  readonly messages?: readonly MessageRecord[];
}

/** Why an execution could not be built: which event (by position in the input) and what is wrong. */
export class ExecutionError extends Error {
  constructor(
    readonly eventPosition: number,
    message: string,
  ) {
    super(message);
    this.name = 'ExecutionError';
  }
}

/**
 * Builds an immutable Execution, checking the vector-clock invariants:
 * each host's own entry counts its events 1, 2, 3, ...; no entry exceeds the number of that host's events seen so
 * far in the input order (so the order is a linearization); an event's clock dominates its host's previous clock.
 * Throws `ExecutionError` naming the offending event; log readers turn that into a line-numbered message.
 */
export function buildExecution(input: ExecutionInput): Execution {
  const hostCount = input.hosts.length;
  const eventCount = input.events.length;
  const clocks = new Int32Array(eventCount * hostCount);
  const byHost: number[][] = input.hosts.map(() => []);
  const hostStates: State[][] = input.hosts.map(() => [{}]);
  const events: ExecEvent[] = [];
  for (let id = 0; id < eventCount; id++) {
    const e = input.events[id]!;
    if (!Number.isInteger(e.host) || e.host < 0 || e.host >= hostCount) {
      throw new ExecutionError(id, `event ${id} names host ${e.host}, but there are ${hostCount} hosts`);
    }
    if (e.clock.length !== hostCount) {
      throw new ExecutionError(id, `event ${id} has a clock of ${e.clock.length} entries, expected ${hostCount}`);
    }
    const own = byHost[e.host]!;
    const index = own.length + 1;
    const row = id * hostCount;
    for (let j = 0; j < hostCount; j++) {
      const v = e.clock[j]!;
      if (!Number.isInteger(v) || v < 0) {
        throw new ExecutionError(id, `event ${id} has clock entry ${v} for ${input.hosts[j]}`);
      }
      if (j === e.host && v !== index) {
        throw new ExecutionError(
          id,
          `event ${id} of ${input.hosts[j]} has own clock ${v}, expected ${index} (clocks run 1, 2, 3, ...)`,
        );
      }
      if (j !== e.host && v > byHost[j]!.length) {
        throw new ExecutionError(
          id,
          `event ${id} of ${input.hosts[e.host]} knows ${v} events of ${input.hosts[j]}, but only ${byHost[j]!.length} came before it`,
        );
      }
      clocks[row + j] = v;
    }
    if (own.length > 0) {
      const prevRow = own[own.length - 1]! * hostCount;
      for (let j = 0; j < hostCount; j++) {
        if (clocks[row + j]! < clocks[prevRow + j]!) {
          throw new ExecutionError(id, `event ${id} of ${input.hosts[e.host]} has a clock that went backwards`);
        }
      }
    }
    own.push(id);
    const states = hostStates[e.host]!;
    states.push(Object.freeze({ ...states[states.length - 1]!, ...e.fields }));
    const event: ExecEvent = {
      id,
      host: e.host,
      index,
      kind: e.kind,
      label: e.label,
      clock: clocks.subarray(row, row + hostCount),
      fields: e.fields,
      ...(e.timeTicks === undefined ? {} : { timeTicks: e.timeTicks }),
      ...(e.sent === undefined ? {} : { sent: e.sent }),
      ...(e.received === undefined ? {} : { received: e.received }),
    };
    events.push(event);
  }
  return {
    label: input.label,
    hosts: input.hosts,
    events,
    byHost,
    clocks,
    hostStates,
    messages: input.messages ?? [],
  };
}
