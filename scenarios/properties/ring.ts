/**
 * Properties of the Chang–Roberts model, over the recorded execution.
 *
 * - `ring-unique-leader` (safety): exactly one node ever declares itself leader, it does so once, and it holds the
 *   maximum id.
 * - `ring-all-learn` (liveness): within RING_LEARN_WITHIN_TICKS_AFTER_HEAL ticks of the heal point (or by the end of
 *   a run without one) every node has learned the maximum id as its leader.
 */
import type { Execution, State } from '../../execution/types.js';
import { undecided, type Property, type PropertyVerdict, type RunOutcome } from '../types.js';

/** Ticks after the heal point by which every node must know the leader. */
export const RING_LEARN_WITHIN_TICKS_AFTER_HEAL = 300;

/** The maximum id over all hosts and the host that holds it (ids are observed from each host's first event). */
function maxId(exec: Execution): { id: number; host: number } | undefined {
  let best: { id: number; host: number } | undefined;
  exec.hostStates.forEach((states, host) => {
    const id = states[states.length - 1]?.['id'];
    if (typeof id === 'number' && (best === undefined || id > best.id)) best = { id, host };
  });
  return best;
}

function checkUniqueLeader(exec: Execution): PropertyVerdict {
  const max = maxId(exec);
  const declarers: string[] = [];
  for (let h = 0; h < exec.hosts.length; h++) {
    const own = exec.byHost[h]!;
    let previous = 0;
    for (let k = 1; k <= own.length; k++) {
      const count = exec.hostStates[h]![k]!['declarations'];
      if (typeof count !== 'number' || count === previous) continue;
      previous = count;
      const e = exec.events[own[k - 1]!]!;
      declarers.push(`${exec.hosts[h]} (id ${String(exec.hostStates[h]![k]!['id'])}) at event ${e.id}, tick ${e.timeTicks ?? '?'}`);
      if (max !== undefined && h !== max.host) {
        return { ok: false, message: `${declarers.at(-1)!} declared itself leader, but the maximum id is ${max.id} at ${exec.hosts[max.host]}` };
      }
      if (count > 1) {
        return { ok: false, message: `the leader declared itself ${count} times: ${declarers.join(', then ')}` };
      }
    }
  }
  return { ok: true };
}

function describePending(host: string, s: State | undefined, max: number): string | undefined {
  if (s === undefined) return `${host} is down`;
  const leader = s['leaderId'];
  if (leader === max) return undefined;
  return leader === -1 ? `${host} (id ${String(s['id'])}) has learned no leader` : `${host} believes ${String(leader)} is leader`;
}

function checkAllLearn(outcome: RunOutcome, boundTicks: number): PropertyVerdict {
  const exec = outcome.execution;
  const max = maxId(exec);
  if (max === undefined) return { ok: true };
  if (outcome.endReason === 'events-limit') return undecided(`the run stopped at tick ${outcome.endTicks} (events-limit) before every node could learn the leader`);
  const pending = outcome.finalStates
    .map((s, h) => describePending(exec.hosts[h]!, s, max.id))
    .filter((p): p is string => p !== undefined);
  if (pending.length === 0) return { ok: true };
  const deadline = outcome.healAtTicks === undefined ? 'the end of the run' : `tick ${outcome.healAtTicks + boundTicks}`;
  return {
    ok: false,
    message:
      `by ${deadline} (RING_LEARN_WITHIN_TICKS_AFTER_HEAL = ${boundTicks}) not every node knows the leader ` +
      `${max.id} (${exec.hosts[max.host]}): ${pending.join('; ')}; ${outcome.inFlightCount} messages still in flight`,
  };
}

/** Exactly one node, the one with the maximum id, declares itself leader, once. */
export const ringUniqueLeader: Property = {
  name: 'ring-unique-leader',
  safety: true,
  description: 'exactly one node declares itself leader, once, and it holds the maximum id',
  check: (outcome) => checkUniqueLeader(outcome.execution),
};

/** Every node learns the maximum id as leader within `boundTicks` of the heal point. */
export function ringAllLearn(boundTicks = RING_LEARN_WITHIN_TICKS_AFTER_HEAL): Property {
  return {
    name: 'ring-all-learn',
    description: `every node learns the maximum id as its leader within ${boundTicks} ticks of the heal point`,
    check: (outcome) => checkAllLearn(outcome, boundTicks),
  };
}
