/**
 * `raft-log`: Raft with log replication (protocols/raft/log-replication.ts) on five nodes under random crashes and
 * restarts, partitions, loss, duplication and reordering; heals at RAFT_LOG_HEAL_AT_TICKS. Every bug variant runs under this
 * same plan: its bugs are deep (docs/hard-bugs/raft-log.md), found by uniform random seeds only once in thousands.
 */
import type { State } from '../execution/types.js';
import { raftLogReplication } from '../protocols/raft/log-replication.js';
import { parseLog, RAFT_LOG_BUGS, type RaftLogBug } from '../protocols/raft/log-types.js';
import { NEVER, type FaultPlan } from '../sim/plan.js';
import type { NodeId } from '../sim/process.js';
import { leaderCompleteness, logMatching, stateMachineSafety } from './properties/raft-log.js';
import type { Scenario } from './types.js';

/** Heal point: faults happen before it. */
export const RAFT_LOG_HEAL_AT_TICKS = 1200;
/** Run length in ticks: time after the heal for the cluster to settle and commit. */
export const RAFT_LOG_TIME_TICKS_MAX = 1500;

const RAFT_LOG_PROPERTIES = [stateMachineSafety, leaderCompleteness, logMatching] as const;

/**
 * The plan of every variant, the correct one included: lossy, duplicating, reordering links (the largest delay plus a
 * heartbeat stays below the smallest election timeout); every step a crash (a minority down at most), a restart or a
 * random partition (split, isolation, one-way cut) may happen, and partitions heal.
 */
export const RAFT_LOG_PLAN: FaultPlan = {
  network: { delayTicksMin: 1, delayTicksMax: 18, loss: [1, 20], duplication: [1, 10], ordering: 'unordered' },
  random: { stepTicks: 20, crash: [1, 4], restart: [1, 2], partition: [1, 6], heal: [1, 3], pause: NEVER, resume: NEVER },
  healAtTicks: RAFT_LOG_HEAL_AT_TICKS,
};

/**
 * A node's situation for coverage-guided search: its role, whether its log runs ahead of its commit index, and
 * whether that uncommitted part holds entries of terms older than its own (the entries Figure 8 is about).
 */
export function raftLogAbstractState(observed: State, _node: NodeId): string {
  const log = parseLog(typeof observed['log'] === 'string' ? observed['log'] : '');
  const commit = Number(observed['commit'] ?? 0);
  const term = Number(observed['term'] ?? 0);
  const older = log.slice(commit).some((e) => e.term < term);
  return `${String(observed['role'])}|log>commit:${log.length > commit}|uncommitted-older-term:${older}`;
}

/** The `raft-log` scenario. */
export const raftLogScenario: Scenario = {
  name: 'raft-log',
  protocol: 'raft-log',
  description: 'Raft log replication (elections, AppendEntries, commit) under crashes and restarts, partitions, loss, duplication and reordering; heals at tick 1200',
  nodesDefault: 5,
  nodesMin: 3,
  nodesMax: 7,
  bugs: RAFT_LOG_BUGS,
  properties: RAFT_LOG_PROPERTIES.map((p) => p.name),
  build: ({ bug }) => ({
    protocol: raftLogReplication(bug as RaftLogBug | undefined),
    faults: RAFT_LOG_PLAN,
    limits: { timeTicksMax: RAFT_LOG_TIME_TICKS_MAX, eventsMax: 20_000 },
    properties: RAFT_LOG_PROPERTIES,
    abstractState: raftLogAbstractState,
  }),
};
