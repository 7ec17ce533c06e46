import fc from 'fast-check';
import { expect, test } from 'vitest';
import { EventQueue } from '../../sim/queue.js';

test('pops in (time, push order) order, matching a sorted model', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { maxLength: 300 }), (ops) => {
      const q = new EventQueue();
      const model: { t: number; id: number }[] = [];
      let id = 0;
      let now = 0;
      const popped: number[] = [];
      const expected: number[] = [];
      for (const [dt, pop] of ops) {
        if (pop && model.length > 0) {
          expect(q.pop()).toBe(true);
          model.sort((a, b) => a.t - b.t || a.id - b.id);
          const m = model.shift()!;
          expected.push(m.id);
          popped.push(q.a);
          expect(q.timeTicks).toBe(m.t);
          now = q.timeTicks;
        } else {
          q.push(now + dt, 0, id, 0);
          model.push({ t: now + dt, id: id++ });
        }
      }
      expect(popped).toEqual(expected);
      expect(q.length).toBe(model.length);
    }),
  );
});

test('refuses to schedule into the past', () => {
  const q = new EventQueue();
  q.push(10, 0, 0, 0);
  q.pop();
  expect(() => q.push(9, 0, 0, 0)).toThrow(/before now/);
  expect(() => q.push(10.5, 0, 0, 0)).toThrow();
  q.push(10, 1, 2, 3);
  expect(q.pop()).toBe(true);
  expect([q.timeTicks, q.kind, q.a, q.b]).toEqual([10, 1, 2, 3]);
  expect(q.pop()).toBe(false);
});
