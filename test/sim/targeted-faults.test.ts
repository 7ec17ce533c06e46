/**
 * Faults aimed where the plan says, and an honest count of what fired. A view service at p0 and four replicas that
 * ping it and each other; random faults spare p0 (`random.nodes`), crashes spare p1 too (the kind's own `nodes`), and
 * budgets cap crashes at 2 and pauses at 3 per run. A campaign of 2,000 seeds is checked run by run from its recorded
 * executions (events and messages), and the faults it says fired are checked against a count taken here from the
 * traces: run by run, and summed over the campaign.
 */
import { describe, expect, test } from 'vitest';
import { defineScenario, fuzz, property, run } from '../../index.js';
import { faultsFired, noFaultsFired, addFaultsFired, type FaultCounts } from '../../search/strategies/faults-fired.js';
import type { Execution } from '../../execution/types.js';
import { NEVER, RANDOM_PARTITION_SHAPES, type FaultPlan } from '../../sim/plan.js';
import { runScenario } from '../../sim/run.js';
import { simulate } from '../../sim/simulator.js';
import type { Protocol } from '../../sim/process.js';

/** Every node pings all others every 20 ticks; a ping is answered with an ack. */
const pings: Protocol<{ readonly acks: number }, 'ping' | 'ack'> = {
  name: 'pings',
  init(ctx) {
    ctx.setTimer('round', 1 + ctx.self);
    return { acks: 0 };
  },
  onRecover(_durable, ctx) {
    ctx.setTimer('round', 1);
    return { acks: 0 };
  },
  onMessage(s, from, msg, ctx) {
    if (msg === 'ping') ctx.send(from, 'ack');
    return msg === 'ack' ? { acks: s.acks + 1 } : s;
  },
  onTimer(s, _t, ctx) {
    for (let to = 0; to < ctx.nodeCount; to++) if (to !== ctx.self) ctx.send(to, 'ping');
    ctx.setTimer('round', 20);
    return s;
  },
  observe: (s) => ({ acks: s.acks }),
  describe: (m) => m,
};

const DELAY_MAX = 3;
const CRASHES_MAX = 2;
const PAUSES_MAX = 3;
const plan: FaultPlan = {
  network: { delayTicksMin: 1, delayTicksMax: DELAY_MAX, loss: [1, 20], duplication: [1, 20], ordering: 'unordered' },
  random: {
    stepTicks: 10,
    nodes: [1, 2, 3, 4],
    crash: { ratio: [1, 4], nodes: [2, 3, 4] },
    restart: [1, 3],
    pause: [1, 5],
    resume: [1, 2],
    partition: [1, 3],
    heal: [1, 3],
    partitionShapes: RANDOM_PARTITION_SHAPES,
    clog: [1, 4],
    unclog: [1, 3],
    clogFactorMax: 5,
    crashesMax: CRASHES_MAX,
    pausesMax: PAUSES_MAX,
  },
  healAtTicks: 150,
};

const spared = defineScenario({
  name: 'view-service-spared',
  protocol: pings,
  nodes: 5,
  faults: plan,
  limits: { timeTicksMax: 200 },
  properties: [property('p0-never-crashes', ({ execution }) => execution.events.every((e) => e.host !== 0 || e.kind !== 'crash') || 'p0 crashed')],
});

/** The node faults and message faults of a trace, counted here from its events and messages, by kind and node. */
function countedFromTrace(x: Execution): { byKind: FaultCounts; byNode: Record<string, FaultCounts> } {
  const byKind: FaultCounts = {};
  const byNode: Record<string, FaultCounts> = {};
  const add = (kind: string, node: number, count = 1) => {
    byKind[kind] = (byKind[kind] ?? 0) + count;
    const at = (byNode[`p${node}`] ??= {});
    at[kind] = (at[kind] ?? 0) + count;
  };
  for (const e of x.events) if (['crash', 'restart', 'pause', 'resume'].includes(e.kind)) add(e.kind, e.host);
  for (const m of x.messages) {
    if (m.fate === 'dropped') add(`dropped:${m.dropReason}`, m.to);
    if (m.receiveEvents.length > 1) add('duplicated', m.to, m.receiveEvents.length - 1);
  }
  return { byKind, byNode };
}

/** The counts of the kinds in `kinds` only. */
function only(counts: FaultCounts, kinds: (k: string) => boolean): FaultCounts {
  return Object.fromEntries(Object.entries(counts).filter(([k]) => kinds(k)).sort(([a], [b]) => (a < b ? -1 : 1)));
}
const traced = (k: string) => ['crash', 'restart', 'pause', 'resume', 'duplicated'].includes(k) || k.startsWith('dropped:');
const network = (k: string) => k.startsWith('partition:') || ['heal', 'clog', 'unclog'].includes(k);

