import { describe, expect, it } from 'vitest';
import {
  ELECTION_TIMEOUT_TICKS_MAX,
  ELECTION_TIMEOUT_TICKS_MIN,
  HEARTBEAT_TICKS,
  NO_NODE,
  raftElection,
  type RaftBug,
  type RaftDurable,
  type RaftMessage,
  type RaftState,
} from '../../../protocols/raft/index.js';
import { FakeContext } from './fake-context.js';

type Ctx = FakeContext<RaftMessage, RaftDurable>;
const N = 5;

/** Node `self` after its election timer fired once: candidate of term 1. */
function candidate(self: number, bug?: RaftBug): { s: RaftState; ctx: Ctx } {
  const p = raftElection(bug);
  const ctx: Ctx = new FakeContext(self, N);
  const s = p.onTimer(p.init(ctx), 'election', ctx);
  ctx.clear();
  return { s, ctx };
}

describe('raft election handlers', () => {
  it('init arms the election timer with a timeout drawn through chooseInt', () => {
    const lo: Ctx = new FakeContext(0, N, 'min');
    const hi: Ctx = new FakeContext(0, N, 'max');
    const s = raftElection().init(lo);
    raftElection().init(hi);
    expect(s).toMatchObject({ term: 0, role: 'follower', votedFor: NO_NODE, leaderId: NO_NODE });
    expect(lo.timers.get('election')).toBe(ELECTION_TIMEOUT_TICKS_MIN);
    expect(hi.timers.get('election')).toBe(ELECTION_TIMEOUT_TICKS_MAX);
    expect(lo.choices[0]?.label).toBe('election-timeout');
  });

  it('an election timeout starts an election: new term, own vote persisted, RequestVote to every peer', () => {
    const p = raftElection();
    const ctx: Ctx = new FakeContext(2, N);
    const s = p.onTimer(p.init(ctx), 'election', ctx);
    expect(s).toMatchObject({ term: 1, role: 'candidate', votedFor: 2, voters: [2], votesCounted: 1 });
    expect(ctx.persisted).toEqual([{ term: 1, votedFor: 2 }]);
    expect(ctx.sent.map((x) => x.to)).toEqual([0, 1, 3, 4]);
    expect(ctx.sent[0]!.msg).toEqual({ type: 'request-vote', term: 1, candidate: 2 });
    expect(ctx.timers.get('heartbeat')).toBe(HEARTBEAT_TICKS);
  });

  it('a follower grants one vote per term, persisting it before replying, and refuses a second candidate', () => {
    const p = raftElection();
    const ctx: Ctx = new FakeContext(0, N);
    let s = p.init(ctx);
    ctx.clear();
    s = p.onMessage(s, 1, { type: 'request-vote', term: 1, candidate: 1 }, ctx);
    expect(s).toMatchObject({ term: 1, votedFor: 1 });
    expect(ctx.persisted.at(-1)).toEqual({ term: 1, votedFor: 1 });
    expect(ctx.sent).toEqual([{ to: 1, msg: { type: 'vote', term: 1, granted: true } }]);
    ctx.clear();
    s = p.onMessage(s, 3, { type: 'request-vote', term: 1, candidate: 3 }, ctx);
    expect(ctx.sent).toEqual([{ to: 3, msg: { type: 'vote', term: 1, granted: false } }]);
    ctx.clear();
    p.onMessage(s, 1, { type: 'request-vote', term: 1, candidate: 1 }, ctx);
    expect(ctx.sent).toEqual([{ to: 1, msg: { type: 'vote', term: 1, granted: true } }]);
  });

  it('a candidate with a majority of distinct voters becomes leader and sends heartbeats', () => {
    let { s, ctx } = candidate(0);
    s = raftElection().onMessage(s, 1, { type: 'vote', term: 1, granted: true }, ctx);
    expect(s.role).toBe('candidate');
    s = raftElection().onMessage(s, 1, { type: 'vote', term: 1, granted: true }, ctx);
    expect(s).toMatchObject({ role: 'candidate', votesCounted: 2 });
    s = raftElection().onMessage(s, 3, { type: 'vote', term: 1, granted: true }, ctx);
    expect(s).toMatchObject({ role: 'leader', leaderId: 0, voters: [0, 1, 3] });
    expect(ctx.sent.filter((x) => x.msg.type === 'append-entries')).toHaveLength(N - 1);
    expect(ctx.timers.has('election')).toBe(false);
    ctx.clear();
    raftElection().onTimer(s, 'heartbeat', ctx);
    expect(ctx.sent.map((x) => x.msg)).toContainEqual({ type: 'append-entries', term: 1, leader: 0 });
  });

  it('double-vote-count counts a duplicated vote twice', () => {
    const p = raftElection('double-vote-count');
    let { s, ctx } = candidate(0, 'double-vote-count');
    s = p.onMessage(s, 1, { type: 'vote', term: 1, granted: true }, ctx);
    s = p.onMessage(s, 1, { type: 'vote', term: 1, granted: true }, ctx);
    expect(s).toMatchObject({ role: 'leader', voters: [0, 1], votesCounted: 3 });
  });

  it('a vote from an older term is ignored, except under stale-term-votes', () => {
    for (const bug of [undefined, 'stale-term-votes'] as const) {
      const p = raftElection(bug);
      let { s, ctx } = candidate(0, bug);
      s = p.onTimer(s, 'election', ctx); // a second timeout: candidate of term 2
      expect(s.term).toBe(2);
      s = p.onMessage(s, 1, { type: 'vote', term: 1, granted: true }, ctx);
      s = p.onMessage(s, 2, { type: 'vote', term: 1, granted: true }, ctx);
      expect(s.role).toBe(bug === undefined ? 'candidate' : 'leader');
    }
  });

  it('a higher term makes a leader step down, forget its vote and persist the new term', () => {
    const p = raftElection();
    let { s, ctx } = candidate(0);
    s = p.onMessage(s, 1, { type: 'vote', term: 1, granted: true }, ctx);
    s = p.onMessage(s, 2, { type: 'vote', term: 1, granted: true }, ctx);
    expect(s.role).toBe('leader');
    ctx.clear();
    s = p.onMessage(s, 3, { type: 'append-reply', term: 4, success: false }, ctx);
    expect(s).toMatchObject({ term: 4, role: 'follower', votedFor: NO_NODE });
    expect(ctx.persisted).toEqual([{ term: 4, votedFor: NO_NODE }]);
    expect(ctx.cancelled).toContain('heartbeat');
    expect(ctx.timers.has('election')).toBe(true);
  });

  it('a candidate steps down on a heartbeat of its own term; a stale heartbeat is refused', () => {
    const p = raftElection();
    let { s, ctx } = candidate(0);
    s = p.onMessage(s, 4, { type: 'append-entries', term: 1, leader: 4 }, ctx);
    expect(s).toMatchObject({ role: 'follower', term: 1, leaderId: 4, votedFor: 0 });
    ctx.clear();
    s = p.onMessage(s, 3, { type: 'append-entries', term: 0, leader: 3 }, ctx);
    expect(s.leaderId).toBe(4);
    expect(ctx.sent).toEqual([{ to: 3, msg: { type: 'append-reply', term: 1, success: false } }]);
  });

  it('a candidate re-sends RequestVote only to peers that have not voted', () => {
    const p = raftElection();
    let { s, ctx } = candidate(0);
    s = p.onMessage(s, 2, { type: 'vote', term: 1, granted: true }, ctx);
    ctx.clear();
    p.onTimer(s, 'heartbeat', ctx);
    expect(ctx.sent.map((x) => x.to)).toEqual([1, 3, 4]);
  });

  it('onRecover restores term and votedFor, so a restarted node does not vote twice', () => {
    for (const bug of [undefined, 'votedfor-not-persisted'] as const) {
      const p = raftElection(bug);
      const ctx: Ctx = new FakeContext(0, N);
      p.onMessage(p.init(ctx), 1, { type: 'request-vote', term: 3, candidate: 1 }, ctx);
      const durable = ctx.persisted.at(-1);
      const after: Ctx = new FakeContext(0, N);
      const s = p.onRecover!(durable, after);
      expect(s).toMatchObject({ term: 3, role: 'follower' });
      expect(after.timers.has('election')).toBe(true);
      p.onMessage(s, 2, { type: 'request-vote', term: 3, candidate: 2 }, after);
      expect(after.sent[0]!.msg).toEqual({ type: 'vote', term: 3, granted: bug !== undefined });
    }
  });

  it('observe exposes term, role, a numeric leader flag, votedFor, votes and leaderId', () => {
    const { s } = candidate(1);
    expect(raftElection().observe(s)).toEqual({ term: 1, role: 'candidate', leader: 0, votedFor: 1, votes: 1, leaderId: -1 });
  });
});
