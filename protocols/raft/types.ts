/**
 * Types and timing of the Raft-style leader election model (no log: AppendEntries is a heartbeat only).
 *
 * Times are in ticks of the node's local clock. The election timeout is drawn afresh, through `ctx.chooseInt`, every
 * time the timer is armed, so ties between candidates are broken by the schedule, as in Raft.
 */
import type { NodeId } from '../../sim/process.js';

/** A node's role in its current term. */
export type RaftRole = 'follower' | 'candidate' | 'leader';

/** Bug variants of the model, each a mistake real implementations have made. */
export type RaftBug = 'votedfor-not-persisted' | 'stale-term-votes' | 'double-vote-count';

/** The bug variants with a one-line description each (documented, so an undocumented bug does not compile). */
export const RAFT_BUGS: Readonly<Record<RaftBug, string>> = {
  'votedfor-not-persisted':
    'votedFor is kept in memory only: a node that restarts can vote a second time in the same term',
  'stale-term-votes': 'a candidate counts granted votes without checking they are for its current term',
  'double-vote-count':
    'a candidate counts vote messages instead of distinct voters: a duplicated or re-sent vote counts twice',
};

/** Leader heartbeat period, and the period at which a candidate re-sends RequestVote to peers that did not vote. */
export const HEARTBEAT_TICKS = 10;
/** Election timeout range (inclusive): well above a heartbeat period plus a message delay. */
export const ELECTION_TIMEOUT_TICKS_MIN = 40;
export const ELECTION_TIMEOUT_TICKS_MAX = 80;

/** "No node": votedFor before voting, leaderId before a leader is known. */
export const NO_NODE = -1;

/** What survives a crash: Raft's persistent state (without the log). */
export interface RaftDurable {
  readonly term: number;
  readonly votedFor: NodeId;
}

/** A node's volatile state (lost on crash), including its copy of the persistent fields. */
export interface RaftState {
  readonly term: number;
  readonly votedFor: NodeId;
  readonly role: RaftRole;
  /** Distinct nodes that granted this candidate (or leader) its vote in `term`, self included, ascending. */
  readonly voters: readonly NodeId[];
  /** Votes counted towards a majority: `voters.length`, except under `double-vote-count`. */
  readonly votesCounted: number;
  /** The leader this node knows of in `term`, or NO_NODE. */
  readonly leaderId: NodeId;
}

/** RequestVote RPC: `candidate` asks for a vote in `term`. */
export interface RequestVote {
  readonly type: 'request-vote';
  readonly term: number;
  readonly candidate: NodeId;
}

/** Reply to RequestVote. `term` is the voter's term after handling the request. */
export interface Vote {
  readonly type: 'vote';
  readonly term: number;
  readonly granted: boolean;
}

/** AppendEntries without entries: the leader's heartbeat. */
export interface AppendEntries {
  readonly type: 'append-entries';
  readonly term: number;
  readonly leader: NodeId;
}

/** Reply to AppendEntries; its only use here is to tell a stale leader about a higher term. */
export interface AppendReply {
  readonly type: 'append-reply';
  readonly term: number;
  readonly success: boolean;
}

/** Every message of the model. */
export type RaftMessage = RequestVote | Vote | AppendEntries | AppendReply;