const SEEDS = 2_000;

describe('random faults restricted to node sets and budgets', () => {
  const summed = noFaultsFired();
  const tracedSum = { byKind: {} as FaultCounts, byNode: {} as Record<string, FaultCounts> };
  const seen = { crashesAtMax: 0, pausesAtMax: 0, shapes: new Set<string>(), clogs: 0, crashedAt: new Set<number>() };

  test(`${SEEDS} seeds: p0 is never crashed, paused, cut off or clogged; p1 never crashed; budgets hold; counts match the traces`, () => {
    for (let seed = 0; seed < SEEDS; seed++) {
      const r = run(spared, { seed });
      const x = r.execution;
      const crashes = x.events.filter((e) => e.kind === 'crash');
      const pauses = x.events.filter((e) => e.kind === 'pause');
      for (const e of crashes) expect([2, 3, 4], `seed ${seed}`).toContain(e.host);
      for (const e of pauses) expect([1, 2, 3, 4], `seed ${seed}`).toContain(e.host);
      expect(crashes.length, `seed ${seed}`).toBeLessThanOrEqual(CRASHES_MAX);
      expect(pauses.length, `seed ${seed}`).toBeLessThanOrEqual(PAUSES_MAX);
      for (const m of x.messages) {
        const touchesP0 = m.from === 0 || m.to === 0;
        if (touchesP0) expect(m.dropReason, `seed ${seed} message ${m.id}`).not.toBe('partition');
        // p0 is never down, so a message to it arrives after its drawn delay: never clogged.
        for (const id of m.to === 0 ? m.receiveEvents : []) {
          expect(x.events[id]!.timeTicks! - x.events[m.sendEvent]!.timeTicks!, `seed ${seed} message ${m.id}`).toBeLessThanOrEqual(DELAY_MAX);
        }
      }
      const fired = faultsFired(r);
      expect(fired).toEqual(r.faultsFired);
      const fromTrace = countedFromTrace(x);
      expect(only(fired.byKind, traced), `seed ${seed}`).toEqual(only(fromTrace.byKind, traced));
      for (const node of ['p0', 'p1', 'p2', 'p3', 'p4']) {
        expect(only(fired.byNode[node] ?? {}, traced), `seed ${seed} ${node}`).toEqual(only(fromTrace.byNode[node] ?? {}, traced));
        if (node === 'p0') expect(only(fired.byNode[node] ?? {}, network), `seed ${seed}`).toEqual({});
      }
      // Random partitions that fired: at most the partitions drawn (a partition that changes no link did not fire).
      const drawn = r.schedule.filter((c) => c.kind === 'fault:partition' && c.value === 1).length;
      const partitions = Object.entries(fired.byKind).filter(([k]) => k.startsWith('partition:')).reduce((n, [, v]) => n + v, 0);
      expect(partitions).toBeLessThanOrEqual(drawn);
      addFaultsFired(summed, fired);
      addFaultsFired(tracedSum, fromTrace);
      if (crashes.length === CRASHES_MAX) seen.crashesAtMax++;
      if (pauses.length === PAUSES_MAX) seen.pausesAtMax++;
      for (const e of crashes) seen.crashedAt.add(e.host);
      for (const k of Object.keys(fired.byKind)) if (k.startsWith('partition:')) seen.shapes.add(k);
      seen.clogs += fired.byKind['clog'] ?? 0;
    }
    // The test is not vacuous: the budgets bind, every allowed node crashes somewhere, every shape and clogs fire.
    expect(seen.crashesAtMax).toBeGreaterThan(100);
    expect(seen.pausesAtMax).toBeGreaterThan(10);
    expect([...seen.crashedAt].sort()).toEqual([2, 3, 4]);
    expect([...seen.shapes].sort()).toEqual(RANDOM_PARTITION_SHAPES.map((s) => `partition:${s}`).sort());
    expect(seen.clogs).toBeGreaterThan(100);
  }, 120_000);

  test(`a fuzz campaign over the same ${SEEDS} seeds sums exactly the runs' counts, and finds p0 never crashed`, () => {
    const campaign = fuzz(spared, { seeds: SEEDS, shrink: false, outDir: false });
    expect(campaign.failures).toEqual([]);
    expect(campaign.explored.faultsFired).toEqual(summed);
    expect(only(campaign.explored.faultsFired.byKind, traced)).toEqual(only(tracedSum.byKind, traced));
    for (const node of ['p0', 'p1', 'p2', 'p3', 'p4']) {
      expect(only(campaign.explored.faultsFired.byNode[node] ?? {}, traced)).toEqual(only(tracedSum.byNode[node] ?? {}, traced));
    }
    expect(campaign.explored.faultsFired.byNode['p0']?.['crash']).toBeUndefined();
    expect(campaign.explored.faultsFired.byNode['p1']?.['crash']).toBeUndefined();
  }, 120_000);

  test('swarm plans draw the ratios but keep the node sets and budgets', () => {
    let crashes = 0;
    for (let seed = 0; seed < 300; seed++) {
      const r = runScenario(spared, { seed, swarm: true });
      if (!r.ok) throw new Error(r.error.message);
      const x = r.value.execution;
      const struck = x.events.filter((e) => e.kind === 'crash' || e.kind === 'pause');
      for (const e of struck) expect(e.kind === 'crash' ? [2, 3, 4] : [1, 2, 3, 4], `seed ${seed}`).toContain(e.host);
      expect(struck.filter((e) => e.kind === 'crash').length).toBeLessThanOrEqual(CRASHES_MAX);
      expect(x.messages.some((m) => (m.from === 0 || m.to === 0) && m.dropReason === 'partition'), `seed ${seed}`).toBe(false);
      crashes += struck.filter((e) => e.kind === 'crash').length;
    }
    expect(crashes).toBeGreaterThan(50);
  });

  test('downMax counts the down nodes of its own set: the plan\'s, and a kind\'s', () => {
    const network = { delayTicksMin: 1, delayTicksMax: 2, loss: NEVER, duplication: NEVER, ordering: 'fifo' as const };
    const calm = { restart: NEVER, resume: NEVER, partition: NEVER, heal: NEVER };
    for (let seed = 0; seed < 50; seed++) {
      // Crashes certain every step, never restarted: only one of p1..p3 may go down, and p0 and p4 never.
      const kind = simulate({ protocol: pings, nodeCount: 5, seed, limits: { timeTicksMax: 200 }, plan: {
        network, random: { stepTicks: 10, ...calm, crash: { ratio: [1, 1], nodes: [1, 2, 3], downMax: 1 }, pause: NEVER },
      } });
      expect(kind.execution.events.filter((e) => e.kind === 'crash').map((e) => [1, 2, 3].includes(e.host))).toEqual([true]);
      // Pauses certain, never resumed, over p2..p4 with downMax 1: one pause, though p0 is down from tick 1 (it is
      // outside the set, so it does not count).
      const plan = simulate({ protocol: pings, nodeCount: 5, seed, limits: { timeTicksMax: 200 }, plan: {
        network, scripted: [{ atTicks: 1, action: { kind: 'crash', node: 0 } }], random: { stepTicks: 10, ...calm, crash: NEVER, pause: [1, 1], nodes: [2, 3, 4], downMax: 1 },
      } });
      expect(plan.execution.events.filter((e) => e.kind === 'pause').map((e) => [2, 3, 4].includes(e.host))).toEqual([true]);
    }
  });

  test('partitionsMax and clogsMax cap the random partitions and clogs of a run', () => {
    const network = { delayTicksMin: 1, delayTicksMax: 2, loss: NEVER, duplication: NEVER, ordering: 'fifo' as const };
    let atMax = 0;
    for (let seed = 0; seed < 50; seed++) {
      // Certain every step (so not recorded choices): partition, heal, partition, heal, then the budget is spent.
      const r = simulate({ protocol: pings, nodeCount: 5, seed, limits: { timeTicksMax: 200 }, plan: { network, random: {
        stepTicks: 10, crash: NEVER, restart: NEVER, pause: NEVER, resume: NEVER,
        partition: [1, 1], heal: [1, 1], partitionsMax: 2, clog: [1, 1], unclog: [1, 1], clogsMax: 1,
      } } });
      expect(r.networkFaults.filter((f) => f.kind === 'clog')).toHaveLength(1);
      // A drawn split with everyone on one side cuts no link: it does not fire, but it counts against the budget.
      const partitions = r.networkFaults.filter((f) => f.kind.startsWith('partition:')).length;
      expect(partitions).toBeLessThanOrEqual(2);
      if (partitions === 2) atMax++;
    }
    expect(atMax).toBeGreaterThan(25);
  });
});
