/**
 * An Execution whose per-event objects are made on first use. A simulation records into typed arrays; the
 * `ExecEvent` objects, `byHost`, `hostStates` and `messages` are views a consumer may never need (a benchmark, a
 * fuzz run whose properties read only the final states). They are built once, on first access, and then fixed:
 * to every reader the object behaves as a plain immutable Execution (enumerable properties, same arrays each time).
 */
import type { ExecEvent, Execution, MessageRecord, State } from '../execution/types.js';

/** The per-event views, built together. */
export interface EventViews {
  readonly events: readonly ExecEvent[];
  readonly byHost: readonly (readonly number[])[];
  readonly hostStates: readonly (readonly State[])[];
}

/** An Execution with `events`, `byHost`, `hostStates` from `views()` and `messages` from `messages()`, each built once. */
export function lazyExecution(
  label: string,
  hosts: readonly string[],
  clocks: Int32Array,
  views: () => EventViews,
  messages: () => readonly MessageRecord[],
): Execution {
  let built: EventViews | undefined;
  let builtMessages: readonly MessageRecord[] | undefined;
  const get = (): EventViews => (built ??= views());
  const exec = { label, hosts, clocks };
  Object.defineProperties(exec, {
    events: { enumerable: true, get: () => get().events },
    byHost: { enumerable: true, get: () => get().byHost },
    hostStates: { enumerable: true, get: () => get().hostStates },
    messages: { enumerable: true, get: () => (builtMessages ??= messages()) },
  });
  return Object.freeze(exec) as Execution;
}
