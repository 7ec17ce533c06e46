/**
 * Leader-election scenarios: Raft-style election under crashes, loss, duplication and reordering; the same under
 * partitions; and Chang–Roberts on a ring under duplication, reordering and pauses. Every plan heals, so liveness
 * (a leader within a named bound after the heal point) is checked as well as safety.
 */
import { ELECTION_TIMEOUT_TICKS_MAX, RAFT_BUGS, raftElection, type RaftBug } from '../protocols/raft/index.js';
import { changRoberts, RING_BUGS, type RingBug } from '../protocols/ring/index.js';
import { NEVER, type FaultPlan, type LinkBehaviour } from '../sim/plan.js';
import { leaderAfterHeal, LEADER_WITHIN_TICKS_AFTER_HEAL } from './properties/raft-liveness.js';
import { electionSafety, oneLeaderPerTerm } from './properties/raft-safety.js';
import { RING_LEARN_WITHIN_TICKS_AFTER_HEAL, ringAllLearn, ringUniqueLeader } from './properties/ring.js';
import type { Scenario, ScenarioBuild } from './types.js';

/** Heal point of the Raft scenarios: faults happen before it, liveness is measured from it. */
export const RAFT_HEAL_AT_TICKS = 500;
/** Heal point of the ring scenario. */
export const RING_HEAL_AT_TICKS = 200;

const RAFT_PROPERTIES = [electionSafety, oneLeaderPerTerm, leaderAfterHeal()] as const;

/** A run lasts past the liveness deadline by one election timeout, so the state at the deadline is recorded. */
const RAFT_LIMITS = {
  timeTicksMax: RAFT_HEAL_AT_TICKS + LEADER_WITHIN_TICKS_AFTER_HEAL + ELECTION_TIMEOUT_TICKS_MAX,
  eventsMax: 50_000,
};

/**
 * Lossy, duplicating, reordering links. The largest delay plus a heartbeat period stays below the smallest election
 * timeout (Raft's timing requirement), so a correct cluster settles once the plan heals.
 */
const RAFT_NETWORK: LinkBehaviour = {
  delayTicksMin: 1,
  delayTicksMax: 25,
  loss: [1, 20],
  duplication: [1, 8],
  ordering: 'unordered',
};

/**
 * Largest delay under `stale-term-votes`: a vote reply can outlive the candidate's election timeout, so it arrives
 * in the candidate's next term, which is the situation the bug mishandles. (Liveness may suffer: the timing
 * requirement no longer holds; the bug is found by the safety properties.)
 */
export const STALE_VOTE_DELAY_TICKS_MAX = 60;

/**
 * The plan a bug variant runs under: the scenario's plan, adjusted so the situation the bug mishandles is common.
 * `stale-term-votes`: a slower network; `votedfor-not-persisted`: a crash and restart every step or two.
 */
function planForBug(bug: string | undefined, faults: FaultPlan): FaultPlan {
  if (bug === 'stale-term-votes') {
    return { ...faults, network: { ...faults.network, delayTicksMax: STALE_VOTE_DELAY_TICKS_MAX } };
  }
  if (bug === 'votedfor-not-persisted' && faults.random !== undefined) {
    return { ...faults, random: { ...faults.random, crash: [1, 2], restart: [1, 1] } };
  }
  return faults;
}

function raftBuild(bug: string | undefined, faults: FaultPlan): ScenarioBuild {
  return {
    protocol: raftElection(bug as RaftBug | undefined),
    faults: planForBug(bug, faults),
    limits: RAFT_LIMITS,
    properties: RAFT_PROPERTIES,
  };
}

/** `raft-election`: crashes and restarts (a minority at a time), pauses, loss, duplication and reordering. */
/** A Raft election scenario: the shared cluster sizes, bugs and properties, with its own fault plan. */
function raftScenario(name: string, description: string, faults: FaultPlan): Scenario {
  return {
    name,
    protocol: 'raft-election',
    description,
    nodesDefault: 5,
    nodesMin: 3,
    nodesMax: 7,
    bugs: RAFT_BUGS,
    properties: RAFT_PROPERTIES.map((p) => p.name),
    build: ({ bug }) => raftBuild(bug, faults),
  };
}

export const raftElectionScenario: Scenario = raftScenario(
  'raft-election',
  'Raft leader election under crashes and restarts, pauses, loss, duplication and reordering; heals at tick 500',
  {
    network: RAFT_NETWORK,
    random: { stepTicks: 15, crash: [1, 2], restart: [1, 1], partition: NEVER, heal: NEVER, pause: [1, 10], resume: [1, 2] },
    healAtTicks: RAFT_HEAL_AT_TICKS,
  },
);

/** `raft-election/partitions`: random splits, isolations and one-way cuts, then a heal. */
export const raftPartitionsScenario: Scenario = raftScenario(
  'raft-election/partitions',
  'Raft leader election under random partitions (splits, isolated nodes, one-way links) with light loss; heals at tick 500',
  {
    network: { ...RAFT_NETWORK, loss: [1, 50], duplication: [1, 20] },
    scripted: [{ atTicks: 60, action: { kind: 'isolate', node: 0 } }],
    random: { stepTicks: 25, crash: [1, 20], restart: [1, 2], partition: [1, 3], heal: [1, 3], pause: NEVER, resume: NEVER },
    healAtTicks: RAFT_HEAL_AT_TICKS,
  },
);

const RING_PROPERTIES = [ringUniqueLeader, ringAllLearn()] as const;

/**
 * `ring-election`: Chang–Roberts needs reliable channels, so the plan never loses a message: it duplicates, reorders
 * (unordered links with a wide delay spread) and pauses nodes (a paused node's deliveries are held, not lost).
 */
export const ringElectionScenario: Scenario = {
  name: 'ring-election',
  protocol: 'chang-roberts',
  description: 'Chang–Roberts election on a unidirectional ring with duplication, reordering and pauses (no loss); heals at tick 200',
  nodesDefault: 5,
  nodesMin: 2,
  nodesMax: 12,
  bugs: RING_BUGS,
  properties: RING_PROPERTIES.map((p) => p.name),
  build: ({ bug }) => ({
    protocol: changRoberts(bug as RingBug | undefined),
    faults: {
      network: { delayTicksMin: 1, delayTicksMax: 30, loss: NEVER, duplication: [1, 4], ordering: 'unordered' },
      random: { stepTicks: 10, crash: NEVER, restart: NEVER, partition: NEVER, heal: NEVER, pause: [1, 5], resume: [1, 2] },
      healAtTicks: RING_HEAL_AT_TICKS,
    },
    limits: { timeTicksMax: RING_HEAL_AT_TICKS + RING_LEARN_WITHIN_TICKS_AFTER_HEAL, eventsMax: 20_000 },
    properties: RING_PROPERTIES,
  }),
};

/** The election scenarios, for the registry (scenarios/index.ts). */
export const electionScenarios = {
  'raft-election': raftElectionScenario,
  'raft-election/partitions': raftPartitionsScenario,
  'ring-election': ringElectionScenario,
} satisfies Record<string, Scenario>;
