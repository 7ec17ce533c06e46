import fc from 'fast-check';
import { expect, test } from 'vitest';
import { buildExecution } from '../../execution/build.js';
import type { Execution } from '../../execution/types.js';
import type { FaultPlan } from '../../sim/plan.js';
import { chatter, run } from './helpers.js';

/** Happened-before computed from the message graph alone: program order plus send → receive, closed transitively. */
function closure(x: Execution): boolean[][] {
  const n = x.events.length;
  const succ: number[][] = Array.from({ length: n }, () => []);
  for (const own of x.byHost) for (let k = 1; k < own.length; k++) succ[own[k - 1]!]!.push(own[k]!);
  for (const m of x.messages) for (const r of m.receiveEvents) succ[m.sendEvent]!.push(r);
  const hb = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  for (let e = 0; e < n; e++) {
    const stack = [...succ[e]!];
    while (stack.length > 0) {
      const f = stack.pop()!;
      if (hb[e]![f]) continue;
      hb[e]![f] = true;
      stack.push(...succ[f]!);
    }
  }
  return hb;
}

function vcLess(x: Execution, e: number, f: number): boolean {
  const a = x.events[e]!.clock;
  const b = x.events[f]!.clock;
  let strictly = false;
  for (let j = 0; j < a.length; j++) {
    if (a[j]! > b[j]!) return false;
    if (a[j]! < b[j]!) strictly = true;
  }
  return strictly;
}

const planArb: fc.Arbitrary<FaultPlan> = fc.record({
  network: fc.record({
    delayTicksMin: fc.constant(1),
    delayTicksMax: fc.integer({ min: 1, max: 10 }),
    loss: fc.constantFrom([0, 1] as const, [1, 5] as const),
    duplication: fc.constantFrom([0, 1] as const, [1, 4] as const),
    ordering: fc.constantFrom('fifo' as const, 'unordered' as const),
  }),
  swarm: fc.boolean(),
  healAtTicks: fc.integer({ min: 10, max: 60 }),
  random: fc.record({
    stepTicks: fc.integer({ min: 2, max: 10 }),
    crash: fc.constant([1, 4] as const),
    restart: fc.constant([1, 2] as const),
    partition: fc.constant([1, 4] as const),
    heal: fc.constant([1, 2] as const),
    pause: fc.constant([1, 4] as const),
    resume: fc.constant([1, 2] as const),
  }),
});

test('e happened before f in the message graph iff VC(e) < VC(f), on random runs with faults', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 2, max: 5 }), planArb, (seed, nodes, plan) => {
      const r = run(chatter, nodes, plan, seed, { eventsMax: 120 });
      const x = r.execution;
      expect(x.events.length).toBe(r.eventCount);
      const hb = closure(x);
      for (let e = 0; e < x.events.length; e++) {
        for (let f = 0; f < x.events.length; f++) {
          if (hb[e]![f] !== vcLess(x, e, f)) {
            throw new Error(`seed ${seed}: events ${e} and ${f}: graph says ${hb[e]![f]}, clocks say ${vcLess(x, e, f)}`);
          }
        }
      }
    }),
    { numRuns: 60 },
  );
});

test('the recorded execution is exactly what buildExecution makes of the same events', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), planArb, (seed, plan) => {
      const x = run(chatter, 4, plan, seed, { eventsMax: 150 }).execution;
      const rebuilt = buildExecution({
        label: x.label,
        hosts: x.hosts,
        messages: x.messages,
        events: x.events.map((e) => ({
          host: e.host,
          kind: e.kind,
          label: e.label,
          clock: e.clock,
          fields: e.fields,
          ...(e.timeTicks === undefined ? {} : { timeTicks: e.timeTicks }),
          ...(e.sent === undefined ? {} : { sent: e.sent }),
          ...(e.received === undefined ? {} : { received: e.received }),
        })),
      });
      expect(Array.from(x.clocks)).toEqual(Array.from(rebuilt.clocks));
      expect(x.byHost).toEqual(rebuilt.byHost);
      expect(x.hostStates).toEqual(rebuilt.hostStates);
      expect(x.events.map((e) => [e.id, e.index, e.kind, e.sent, e.received])).toEqual(
        rebuilt.events.map((e) => [e.id, e.index, e.kind, e.sent, e.received]),
      );
    }),
    { numRuns: 30 },
  );
});

test('message records link sends and receives consistently', () => {
  const r = run(chatter, 4, { network: { delayTicksMin: 1, delayTicksMax: 4, loss: [1, 5], duplication: [1, 3], ordering: 'unordered' } }, 3);
  const x = r.execution;
  let duplicated = 0;
  for (const m of x.messages) {
    expect(x.events[m.sendEvent]!.host).toBe(m.from);
    expect(x.events[m.sendEvent]!.sent).toContain(m.id);
    for (const e of m.receiveEvents) {
      expect(x.events[e]!.host).toBe(m.to);
      expect(x.events[e]!.received).toBe(m.id);
    }
    if (m.fate === 'dropped') expect(m.receiveEvents).toEqual([]);
    if (m.fate === 'delivered') expect(m.receiveEvents.length).toBeGreaterThan(0);
    if (m.receiveEvents.length > 1) duplicated++;
  }
  expect(duplicated).toBeGreaterThan(0);
  expect(x.messages.some((m) => m.fate === 'dropped' && m.dropReason === 'loss')).toBe(true);
});

test('a simulated execution reads like a plain object: enumerable, stable, spreadable', () => {
  const x = run(chatter, 3, { network: { delayTicksMin: 1, delayTicksMax: 3, loss: [0, 1], duplication: [0, 1], ordering: 'fifo' } }, 8).execution;
  expect(Object.keys(x).sort()).toEqual(['byHost', 'clocks', 'events', 'hostStates', 'hosts', 'label', 'messages']);
  expect(x.events).toBe(x.events);
  expect(x.messages).toBe(x.messages);
  const copy = { ...x };
  expect(copy.events).toBe(x.events);
  expect(copy.events.length).toBeGreaterThan(3);
  expect(Object.isFrozen(x)).toBe(true);
});

test('swarm mode draws different fault mixes from different seeds, as recorded choices', () => {
  const kinds = new Set<string>();
  const mixes = new Set<string>();
  for (let seed = 0; seed < 12; seed++) {
    const r = run(chatter, 4, { network: { delayTicksMin: 1, delayTicksMax: 2, loss: [0, 1], duplication: [0, 1], ordering: 'fifo' }, swarm: true, healAtTicks: 40 }, seed, { eventsMax: 300 });
    const swarm = r.schedule.filter((c) => c.kind.startsWith('swarm:'));
    expect(swarm.length).toBeGreaterThanOrEqual(8);
    mixes.add(swarm.map((c) => c.value).join(','));
    for (const c of r.schedule) kinds.add(c.kind.split(':')[0]!);
  }
  expect(mixes.size).toBeGreaterThan(6);
  expect(kinds).toContain('fault');
  expect(kinds).toContain('drop');
});
