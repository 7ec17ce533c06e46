import { describe, expect, test } from 'vitest';
import {
  dijkstraScholtenProtocol,
  type DijkstraScholtenBug,
  type DijkstraScholtenMessage,
  type DijkstraScholtenState,
} from '../../../protocols/dijkstra-scholten/index.js';
import type { WorkConfig } from '../../../protocols/diffusing/index.js';
import { FakeContext } from './fake-context.js';

const WORK: WorkConfig = { depthMax: 3, fanOutMax: 2, workTicksMin: 1, workTicksMax: 5 };
const ds = (bug?: DijkstraScholtenBug) => dijkstraScholtenProtocol({ work: WORK, bug });
const ctx = (self: number, answers: number[] = []) => new FakeContext<DijkstraScholtenMessage>(self, 3, answers);
const idle = (over: Partial<DijkstraScholtenState> = {}): DijkstraScholtenState => ({
  work: { active: false, queue: [] },
  deficit: 0,
  engaged: false,
  parent: -1,
  announced: false,
  ...over,
});
const work: DijkstraScholtenMessage = { kind: 'work', depth: 1 };

describe('dijkstra-scholten handlers', () => {
  test('the root starts engaged and active; others idle', () => {
    expect(ds().init(ctx(0))).toMatchObject({ engaged: true, work: { active: true } });
    expect(ds().init(ctx(1))).toMatchObject({ engaged: false, parent: -1, work: { active: false } });
  });

  test('the first basic message engages a node with the sender as parent, unacknowledged', () => {
    const c = ctx(1);
    const s = ds().onMessage(idle(), 2, work, c);
    expect(s).toMatchObject({ engaged: true, parent: 2, work: { active: true } });
    expect(c.sent).toEqual([]);
  });

  test('further basic messages are acknowledged at once', () => {
    const c = ctx(1);
    const s = ds().onMessage(idle({ engaged: true, parent: 2, work: { active: true, queue: [1] } }), 0, work, c);
    expect(c.sent).toEqual([{ to: 0, msg: { kind: 'ack' } }]);
    expect(s.parent).toBe(2);
  });

  test('a passive node leaves the tree only when its deficit is 0', () => {
    const c = ctx(1, [2, 0, 1]); // fan-out 2 to p0 and p2
    const busy = idle({ engaged: true, parent: 2, work: { active: true, queue: [1] } });
    const s = ds().onTimer(busy, 'work', c);
    expect(s).toMatchObject({ deficit: 2, engaged: true, work: { active: false } });
    expect(c.sent.map((x) => x.msg.kind)).toEqual(['work', 'work']);
    const one = ds().onMessage(s, 0, { kind: 'ack' }, c.clear());
    expect(c.sent).toEqual([]);
    const left = ds().onMessage(one, 2, { kind: 'ack' }, c.clear());
    expect(c.sent).toEqual([{ to: 2, msg: { kind: 'ack' } }]);
    expect(left).toMatchObject({ deficit: 0, engaged: false, parent: -1 });
  });

  test('the root announces when passive with deficit 0, not before', () => {
    const c = ctx(0);
    const waiting = ds().onMessage(idle({ engaged: true, deficit: 2 }), 1, { kind: 'ack' }, c);
    expect(waiting.announced).toBe(false);
    expect(ds().onMessage(waiting, 2, { kind: 'ack' }, c).announced).toBe(true);
  });

  test('an acknowledgement with nothing outstanding is a protocol error', () => {
    expect(() => ds().onMessage(idle(), 1, { kind: 'ack' }, ctx(0))).toThrow(/deficit 0/);
  });

  test('bug variants change exactly the documented step', () => {
    const c = ctx(1);
    const early = ds('ack-on-receive').onMessage(idle(), 2, work, c);
    expect(c.sent).toEqual([{ to: 2, msg: { kind: 'ack' } }]);
    expect(early).toMatchObject({ engaged: true, parent: 2 });
    const c2 = ctx(1, [0]);
    const busy = idle({ engaged: true, parent: 2, deficit: 1, work: { active: true, queue: [3] } });
    const detached = ds('detach-with-deficit').onTimer(busy, 'work', c2);
    expect(c2.sent).toEqual([{ to: 2, msg: { kind: 'ack' } }]);
    expect(detached).toMatchObject({ engaged: false, deficit: 1 });
  });
});
