/** Tiny hand-built outcomes for checking properties: per host, a list of (kind, tick, fields) events. */
import type { EventKind, Execution, ExecEvent, State } from '../../execution/types.js';
import type { RunOutcome } from '../../scenarios/types.js';

/** One hand-written event: its kind, its tick and the host's observed fields after it. */
export type HandEvent = readonly [kind: EventKind, timeTicks: number, fields: State];

/**
 * An outcome whose execution has the given events per host (ids in host order, no messages, no clocks that matter):
 * enough for properties that read `byHost`, `hostStates`, `kind` and `timeTicks`.
 */
export function handOutcome(perHost: readonly (readonly HandEvent[])[], endTicks = 1_000): RunOutcome {
  const events: ExecEvent[] = [];
  const byHost: number[][] = [];
  const hostStates: State[][] = [];
  for (let h = 0; h < perHost.length; h++) {
    byHost.push([]);
    hostStates.push([{}]);
    perHost[h]!.forEach(([kind, timeTicks, fields], index) => {
      const id = events.length;
      events.push({ id, host: h, index, kind, label: kind, timeTicks, clock: new Int32Array(perHost.length), fields });
      byHost[h]!.push(id);
      hostStates[h]!.push(fields);
    });
  }
  const execution = {
    label: 'hand-built',
    hosts: perHost.map((_, h) => `p${h}`),
    events,
    byHost,
    clocks: new Int32Array(events.length * perHost.length),
    hostStates,
    messages: [],
  } as unknown as Execution;
  return {
    execution,
    history: [],
    endReason: 'quiescent',
    endTicks,
    nodeCount: perHost.length,
    finalStates: [],
    inFlightCount: 0,
    schedule: [],
  };
}
