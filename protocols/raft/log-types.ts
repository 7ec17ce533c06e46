/**
 * Types and timing of the Raft model with log replication (election as in types.ts, plus AppendEntries carrying
 * entries, log matching, conflict truncation and a commit index).
 *
 * Times are in ticks of the node's local clock. Log indices are 1-based, as in the Raft paper: `log[i - 1]` is the
 * entry at index i, and index 0 is the empty prefix (term 0).
 */
import type { NodeId } from '../../sim/process.js';
import type { RaftRole } from './types.js';

/** Bug variants of the log model, each a mistake real implementations have made. */
export type RaftLogBug = 'commit-earlier-term' | 'truncate-on-any-append';

/** The bug variants with a one-line description each (documented, so an undocumented bug does not compile). */
export const RAFT_LOG_BUGS: Readonly<Record<RaftLogBug, string>> = {
  'commit-earlier-term':
    'the leader commits an index once a majority stores it, even an entry of an earlier term (Raft §5.4.2, Figure 8): a later leader can overwrite it',
  'truncate-on-any-append':
    'a follower cuts its log after prevLogIndex on every AppendEntries, not only on a conflict: a reordered older AppendEntries erases acknowledged entries',
};

/** Leader heartbeat (and AppendEntries retransmission) period; a candidate re-sends RequestVote at this period. */
export const LOG_HEARTBEAT_TICKS = 10;
/** Election timeout range (inclusive). */
export const LOG_ELECTION_TIMEOUT_TICKS_MIN = 40;
export const LOG_ELECTION_TIMEOUT_TICKS_MAX = 80;
/** A leader proposes a new entry after a delay drawn from this range (inclusive), while the log is short. */
export const PROPOSE_TICKS_MIN = 5;
export const PROPOSE_TICKS_MAX = 40;
/** A leader proposes only while its log holds fewer entries than this: a few entries per run. */
export const LOG_ENTRIES_MAX = 10;

/** "No node": votedFor before voting, leaderId before a leader is known. */
export const LOG_NO_NODE = -1;

/** One log entry: the term it was created in and its value (unique per run: `100 * term + 10 * leader + k`). */
export interface LogEntry {
  readonly term: number;
  readonly value: number;
}

/** What survives a crash: Raft's persistent state, the log included. */
export interface RaftLogDurable {
  readonly term: number;
  readonly votedFor: NodeId;
  readonly log: readonly LogEntry[];
}

/** A node's volatile state (lost on crash), including its copy of the persistent fields. */
export interface RaftLogState {
  readonly term: number;
  readonly votedFor: NodeId;
  readonly log: readonly LogEntry[];
  readonly role: RaftRole;
  /** Distinct voters for this candidate in `term`, self included, ascending. */
  readonly voters: readonly NodeId[];
  readonly leaderId: NodeId;
  /** Highest index known committed (volatile: 0 after a restart). */
  readonly commitIndex: number;
  /** Leader only: per peer, the next index to send and the highest index known replicated there. */
  readonly nextIndex: readonly number[];
  readonly matchIndex: readonly number[];
  /** Entries this node proposed as leader in `term` (for unique values). */
  readonly proposedInTerm: number;
}

/** RequestVote RPC with the candidate's last log position (for the up-to-date check). */
export interface LogRequestVote {
  readonly type: 'request-vote';
  readonly term: number;
  readonly candidate: NodeId;
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
}

/** Reply to RequestVote. */
export interface LogVote {
  readonly type: 'vote';
  readonly term: number;
  readonly granted: boolean;
}

/** AppendEntries RPC: entries following `prevLogIndex` (possibly none: a heartbeat), and the leader's commit. */
export interface LogAppendEntries {
  readonly type: 'append-entries';
  readonly term: number;
  readonly leader: NodeId;
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  readonly entries: readonly LogEntry[];
  readonly leaderCommit: number;
}

/**
 * Reply to AppendEntries. On success `matchIndex` is the last index the request covered; on a mismatch it is a hint:
 * the follower's log length, so the leader backs up at once.
 */
export interface LogAppendReply {
  readonly type: 'append-reply';
  readonly term: number;
  readonly success: boolean;
  readonly matchIndex: number;
}

/** Every message of the log model. */
export type RaftLogMessage = LogRequestVote | LogVote | LogAppendEntries | LogAppendReply;

/** Term of the entry at 1-based `index` (0 for index 0 or past the end). */
export function termAt(log: readonly LogEntry[], index: number): number {
  return index >= 1 && index <= log.length ? log[index - 1]!.term : 0;
}

/** A log as observed: `term:value` per entry, space-separated (empty for an empty log). */
export function formatLog(log: readonly LogEntry[]): string {
  return log.map((e) => `${e.term}:${e.value}`).join(' ');
}

/** The entries of an observed log string (the inverse of `formatLog`). */
export function parseLog(text: string): LogEntry[] {
  if (text === '') return [];
  return text.split(' ').map((pair) => {
    const [term, value] = pair.split(':');
    return { term: Number(term), value: Number(value) };
  });
}
