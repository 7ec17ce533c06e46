import { describe, expect, test } from 'vitest';
import type { Protocol } from '../../sim/process.js';
import { eventsOf, fixedNetwork, received, run, streamProtocol } from './helpers.js';

const TEN = streamProtocol(10);

describe('network faults', () => {
  test('a reliable FIFO link delivers everything in order', () => {
    const r = run(TEN, 2, { network: fixedNetwork(3) });
    expect(received(r)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.endReason).toBe('quiescent');
  });

  test('a lost message is never delivered', () => {
    const r = run(TEN, 2, { network: fixedNetwork(2, { loss: [1, 2] }) }, 11);
    const lost = r.execution.messages.filter((m) => m.fate === 'dropped');
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.length).toBeLessThan(10);
    const got = received(r);
    for (const m of lost) {
      expect(m.dropReason).toBe('loss');
      expect(m.receiveEvents).toEqual([]);
      expect(got).not.toContain(Number(m.summary.slice(1)));
    }
    expect(got.length + lost.length).toBe(10);
    expect(r.schedule.filter((c) => c.kind === 'drop')).toHaveLength(10);
  });

  test('a duplicated message is delivered twice', () => {
    const r = run(TEN, 2, { network: fixedNetwork(2, { duplication: [1, 1] }) });
    expect(received(r)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9]);
    expect(r.execution.messages.every((m) => m.receiveEvents.length === 2)).toBe(true);
  });

  test('unordered links may reorder, FIFO links never do', () => {
    const wide = { delayTicksMin: 1, delayTicksMax: 30 };
    const fifo = run(TEN, 2, { network: fixedNetwork(1, { ...wide, ordering: 'fifo' }) }, 4);
    expect(received(fifo)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const unordered = run(TEN, 2, { network: fixedNetwork(1, { ...wide, ordering: 'unordered' }) }, 4);
    expect([...received(unordered)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(received(unordered)).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test('a one-way partition blocks one direction only', () => {
    const blocked = run(TEN, 2, {
      network: fixedNetwork(1),
      scripted: [{ atTicks: 0, action: { kind: 'partition', mode: 'one-way', from: [0], to: [1] } }],
    });
    expect(received(blocked)).toEqual([]);
    expect(blocked.execution.messages.every((m) => m.fate === 'dropped' && m.dropReason === 'partition')).toBe(true);
    const open = run(TEN, 2, {
      network: fixedNetwork(1),
      scripted: [{ atTicks: 0, action: { kind: 'partition', mode: 'one-way', from: [1], to: [0] } }],
    });
    expect(received(open)).toHaveLength(10);
  });

  test('a symmetric partition blocks both directions, and heal reopens them', () => {
    const plan = (t: number) => ({
      network: fixedNetwork(1),
      scripted: [
        { atTicks: 0, action: { kind: 'partition' as const, mode: 'symmetric' as const, from: [1], to: [0] } },
        { atTicks: t, action: { kind: 'heal' as const } },
      ],
    });
    expect(received(run(TEN, 2, plan(1000)))).toEqual([]); // 0 → 1 blocked although the partition names 1 → 0
    const back = run(streamProtocol(10, 0), 2, plan(1000));
    // node 0 streams to itself here; self-links are never blocked
    expect(received(back, 0)).toHaveLength(10);
    // messages sent at ticks 1..5 are dropped; after the heal at tick 6 they flow
    expect(received(run(TEN, 2, plan(6)))).toEqual([5, 6, 7, 8, 9]);
  });

  test('split and isolate cut the cluster', () => {
    const split = run(streamProtocol(5, 2), 3, { network: fixedNetwork(1), scripted: [{ atTicks: 0, action: { kind: 'split', side: [0, 1] } }] });
    expect(received(split, 2)).toEqual([]);
    const iso = run(streamProtocol(5, 2), 3, { network: fixedNetwork(1), scripted: [{ atTicks: 0, action: { kind: 'isolate', node: 1 } }] });
    expect(received(iso, 2)).toEqual([0, 1, 2, 3, 4]);
  });
});

/** Node 1 counts deliveries in volatile state and in durable state. */
const counter: Protocol<{ readonly seen: number; readonly total: number }, number, number> = {
  name: 'counter',
  init(ctx) {
    if (ctx.self === 0) ctx.setTimer('tick', 1);
    return { seen: 0, total: 0 };
  },
  onMessage(s, _from, _m, ctx) {
    ctx.persist(s.total + 1);
    return { seen: s.seen + 1, total: s.total + 1 };
  },
  onTimer(s, _t, ctx) {
    ctx.send(1, s.seen);
    if (s.seen < 19) ctx.setTimer('tick', 1);
    return { ...s, seen: s.seen + 1 };
  },
  onRecover(durable, ctx) {
    if (ctx.self === 0) ctx.setTimer('tick', 1);
    return { seen: 0, total: durable ?? 0 };
  },
  observe: (s) => ({ seen: s.seen, total: s.total }),
};

describe('node faults', () => {
  test('a crashed node loses volatile state but keeps what it persisted; messages to it are dropped', () => {
    const r = run(counter, 2, {
      network: fixedNetwork(1),
      scripted: [
        { atTicks: 8, action: { kind: 'crash', node: 1 } },
        { atTicks: 12, action: { kind: 'restart', node: 1 } },
      ],
    });
    const crashedDrops = r.execution.messages.filter((m) => m.dropReason === 'crashed');
    expect(crashedDrops.length).toBe(4); // sent at ticks 7..10, arriving 8..11 (arrivals at tick 8 come after the crash)
    // arrivals at ticks 2..7 (6) before the crash, 8..11 dropped (4), 12..21 after the restart (10)
    expect(r.finalStates[1]).toEqual({ seen: 10, total: 16 });
    expect(eventsOf(r.execution, 1)).toContain('crash crash');
    expect(eventsOf(r.execution, 1)).toContain('restart restart');
  });

  test('timers of a crashed node are lost', () => {
    const r = run(counter, 2, { network: fixedNetwork(1), scripted: [{ atTicks: 5, action: { kind: 'crash', node: 0 } }] });
    expect(r.finalStates[0]).toBeUndefined();
    expect(r.finalStates[1]!['total']).toBe(4);
    expect(r.endReason).toBe('quiescent');
  });

  test('a paused node receives nothing while paused, then everything in order on resume', () => {
    const r = run(TEN, 2, {
      network: fixedNetwork(1),
      scripted: [
        { atTicks: 3, action: { kind: 'pause', node: 1 } },
        { atTicks: 20, action: { kind: 'resume', node: 1 } },
      ],
    });
    expect(received(r)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const x = r.execution;
    const times = x.byHost[1]!.map((id) => [x.events[id]!.kind, x.events[id]!.timeTicks]);
    expect(times.filter(([k, t]) => k === 'receive' && (t as number) > 2 && (t as number) < 20)).toEqual([]);
    // arrivals at ticks 3..11 were held and are delivered at the resume
    expect(times.filter(([k, t]) => k === 'receive' && t === 20)).toHaveLength(9);
  });

  test('clock skew scales and offsets a node’s local time and its timers', () => {
    const clock: Protocol<{ readonly seenAt: number }, never> = {
      name: 'clock',
      init(ctx) {
        ctx.setTimer('t', 10);
        return { seenAt: ctx.nowTicks };
      },
      onMessage: (s) => s,
      onTimer: (_s, _t, ctx) => ({ seenAt: ctx.nowTicks }),
      observe: (s) => ({ seenAt: s.seenAt }),
    };
    const r = run(clock, 2, { network: fixedNetwork(1), clockSkews: [{ node: 1, offsetTicks: 1000, ratePercent: 200 }] });
    const x = r.execution;
    expect(x.byHost[0]!.map((id) => x.events[id]!.timeTicks)).toEqual([0, 10]);
    expect(x.byHost[1]!.map((id) => x.events[id]!.timeTicks)).toEqual([0, 5]);
    expect(r.finalStates).toEqual([{ seenAt: 10 }, { seenAt: 1010 }]);
  });

  test('after the heal point every node is up and no fault happens', () => {
    const r = run(counter, 3, {
      network: fixedNetwork(1, { loss: [1, 2] }),
      random: { stepTicks: 1, crash: [1, 1], restart: [0, 1], partition: [1, 1], heal: [0, 1], pause: [0, 1], resume: [0, 1], downMax: 2 },
      healAtTicks: 4,
    }, 5, { timeTicksMax: 100 });
    const x = r.execution;
    const late = x.events.filter((e) => e.timeTicks! > 4);
    expect(late.some((e) => e.kind === 'crash' || e.kind === 'pause')).toBe(false);
    expect(x.events.some((e) => e.kind === 'crash')).toBe(true);
    expect(r.finalStates.every((s) => s !== undefined)).toBe(true);
    const lateSends = x.messages.filter((m) => x.events[m.sendEvent]!.timeTicks! >= 4);
    expect(lateSends.length).toBeGreaterThan(0);
    expect(lateSends.every((m) => m.fate === 'delivered')).toBe(true);
  });
});

test('eventsMax is exact even when one moment makes several events (the heal restarts every node)', () => {
  for (let eventsMax = 1; eventsMax <= 12; eventsMax++) {
    const r = run(counter, 3, {
      network: fixedNetwork(1),
      scripted: [0, 1, 2].map((node) => ({ atTicks: 2, action: { kind: 'crash' as const, node } })),
      healAtTicks: 3,
    }, 1, { eventsMax });
    expect(r.eventCount).toBeLessThanOrEqual(eventsMax);
    expect(r.execution.events.length).toBe(r.eventCount);
  }
});
