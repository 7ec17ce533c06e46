import { describe, expect, it } from 'vitest';
import { changRoberts, ID_RANKS, NO_LEADER, type RingMessage, type RingState } from '../../../protocols/ring/index.js';
import { FakeContext } from './fake-context.js';

type Ctx = FakeContext<RingMessage, never>;
const N = 4;

function start(self: number, bug?: 'ring-no-dup-tolerance'): { s: RingState; ctx: Ctx } {
  const ctx: Ctx = new FakeContext(self, N, 'max');
  const s = changRoberts(bug).init(ctx);
  return { s, ctx };
}

describe('Chang–Roberts handlers', () => {
  it('init draws an id rank, derives a unique id and sends it to the successor', () => {
    const { s, ctx } = start(3);
    expect(s.id).toBe((ID_RANKS - 1) * N + 3);
    expect(ctx.choices[0]?.label).toBe('id-rank');
    expect(ctx.sent).toEqual([{ to: 0, msg: { type: 'election', id: s.id } }]);
    expect(s).toMatchObject({ participant: true, leaderId: NO_LEADER, declarations: 0, done: false });
  });

  it('forwards a larger id and swallows a smaller one', () => {
    const p = changRoberts();
    const { s, ctx } = start(1);
    ctx.clear();
    p.onMessage(s, 0, { type: 'election', id: s.id + 1 }, ctx);
    expect(ctx.sent).toEqual([{ to: 2, msg: { type: 'election', id: s.id + 1 } }]);
    ctx.clear();
    p.onMessage(s, 0, { type: 'election', id: s.id - 1 }, ctx);
    expect(ctx.sent).toEqual([]);
  });

  it('its own id coming back makes a node leader, once; Elected goes round and stops at the leader', () => {
    const p = changRoberts();
    const { s, ctx } = start(2);
    ctx.clear();
    const leader = p.onMessage(s, 1, { type: 'election', id: s.id }, ctx);
    expect(leader).toMatchObject({ declarations: 1, leaderId: s.id });
    expect(ctx.sent).toEqual([{ to: 3, msg: { type: 'elected', id: s.id } }]);
    ctx.clear();
    expect(p.onMessage(leader, 1, { type: 'election', id: s.id }, ctx).declarations).toBe(1); // a duplicate
    const back = p.onMessage(leader, 1, { type: 'elected', id: s.id }, ctx);
    expect(back.done).toBe(true);
    expect(ctx.sent).toEqual([]);
  });

  it('a follower records and forwards Elected once, then ignores stale copies', () => {
    const p = changRoberts();
    const { s, ctx } = start(0);
    ctx.clear();
    const learned = p.onMessage(s, 3, { type: 'elected', id: 99 }, ctx);
    expect(learned).toMatchObject({ leaderId: 99, done: true });
    expect(ctx.sent).toEqual([{ to: 1, msg: { type: 'elected', id: 99 } }]);
    ctx.clear();
    p.onMessage(learned, 3, { type: 'elected', id: 99 }, ctx);
    p.onMessage(learned, 3, { type: 'election', id: 1 }, ctx);
    expect(ctx.sent).toEqual([]);
  });

  it('ring-no-dup-tolerance: a duplicated Election makes the leader declare again', () => {
    const p = changRoberts('ring-no-dup-tolerance');
    const { s, ctx } = start(2, 'ring-no-dup-tolerance');
    const once = p.onMessage(s, 1, { type: 'election', id: s.id }, ctx);
    const twice = p.onMessage(once, 1, { type: 'election', id: s.id }, ctx);
    expect(twice.declarations).toBe(2);
    expect(ctx.sent.filter((x) => x.msg.type === 'elected')).toHaveLength(2);
  });

  it('ring-no-dup-tolerance: a stale Election after the election ended starts a second round', () => {
    const p = changRoberts('ring-no-dup-tolerance');
    const { s, ctx } = start(0, 'ring-no-dup-tolerance');
    const learned = p.onMessage(s, 3, { type: 'elected', id: 99 }, ctx);
    ctx.clear();
    p.onMessage(learned, 3, { type: 'election', id: s.id - 1 }, ctx);
    expect(ctx.sent).toEqual([{ to: 1, msg: { type: 'election', id: s.id } }]);
  });
});
