/**
 * `paxos`: single-decree Paxos (protocols/paxos/) on five nodes, three of them proposers, under random crashes and
 * restarts, loss, duplication and reordering; heals at PAXOS_HEAL_AT_TICKS. Every bug variant runs under this same
 * plan: its bugs are deep (docs/hard-bugs/paxos.md), found by uniform random seeds only once in thousands.
 */
import type { State } from '../execution/types.js';
import { paxos, PAXOS_BUGS, type PaxosBug } from '../protocols/paxos/index.js';
import { NEVER, type FaultPlan } from '../sim/plan.js';
import type { NodeId } from '../sim/process.js';
import { agreement, validity } from './properties/paxos.js';
import type { Scenario } from './types.js';

/** Heal point: faults happen before it. */
export const PAXOS_HEAL_AT_TICKS = 600;
/** Run length in ticks. */
export const PAXOS_TIME_TICKS_MAX = 800;

const PAXOS_PROPERTIES = [agreement, validity] as const;

/** The plan of every variant, the correct one included: lossy, duplicating, reordering links and crashes. */
export const PAXOS_PLAN: FaultPlan = {
  network: { delayTicksMin: 1, delayTicksMax: 20, loss: [1, 10], duplication: [1, 10], ordering: 'unordered' },
  random: { stepTicks: 20, crash: [1, 4], restart: [1, 2], partition: NEVER, heal: NEVER, pause: NEVER, resume: NEVER },
  healAtTicks: PAXOS_HEAL_AT_TICKS,
};

/**
 * A node's situation for coverage-guided search: its proposer phase, whether it has accepted anything, whether its
 * promise is above what it accepted, and whether it has learned the decision.
 */
export function paxosAbstractState(observed: State, _node: NodeId): string {
  const promised = Number(observed['promised'] ?? 0);
  const accBallot = Number(observed['accBallot'] ?? 0);
  return `${String(observed['phase'])}|accepted:${accBallot > 0}|promised>accepted:${promised > accBallot}|learned:${observed['learned'] !== ''}`;
}

/** The `paxos` scenario. */
export const paxosScenario: Scenario = {
  name: 'paxos',
  protocol: 'paxos',
  description: 'single-decree Paxos (3 proposers, 5 acceptors and learners) under crashes and restarts, loss, duplication and reordering; heals at tick 600',
  nodesDefault: 5,
  nodesMin: 3,
  nodesMax: 7,
  bugs: PAXOS_BUGS,
  properties: PAXOS_PROPERTIES.map((p) => p.name),
  build: ({ bug }) => ({
    protocol: paxos(bug as PaxosBug | undefined),
    faults: PAXOS_PLAN,
    limits: { timeTicksMax: PAXOS_TIME_TICKS_MAX, eventsMax: 20_000 },
    properties: PAXOS_PROPERTIES,
    abstractState: paxosAbstractState,
  }),
};
