import { describe, expect, test } from 'vitest';
import { workReceive, workStart, workStep, type WorkConfig } from '../../../protocols/diffusing/index.js';
import { FakeContext } from './fake-context.js';

const WORK: WorkConfig = { depthMax: 2, fanOutMax: 3, workTicksMin: 2, workTicksMax: 9 };

describe('diffusing computation', () => {
  test('node 0 starts with the root item and arms its work timer with a chosen delay', () => {
    const c = new FakeContext<unknown>(0, 4, [7]);
    expect(workStart(WORK, c)).toEqual({ active: true, queue: [0] });
    expect(c.timers.get('work')).toBe(7);
    expect(workStart(WORK, new FakeContext<unknown>(2, 4))).toEqual({ active: false, queue: [] });
  });

  test('the root item spawns at least one child, targets skip the node itself', () => {
    const c = new FakeContext<unknown>(1, 4, [0, 0, 1, 2]); // fan-out answer 0 is raised to 1
    const { work, spawns } = workStep({ active: true, queue: [0] }, WORK, c);
    expect(spawns).toEqual([{ to: 0, depth: 1 }]);
    expect(work.active).toBe(false);
    const c2 = new FakeContext<unknown>(1, 4, [3, 0, 1, 2]);
    expect(workStep({ active: true, queue: [1] }, WORK, c2).spawns.map((s) => s.to)).toEqual([0, 2, 3]);
  });

  test('items at depthMax spawn nothing; queued items keep the node active', () => {
    const c = new FakeContext<unknown>(1, 4, [3]);
    const { work, spawns } = workStep({ active: true, queue: [2, 1] }, WORK, c);
    expect(spawns).toEqual([]);
    expect(work).toEqual({ active: true, queue: [1] });
    expect(c.timers.has('work')).toBe(true);
  });

  test('receiving re-arms the timer only for a passive node', () => {
    const c = new FakeContext<unknown>(1, 4);
    expect(workReceive({ active: true, queue: [1] }, 2, WORK, c)).toEqual({ active: true, queue: [1, 2] });
    expect(c.timers.size).toBe(0);
    expect(workReceive({ active: false, queue: [] }, 2, WORK, c).active).toBe(true);
    expect(c.timers.get('work')).toBe(2);
  });

  test('a work timer on a passive node is a bug', () => {
    expect(() => workStep({ active: false, queue: [] }, WORK, new FakeContext<unknown>(0, 2))).toThrow();
  });
});
