/**
 * `atomic-commit` (two-phase commit with a recovery log): a coordinator (p0) and three participants run three transactions under random crashes and
 * restarts of any node, partitions, loss, duplication and reordering; the plan heals at tick 400. Log writes take a
 * few ticks, so a crash can fall between starting a log record and its being durable.
 */
import { TPC_BUGS, twoPhaseCommitProtocol, type TpcBug } from '../protocols/two-phase-commit/index.js';
import type { State } from '../execution/types.js';
import type { FaultPlan } from '../sim/plan.js';
import { atomicity, commitNeedsUnanimousYes } from './properties/atomic-commit.js';
import type { Scenario } from './types.js';

/** The heal point: faults stop, crashed nodes restart. */
export const TPC_HEAL_AT_TICKS = 400;

/** The plan every variant runs under. */
export const TPC_FAULTS: FaultPlan = {
  network: { delayTicksMin: 1, delayTicksMax: 10, loss: [1, 10], duplication: [1, 10], ordering: 'unordered' },
  random: { stepTicks: 10, crash: [1, 250], restart: [1, 3], partition: [1, 30], heal: [1, 3], pause: [0, 1], resume: [0, 1], downMax: 1 },
  healAtTicks: TPC_HEAL_AT_TICKS,
};

/** `coordinator|deciding|logged:commit`, `participant|prepared|disk:working`: phase and what the log holds. */
export function tpcAbstractState(observed: State): string {
  return `${String(observed['role'])}|${String(observed['phase'])}|disk:${String(observed['logged'])}`;
}

const PROPERTIES = [atomicity, commitNeedsUnanimousYes] as const;

export const twoPhaseCommitScenario: Scenario = {
  name: 'atomic-commit',
  protocol: 'two-phase-commit',
  description:
    'two-phase commit with a recovery log (presumed abort): coordinator p0, three participants, three transactions; random crashes and restarts, partitions, loss, duplication, reordering; heals at tick 400',
  nodesDefault: 4,
  nodesMin: 2,
  nodesMax: 8,
  bugs: TPC_BUGS,
  properties: PROPERTIES.map((p) => p.name),
  build: ({ bug }) => ({
    protocol: twoPhaseCommitProtocol({ bug: bug as TpcBug | undefined }),
    faults: TPC_FAULTS,
    limits: { timeTicksMax: 700, eventsMax: 5_000 },
    properties: PROPERTIES,
    abstractState: tpcAbstractState,
  }),
};

/** For the registry (scenarios/index.ts). */
export const twoPhaseCommitScenarios = { 'atomic-commit': twoPhaseCommitScenario } satisfies Record<string, Scenario>;
