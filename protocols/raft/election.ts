/**
 * Raft-style leader election as handlers that emit effects.
 *
 * - A follower (or candidate) whose election timer fires starts an election: new term, votes for itself, persists
 *   `{term, votedFor}` and asks every peer for its vote; while a candidate it re-sends the request to peers that have
 *   not voted every HEARTBEAT_TICKS (the network may lose messages).
 * - A node grants at most one vote per term (to the first candidate that asks; again to the same candidate), and
 *   persists the vote before answering.
 * - A candidate with votes from a majority becomes leader and sends heartbeats every HEARTBEAT_TICKS.
 * - Any message with a higher term makes the receiver adopt it and step down to follower.
 * - After a crash, `onRecover` restores `{term, votedFor}` and the node restarts as a follower.
 */
import type { Context, NodeId, Protocol } from '../../sim/process.js';
import {
  ELECTION_TIMEOUT_TICKS_MAX,
  ELECTION_TIMEOUT_TICKS_MIN,
  HEARTBEAT_TICKS,
  NO_NODE,
  type RaftBug,
  type RaftDurable,
  type RaftMessage,
  type RaftState,
} from './types.js';

type Ctx = Context<RaftMessage, RaftDurable>;

/** The election model; `bug` selects a bug variant (RAFT_BUGS), undefined for the correct protocol. */
export function raftElection(bug?: RaftBug): Protocol<RaftState, RaftMessage, RaftDurable> {
  /** Persists term and votedFor (only the term under `votedfor-not-persisted`). */
  const persist = (s: RaftState, ctx: Ctx): void => {
    ctx.persist({ term: s.term, votedFor: bug === 'votedfor-not-persisted' ? NO_NODE : s.votedFor });
  };

  const armElectionTimer = (ctx: Ctx): void => {
    ctx.setTimer('election', ctx.chooseInt('election-timeout', ELECTION_TIMEOUT_TICKS_MIN, ELECTION_TIMEOUT_TICKS_MAX));
  };

  const follower = (term: number, votedFor: NodeId): RaftState => ({
    term,
    votedFor,
    role: 'follower',
    voters: [],
    votesCounted: 0,
    leaderId: NO_NODE,
  });

  const becomeLeader = (s: RaftState, ctx: Ctx): RaftState => {
    ctx.cancelTimer('election');
    ctx.broadcast({ type: 'append-entries', term: s.term, leader: ctx.self });
    ctx.setTimer('heartbeat', HEARTBEAT_TICKS);
    return { ...s, role: 'leader', leaderId: ctx.self };
  };

  const startElection = (s: RaftState, ctx: Ctx): RaftState => {
    const next: RaftState = {
      term: s.term + 1,
      votedFor: ctx.self,
      role: 'candidate',
      voters: [ctx.self],
      votesCounted: 1,
      leaderId: NO_NODE,
    };
    persist(next, ctx);
    ctx.broadcast({ type: 'request-vote', term: next.term, candidate: ctx.self });
    armElectionTimer(ctx);
    ctx.setTimer('heartbeat', HEARTBEAT_TICKS);
    return 2 * next.votesCounted > ctx.nodeCount ? becomeLeader(next, ctx) : next;
  };

  const onRequestVote = (s: RaftState, from: NodeId, term: number, candidate: NodeId, ctx: Ctx): RaftState => {
    const grant = term === s.term && (s.votedFor === NO_NODE || s.votedFor === candidate);
    let next = s;
    if (grant) {
      next = { ...s, votedFor: candidate };
      persist(next, ctx);
      armElectionTimer(ctx);
    }
    ctx.send(from, { type: 'vote', term: next.term, granted: grant });
    return next;
  };

  const onVote = (s: RaftState, from: NodeId, term: number, granted: boolean, ctx: Ctx): RaftState => {
    const termMatches = bug === 'stale-term-votes' ? term <= s.term : term === s.term;
    if (s.role !== 'candidate' || !granted || !termMatches) return s;
    const known = s.voters.includes(from);
    if (known && bug !== 'double-vote-count') return s;
    const voters = known ? s.voters : [...s.voters, from].sort((a, b) => a - b);
    const votesCounted = bug === 'double-vote-count' ? s.votesCounted + 1 : voters.length;
    const next: RaftState = { ...s, voters, votesCounted };
    return 2 * votesCounted > ctx.nodeCount ? becomeLeader(next, ctx) : next;
  };

  const onAppendEntries = (s: RaftState, from: NodeId, term: number, leader: NodeId, ctx: Ctx): RaftState => {
    if (term < s.term) {
      ctx.send(from, { type: 'append-reply', term: s.term, success: false });
      return s;
    }
    ctx.send(from, { type: 'append-reply', term: s.term, success: true });
    if (s.role === 'leader') return s; // two leaders of one term: election safety has already failed
    if (s.role === 'candidate') ctx.cancelTimer('heartbeat');
    armElectionTimer(ctx);
    return { ...s, role: 'follower', voters: [], votesCounted: 0, leaderId: leader };
  };

  return {
    name: bug === undefined ? 'raft-election' : `raft-election[${bug}]`,

    init(ctx) {
      armElectionTimer(ctx);
      return follower(0, NO_NODE);
    },

    onRecover(durable, ctx) {
      armElectionTimer(ctx);
      return follower(durable?.term ?? 0, durable?.votedFor ?? NO_NODE);
    },

    onMessage(state, from, msg, ctx) {
      let s = state;
      if (msg.term > s.term) {
        if (s.role === 'leader' || s.role === 'candidate') ctx.cancelTimer('heartbeat');
        if (s.role === 'leader') armElectionTimer(ctx);
        s = follower(msg.term, NO_NODE);
        persist(s, ctx);
      }
      switch (msg.type) {
        case 'request-vote':
          return onRequestVote(s, from, msg.term, msg.candidate, ctx);
        case 'vote':
          return onVote(s, from, msg.term, msg.granted, ctx);
        case 'append-entries':
          return onAppendEntries(s, from, msg.term, msg.leader, ctx);
        case 'append-reply':
          return s;
      }
    },

    onTimer(s, timer, ctx) {
      if (timer === 'election') return s.role === 'leader' ? s : startElection(s, ctx);
      if (s.role === 'leader') {
        ctx.broadcast({ type: 'append-entries', term: s.term, leader: ctx.self });
        ctx.setTimer('heartbeat', HEARTBEAT_TICKS);
      } else if (s.role === 'candidate') {
        for (let peer = 0; peer < ctx.nodeCount; peer++) {
          if (peer !== ctx.self && !s.voters.includes(peer)) {
            ctx.send(peer, { type: 'request-vote', term: s.term, candidate: ctx.self });
          }
        }
        ctx.setTimer('heartbeat', HEARTBEAT_TICKS);
      }
      return s;
    },

    observe(s) {
      return {
        term: s.term,
        role: s.role,
        leader: s.role === 'leader' ? 1 : 0,
        votedFor: s.votedFor,
        votes: s.votesCounted,
        leaderId: s.leaderId,
      };
    },

    describe(msg) {
      switch (msg.type) {
        case 'request-vote':
          return `RequestVote(term ${msg.term}, p${msg.candidate})`;
        case 'vote':
          return `Vote(term ${msg.term}, ${msg.granted ? 'granted' : 'refused'})`;
        case 'append-entries':
          return `AppendEntries(term ${msg.term}, leader p${msg.leader})`;
        case 'append-reply':
          return `AppendReply(term ${msg.term}, ${msg.success ? 'ok' : 'stale'})`;
      }
    },
  };
}
