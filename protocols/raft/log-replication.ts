/**
 * Raft with log replication as handlers that emit effects.
 *
 * - Election as in election.ts, with the up-to-date check: a node grants its vote only to a candidate whose log is
 *   at least as up-to-date as its own (last term, then length).
 * - A leader proposes a few entries of its own (a `propose` timer, while the log is short) and replicates them with
 *   the next heartbeat: every LOG_HEARTBEAT_TICKS an AppendEntries to every peer from that peer's `nextIndex`.
 * - A follower accepts entries only after a matching `prevLogIndex`/`prevLogTerm` and truncates on a conflict
 *   (log-follower.ts); a mismatch reply carries the follower's log length, and the leader backs up and retries.
 * - The leader commits the highest index a majority stores whose entry is of its own term (Raft §5.4.2), which
 *   commits every earlier index too; followers learn the commit index from `leaderCommit`.
 * - `{term, votedFor, log}` are persisted before any reply; after a crash the node restarts as a follower with
 *   commit index 0.
 */
import type { Context, NodeId, Protocol } from '../../sim/process.js';
import { appendEntries, candidateUpToDate } from './log-follower.js';
import {
  formatLog,
  LOG_ELECTION_TIMEOUT_TICKS_MAX,
  LOG_ELECTION_TIMEOUT_TICKS_MIN,
  LOG_ENTRIES_MAX,
  LOG_HEARTBEAT_TICKS,
  LOG_NO_NODE,
  PROPOSE_TICKS_MAX,
  PROPOSE_TICKS_MIN,
  termAt,
  type LogEntry,
  type RaftLogBug,
  type RaftLogDurable,
  type RaftLogMessage,
  type RaftLogState,
} from './log-types.js';

type Ctx = Context<RaftLogMessage, RaftLogDurable>;
type State = RaftLogState;

/** The observable fields of a node (see `observe`). */
export const RAFT_LOG_FIELDS = ['term', 'role', 'leader', 'votedFor', 'leaderId', 'commit', 'log', 'logLength', 'lastTerm'] as const;

