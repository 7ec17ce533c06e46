/** Raft-style leader election: the protocol model and its bug variants (its properties: scenarios/properties/). */
export { raftElection } from './election.js';
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
