import { describe, expect, test } from 'vitest';
import type { WorkConfig } from '../../../protocols/diffusing/index.js';
import { safraProtocol, type SafraBug, type SafraMessage, type SafraState } from '../../../protocols/safra/index.js';
import { FakeContext } from './fake-context.js';

const WORK: WorkConfig = { depthMax: 3, fanOutMax: 2, workTicksMin: 1, workTicksMax: 5 };
const N = 3;
const safra = (bug?: SafraBug) => safraProtocol({ work: WORK, bug });
const ctx = (self: number, answers: number[] = []) => new FakeContext<SafraMessage>(self, N, answers);
const passive = (over: Partial<SafraState> = {}): SafraState => ({
  work: { active: false, queue: [] },
  counter: 0,
  color: 'white',
  token: undefined,
  rounds: 0,
  announced: false,
  ...over,
});
const token = (count: number, color: 'white' | 'black' = 'white'): SafraMessage => ({ kind: 'token', count, color });

describe('safra handlers', () => {
  test('node 0 starts active with the token; others start passive without it', () => {
    const c0 = ctx(0);
    const s0 = safra().init(c0);
    expect(s0.work.active).toBe(true);
    expect(s0.token).toEqual({ count: 0, color: 'white' });
    expect(c0.timers.has('work')).toBe(true);
    const s1 = safra().init(ctx(1));
    expect(safra().observe(s1)).toMatchObject({ active: false, announced: false, counter: 0, color: 'white', token: false });
  });

  test('a basic message decrements the counter and blackens the receiver', () => {
    const c = ctx(1);
    const s = safra().onMessage(passive(), 2, { kind: 'work', depth: 1 }, c);
    expect(s).toMatchObject({ counter: -1, color: 'black', work: { active: true, queue: [1] } });
    expect(c.timers.get('work')).toBeGreaterThanOrEqual(1);
  });

  test('sending work increments the counter by the number of spawned items', () => {
    const c = ctx(1, [2, 0, 1]); // fan-out 2, targets p0 and p2 (choice 1 skips self)
    const active = passive({ work: { active: true, queue: [1] } });
    const s = safra().onTimer(active, 'work', c.clear());
    expect(c.sent.map((x) => x.to)).toEqual([0, 2]);
    expect(c.sent.every((x) => x.msg.kind === 'work' && x.msg.depth === 2)).toBe(true);
    expect(s).toMatchObject({ counter: 2, work: { active: false } });
  });

  test('an active node holds the token; it passes it on once passive, with its counter and colour', () => {
    const c = ctx(2, [0]); // fan-out 0
    const held = safra().onMessage(passive({ work: { active: true, queue: [3] }, counter: -1, color: 'black' }), 0, token(4), c);
    expect(c.sent).toEqual([]);
    expect(held.token).toEqual({ count: 4, color: 'white' });
    expect(held.counter).toBe(-1); // the token is a control message
    const s = safra().onTimer(held, 'work', c.clear());
    expect(c.sent).toEqual([{ to: 1, msg: token(3, 'black') }]);
    expect(s).toMatchObject({ token: undefined, color: 'white', counter: -1 });
  });

  test('a passive white node passes the token at once and keeps the token colour', () => {
    const c = ctx(1);
    const s = safra().onMessage(passive({ counter: 2 }), 2, token(-2, 'black'), c);
    expect(c.sent).toEqual([{ to: 0, msg: token(0, 'black') }]);
    expect(s.counter).toBe(2);
  });

  test('node 0 starts a probe when passive: a white token with count 0 to the last node', () => {
    const c = ctx(0, [0, 1]); // work ticks; fan-out 1 (root fans out at least once); target p1
    const s0 = safra().init(c);
    const s = safra().onTimer(s0, 'work', c.clear());
    expect(c.sent).toEqual([
      { to: 1, msg: { kind: 'work', depth: 1 } },
      { to: 2, msg: token(0) },
    ]);
    expect(s).toMatchObject({ rounds: 1, token: undefined, counter: 1, color: 'white' });
  });

  test('node 0 announces only on a white token, white itself, with count + counter = 0', () => {
    const at0 = (over: Partial<SafraState>, t: SafraMessage) => {
      const c = ctx(0);
      const s = safra().onMessage(passive({ rounds: 1, counter: 1, ...over }), 1, t, c);
      return { s, sent: c.sent };
    };
    expect(at0({}, token(-1)).s.announced).toBe(true);
    const wrongSum = at0({}, token(0));
    expect(wrongSum.s.announced).toBe(false);
    expect(wrongSum.sent).toEqual([{ to: 2, msg: token(0) }]);
    expect(wrongSum.s.rounds).toBe(2);
    expect(at0({}, token(-1, 'black')).s.announced).toBe(false);
    expect(at0({ color: 'black' }, token(-1)).s.announced).toBe(false);
  });

  test('bug variants change exactly the documented step', () => {
    const received = safra('no-blacken-on-receive').onMessage(passive(), 2, { kind: 'work', depth: 1 }, ctx(1));
    expect(received).toMatchObject({ color: 'white', counter: -1 });
    const reset = safra('reset-counter-on-token').onMessage(passive({ counter: 2 }), 2, token(0), ctx(1));
    expect(reset.counter).toBe(0);
    const c = ctx(0);
    const white = safra('announce-on-white-token').onMessage(passive({ rounds: 1, counter: 1 }), 1, token(3), c);
    expect(white.announced).toBe(true);
    expect(c.sent).toEqual([]);
  });

  test('describe tells basic from control messages', () => {
    expect(safra().describe!({ kind: 'work', depth: 2 })).toBe('work d=2');
    expect(safra().describe!(token(1, 'black'))).toBe('token q=1 black');
  });
});