/** The log-replication model; `bug` selects a bug variant (RAFT_LOG_BUGS), undefined for the correct protocol. */
export function raftLogReplication(bug?: RaftLogBug): Protocol<State, RaftLogMessage, RaftLogDurable> {
  const persist = (s: State, ctx: Ctx): void => ctx.persist({ term: s.term, votedFor: s.votedFor, log: s.log });
  const majority = (ctx: Ctx): number => Math.floor(ctx.nodeCount / 2) + 1;
  const armElectionTimer = (ctx: Ctx): void => {
    ctx.setTimer('election', ctx.chooseInt('election-timeout', LOG_ELECTION_TIMEOUT_TICKS_MIN, LOG_ELECTION_TIMEOUT_TICKS_MAX));
  };
  const armProposeTimer = (ctx: Ctx): void => ctx.setTimer('propose', ctx.chooseInt('propose-ticks', PROPOSE_TICKS_MIN, PROPOSE_TICKS_MAX));

  const follower = (term: number, votedFor: NodeId, log: readonly LogEntry[], commitIndex: number): State => ({
    term,
    votedFor,
    log,
    role: 'follower',
    voters: [],
    leaderId: LOG_NO_NODE,
    commitIndex,
    nextIndex: [],
    matchIndex: [],
    proposedInTerm: 0,
  });

  const sendAppend = (s: State, peer: NodeId, ctx: Ctx): void => {
    const prevLogIndex = s.nextIndex[peer]! - 1;
    ctx.send(peer, {
      type: 'append-entries',
      term: s.term,
      leader: ctx.self,
      prevLogIndex,
      prevLogTerm: termAt(s.log, prevLogIndex),
      entries: s.log.slice(prevLogIndex),
      leaderCommit: s.commitIndex,
    });
  };
  const replicate = (s: State, ctx: Ctx): void => {
    for (let peer = 0; peer < ctx.nodeCount; peer++) if (peer !== ctx.self) sendAppend(s, peer, ctx);
  };

  const becomeLeader = (s: State, ctx: Ctx): State => {
    ctx.cancelTimer('election');
    const next: State = {
      ...s,
      role: 'leader',
      leaderId: ctx.self,
      nextIndex: Array.from({ length: ctx.nodeCount }, () => s.log.length + 1),
      matchIndex: Array.from({ length: ctx.nodeCount }, (_, p) => (p === ctx.self ? s.log.length : 0)),
      proposedInTerm: 0,
    };
    replicate(next, ctx);
    ctx.setTimer('heartbeat', LOG_HEARTBEAT_TICKS);
    armProposeTimer(ctx);
    return next;
  };

  const startElection = (s: State, ctx: Ctx): State => {
    const next: State = { ...follower(s.term + 1, ctx.self, s.log, s.commitIndex), role: 'candidate', voters: [ctx.self] };
    persist(next, ctx);
    ctx.broadcast({ type: 'request-vote', term: next.term, candidate: ctx.self, lastLogIndex: s.log.length, lastLogTerm: termAt(s.log, s.log.length) });
    armElectionTimer(ctx);
    ctx.setTimer('heartbeat', LOG_HEARTBEAT_TICKS);
    return next.voters.length >= majority(ctx) ? becomeLeader(next, ctx) : next;
  };

  /** The highest index above the commit index that a majority stores, of the leader's term (any term under the bug). */
  const advanceCommit = (s: State, ctx: Ctx): State => {
    for (let n = s.log.length; n > s.commitIndex; n--) {
      if (bug !== 'commit-earlier-term' && termAt(s.log, n) !== s.term) continue;
      if (s.matchIndex.filter((m) => m >= n).length >= majority(ctx)) return { ...s, commitIndex: n };
    }
    return s;
  };

  const onRequestVote = (s: State, from: NodeId, msg: Extract<RaftLogMessage, { type: 'request-vote' }>, ctx: Ctx): State => {
    const free = s.votedFor === LOG_NO_NODE || s.votedFor === msg.candidate;
    const grant = msg.term === s.term && free && candidateUpToDate(s.log, msg.lastLogIndex, msg.lastLogTerm);
    let next = s;
    if (grant) {
      next = { ...s, votedFor: msg.candidate };
      persist(next, ctx);
      armElectionTimer(ctx);
    }
    ctx.send(from, { type: 'vote', term: next.term, granted: grant });
    return next;
  };

  const onVote = (s: State, from: NodeId, term: number, granted: boolean, ctx: Ctx): State => {
    if (s.role !== 'candidate' || !granted || term !== s.term || s.voters.includes(from)) return s;
    const next: State = { ...s, voters: [...s.voters, from].sort((a, b) => a - b) };
    return next.voters.length >= majority(ctx) ? becomeLeader(next, ctx) : next;
  };

  const onAppendEntries = (s: State, from: NodeId, msg: Extract<RaftLogMessage, { type: 'append-entries' }>, ctx: Ctx): State => {
    if (msg.term < s.term || s.role === 'leader') {
      // a stale leader learns the newer term; two leaders of one term: election safety has already failed
      ctx.send(from, { type: 'append-reply', term: s.term, success: false, matchIndex: s.log.length });
      return s;
    }
    if (s.role === 'candidate') ctx.cancelTimer('heartbeat');
    armElectionTimer(ctx);
    let next: State = { ...s, role: 'follower', voters: [], leaderId: msg.leader };
    const result = appendEntries(s.log, msg.prevLogIndex, msg.prevLogTerm, msg.entries, bug);
    if (!result.matched) {
      ctx.send(from, { type: 'append-reply', term: s.term, success: false, matchIndex: s.log.length });
      return next;
    }
    if (result.changed) {
      next = { ...next, log: result.log };
      persist(next, ctx);
    }
    const lastNew = msg.prevLogIndex + msg.entries.length;
    next = { ...next, commitIndex: Math.max(s.commitIndex, Math.min(msg.leaderCommit, lastNew)) };
    ctx.send(from, { type: 'append-reply', term: s.term, success: true, matchIndex: lastNew });
    return next;
  };

  const onAppendReply = (s: State, from: NodeId, msg: Extract<RaftLogMessage, { type: 'append-reply' }>, ctx: Ctx): State => {
    if (s.role !== 'leader' || msg.term !== s.term) return s;
    const nextIndex = [...s.nextIndex];
    const matchIndex = [...s.matchIndex];
    if (!msg.success) {
      nextIndex[from] = Math.max(1, Math.min(nextIndex[from]! - 1, msg.matchIndex + 1));
      const next = { ...s, nextIndex };
      sendAppend(next, from, ctx);
      return next;
    }
    matchIndex[from] = Math.max(matchIndex[from]!, msg.matchIndex);
    nextIndex[from] = Math.max(nextIndex[from]!, matchIndex[from]! + 1);
    return advanceCommit({ ...s, nextIndex, matchIndex }, ctx);
  };

  const propose = (s: State, ctx: Ctx): State => {
    if (s.log.length >= LOG_ENTRIES_MAX) return s;
    const entry: LogEntry = { term: s.term, value: 100 * s.term + 10 * ctx.self + s.proposedInTerm };
    const matchIndex = s.matchIndex.map((m, p) => (p === ctx.self ? s.log.length + 1 : m));
    const next: State = { ...s, log: [...s.log, entry], matchIndex, proposedInTerm: s.proposedInTerm + 1 };
    persist(next, ctx);
    armProposeTimer(ctx);
    return advanceCommit(next, ctx);
  };

  return {
    name: bug === undefined ? 'raft-log' : `raft-log[${bug}]`,
    fields: RAFT_LOG_FIELDS,

    init(ctx) {
      armElectionTimer(ctx);
      return follower(0, LOG_NO_NODE, [], 0);
    },

    onRecover(durable, ctx) {
      armElectionTimer(ctx);
      return follower(durable?.term ?? 0, durable?.votedFor ?? LOG_NO_NODE, durable?.log ?? [], 0);
    },

    onMessage(state, from, msg, ctx) {
      let s = state;
      if (msg.term > s.term) {
        if (s.role !== 'follower') ctx.cancelTimer('heartbeat');
        if (s.role === 'leader') {
          ctx.cancelTimer('propose');
          armElectionTimer(ctx);
        }
        s = follower(msg.term, LOG_NO_NODE, s.log, s.commitIndex);
        persist(s, ctx);
      }
      switch (msg.type) {
        case 'request-vote':
          return onRequestVote(s, from, msg, ctx);
        case 'vote':
          return onVote(s, from, msg.term, msg.granted, ctx);
        case 'append-entries':
          return onAppendEntries(s, from, msg, ctx);
        case 'append-reply':
          return onAppendReply(s, from, msg, ctx);
      }
    },

    onTimer(s, timer, ctx) {
      if (timer === 'election') return s.role === 'leader' ? s : startElection(s, ctx);
      if (timer === 'propose') return s.role === 'leader' ? propose(s, ctx) : s;
      if (s.role === 'leader') {
        replicate(s, ctx);
        ctx.setTimer('heartbeat', LOG_HEARTBEAT_TICKS);
      } else if (s.role === 'candidate') {
        const lastLogTerm = termAt(s.log, s.log.length);
        for (let peer = 0; peer < ctx.nodeCount; peer++) {
          if (peer === ctx.self || s.voters.includes(peer)) continue;
          ctx.send(peer, { type: 'request-vote', term: s.term, candidate: ctx.self, lastLogIndex: s.log.length, lastLogTerm });
        }
        ctx.setTimer('heartbeat', LOG_HEARTBEAT_TICKS);
      }
      return s;
    },

    observe(s) {
      return {
        term: s.term,
        role: s.role,
        leader: s.role === 'leader' ? 1 : 0,
        votedFor: s.votedFor,
        leaderId: s.leaderId,
        commit: s.commitIndex,
        log: formatLog(s.log),
        logLength: s.log.length,
        lastTerm: termAt(s.log, s.log.length),
      };
    },

    describe(msg) {
      switch (msg.type) {
        case 'request-vote':
          return `RequestVote(term ${msg.term}, p${msg.candidate}, last ${msg.lastLogIndex}@${msg.lastLogTerm})`;
        case 'vote':
          return `Vote(term ${msg.term}, ${msg.granted ? 'granted' : 'refused'})`;
        case 'append-entries':
          return `AppendEntries(term ${msg.term}, p${msg.leader}, prev ${msg.prevLogIndex}@${msg.prevLogTerm}, [${formatLog(msg.entries)}], commit ${msg.leaderCommit})`;
        case 'append-reply':
          return `AppendReply(term ${msg.term}, ${msg.success ? 'ok' : 'mismatch'}, ${msg.matchIndex})`;
      }
    },
  };
}
