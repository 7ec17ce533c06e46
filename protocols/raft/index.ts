/** Raft-style leader election: the protocol model, its bug variants and its properties. */
export { raftElection } from './election.js';
export { leaderAfterHeal, LEADER_WITHIN_TICKS_AFTER_HEAL, statesAt } from './liveness.js';
export { electionSafety, leadersByTerm, oneLeaderPerTerm, twoLeadersPredicate } from './safety.js';
export {
  ELECTION_TIMEOUT_TICKS_MAX,
  ELECTION_TIMEOUT_TICKS_MIN,
  HEARTBEAT_TICKS,
  NO_NODE,
  RAFT_BUGS,
  type RaftBug,
  type RaftDurable,
  type RaftMessage,
  type RaftRole,
  type RaftState,
} from './types.js';
