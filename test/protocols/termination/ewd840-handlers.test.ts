import { describe, expect, test } from 'vitest';
import type { WorkConfig } from '../../../protocols/diffusing/index.js';
import { ewd840Protocol, type Ewd840Bug, type Ewd840Message, type Ewd840State } from '../../../protocols/ewd840/index.js';
import { FakeContext } from './fake-context.js';

const WORK: WorkConfig = { depthMax: 3, fanOutMax: 2, workTicksMin: 1, workTicksMax: 5 };
const ewd = (bug?: Ewd840Bug) => ewd840Protocol({ work: WORK, bug });
const ctx = (self: number, answers: number[] = []) => new FakeContext<Ewd840Message>(self, 3, answers);
const idle = (over: Partial<Ewd840State> = {}): Ewd840State => ({
  work: { active: false, queue: [] },
  unacked: 0,
  color: 'white',
  token: undefined,
  rounds: 0,
  announced: false,
  ...over,
});
const token = (color: 'white' | 'black'): Ewd840Message => ({ kind: 'token', color });

describe('ewd840 handlers', () => {
  test('a basic message is acknowledged at once and does not blacken the receiver', () => {
    const c = ctx(1);
    const s = ewd().onMessage(idle(), 2, { kind: 'work', depth: 1 }, c);
    expect(c.sent).toEqual([{ to: 2, msg: { kind: 'ack' } }]);
    expect(s).toMatchObject({ color: 'white', work: { active: true } });
  });

  test('sending upward blackens the sender; sending downward does not', () => {
    const up = ewd().onTimer(idle({ work: { active: true, queue: [1] } }), 'work', ctx(1, [1, 1]));
    expect(up).toMatchObject({ color: 'black', unacked: 1 });
    const down = ewd().onTimer(idle({ work: { active: true, queue: [1] } }), 'work', ctx(1, [1, 0]));
    expect(down).toMatchObject({ color: 'white', unacked: 1 });
  });

  test('the token waits for the last acknowledgement, then leaves blackened by a black node', () => {
    const c = ctx(2);
    const waiting = ewd().onMessage(idle({ unacked: 1, color: 'black' }), 0, token('white'), c);
    expect(c.sent).toEqual([]);
    const s = ewd().onMessage(waiting, 1, { kind: 'ack' }, c.clear());
    expect(c.sent).toEqual([{ to: 1, msg: token('black') }]);
    expect(s).toMatchObject({ token: undefined, color: 'white', unacked: 0 });
  });

  test('node 0 announces on a white token only when white itself, else starts a new probe', () => {
    expect(ewd().onMessage(idle({ rounds: 1 }), 1, token('white'), ctx(0)).announced).toBe(true);
    const c = ctx(0);
    const again = ewd().onMessage(idle({ rounds: 1, color: 'black' }), 1, token('white'), c);
    expect(again).toMatchObject({ announced: false, rounds: 2, color: 'white' });
    expect(c.sent).toEqual([{ to: 2, msg: token('white') }]);
    expect(ewd().onMessage(idle({ rounds: 1 }), 1, token('black'), ctx(0)).announced).toBe(false);
  });

  test('bug variants change exactly the documented step', () => {
    const c = ctx(2);
    ewd('no-wait-for-ack').onMessage(idle({ unacked: 1 }), 0, token('white'), c);
    expect(c.sent).toEqual([{ to: 1, msg: token('white') }]);
    const s = ewd('no-blacken-on-send').onTimer(idle({ work: { active: true, queue: [1] } }), 'work', ctx(1, [1, 1]));
    expect(s.color).toBe('white');
  });
});
