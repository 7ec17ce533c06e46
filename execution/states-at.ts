import type { Execution, State } from './types.js';

/**
 * Each host's state after its last event at or before virtual time `atTicks`; `undefined` for a host that is down
 * (its last such event is a crash) or has no event yet. Events without a time count as time 0.
 */
export function statesAt(exec: Execution, atTicks: number): (State | undefined)[] {
  return exec.byHost.map((own, h) => {
    let k = own.length;
    while (k > 0 && (exec.events[own[k - 1]!]!.timeTicks ?? 0) > atTicks) k--;
    if (k === 0 || exec.events[own[k - 1]!]!.kind === 'crash') return undefined;
    return exec.hostStates[h]![k]!;
  });
}
