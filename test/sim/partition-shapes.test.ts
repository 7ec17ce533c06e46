/**
 * Partition shapes and clogs, worked by hand on 5 nodes: which directed links each shape blocks (`a>b`: a's messages
 * to b are cut), that a run applies them (messages over a cut link are dropped, reason `partition`) and notes them,
 * and that a clog multiplies a link's delays while it lasts.
 */
import { describe, expect, test } from 'vitest';
import { drawPartition, shapeLinks, type Link } from '../../sim/partition-shapes.js';
import { Chooser } from '../../sim/chooser.js';
import { PARTITION_SHAPES, RANDOM_PARTITION_SHAPES, type FaultPlan } from '../../sim/plan.js';
import { Random } from '../../sim/random.js';
import type { Protocol } from '../../sim/process.js';
import { fixedNetwork, run } from './helpers.js';
import { faultsFired } from '../../search/strategies/faults-fired.js';

const names = (links: readonly Link[]) => links.map(([a, b]) => `${a}>${b}`).sort();
const both = (pairs: string) => pairs.split(' ').flatMap((p) => [`${p[0]}>${p[1]}`, `${p[1]}>${p[0]}`]).sort();
const FIVE = [0, 1, 2, 3, 4];

describe('partition shapes on 5 nodes', () => {
  test('isolate cuts the first node off from the rest, both ways', () => {
    expect(names(shapeLinks('isolate', FIVE))).toEqual(both('01 02 03 04'));
  });
  test('majority cuts the first two (a minority) from the other three', () => {
    expect(names(shapeLinks('majority', FIVE))).toEqual(both('02 03 04 12 13 14'));
  });
  test('bridge cuts {0, 1} from {3, 4}; node 2 keeps its links to both sides', () => {
    expect(names(shapeLinks('bridge', FIVE))).toEqual(both('03 04 13 14'));
  });
  test('ring keeps each node with its two ring neighbours (a majority of three) and cuts the two others', () => {
    expect(names(shapeLinks('ring', FIVE))).toEqual(both('02 03 13 14 24'));
    // Laid over the order 4 2 0 3 1, the neighbours are 4-2, 2-0, 0-3, 3-1, 1-4.
    expect(names(shapeLinks('ring', [4, 2, 0, 3, 1]))).toEqual(both('40 43 23 21 01'));
  });
  test('send-only: node 0 sends to everyone but hears no one; receive-only: the reverse', () => {
    expect(names(shapeLinks('send-only', FIVE))).toEqual(['1>0', '2>0', '3>0', '4>0']);
    expect(names(shapeLinks('receive-only', FIVE))).toEqual(['0>1', '0>2', '0>3', '0>4']);
  });
  test('a shape laid over some nodes never cuts a node outside them', () => {
    for (const shape of PARTITION_SHAPES) {
      for (const link of shapeLinks(shape, [3, 1, 4])) expect(link.every((x) => [1, 3, 4].includes(x))).toBe(true);
    }
  });
  test('the random draw of every shape stays inside its node set', () => {
    for (let seed = 0; seed < 200; seed++) {
      const c = new Chooser(new Random(seed), undefined);
      const drawn = drawPartition(c, RANDOM_PARTITION_SHAPES, [1, 2, 4]);
      for (const link of drawn.links) expect(link.every((x) => [1, 2, 4].includes(x))).toBe(true);
    }
  });
});

/** Every node sends one message to every other node at ticks 1, 2, ..., 5 (timer-driven). */
const mesh: Protocol<{ readonly round: number }, number> = {
  name: 'mesh',
  init(ctx) {
    ctx.setTimer('tick', 1);
    return { round: 0 };
  },
  onMessage: (s) => s,
  onTimer(s, _t, ctx) {
    for (let to = 0; to < ctx.nodeCount; to++) if (to !== ctx.self) ctx.send(to, s.round);
    if (s.round < 4) ctx.setTimer('tick', 1);
    return { round: s.round + 1 };
  },
  observe: (s) => ({ round: s.round }),
};

describe('shapes and clogs in a run', () => {
  test('a scripted partition-shape drops exactly the messages over its links, and is noted once', () => {
    for (const shape of PARTITION_SHAPES) {
      const plan: FaultPlan = { network: fixedNetwork(1), scripted: [{ atTicks: 0, action: { kind: 'partition-shape', shape } }] };
      const r = run(mesh, 5, plan);
      const cut = new Set(names(shapeLinks(shape, FIVE)));
      for (const m of r.execution.messages) {
        expect(m.fate, `${shape} ${m.from}>${m.to}`).toBe(cut.has(`${m.from}>${m.to}`) ? 'dropped' : 'delivered');
      }
      const ends = FIVE.filter((x) => [...cut].some((l) => l.includes(String(x))));
      expect(r.networkFaults).toEqual([{ ticks: 0, kind: `partition:${shape}`, nodes: ends, links: cut.size }]);
    }
  });

  test('a clog multiplies the delay of every message sent over its links while it lasts', () => {
    const plan: FaultPlan = {
      network: fixedNetwork(2, { ordering: 'unordered' }),
      scripted: [
        { atTicks: 0, action: { kind: 'clog', mode: 'one-way', from: [0], to: [1, 2], factor: 3 } },
        { atTicks: 3, action: { kind: 'unclog' } },
      ],
    };
    const r = run(mesh, 3, plan);
    const x = r.execution;
    for (const m of x.messages) {
      const sent = x.events[m.sendEvent]!.timeTicks!;
      const delay = x.events[m.receiveEvents[0]!]!.timeTicks! - sent;
      // sent at ticks 1 and 2 from p0: 2 × 3 ticks; later ones, and every other link: 2 ticks
      expect(delay, `${m.from}>${m.to} sent at ${sent}`).toBe(m.from === 0 && sent < 3 ? 6 : 2);
    }
    expect(r.networkFaults).toEqual([
      { ticks: 0, kind: 'clog', nodes: [0, 1, 2], links: 2 },
      { ticks: 3, kind: 'unclog', nodes: [0, 1, 2], links: 2 },
    ]);
    // Each delay is still one recorded choice of the link's range (here forced: 2..2, so none).
    expect(r.schedule.filter((c) => c.kind === 'delay')).toHaveLength(0);
  });

  test('a heal or unclog that changes nothing is not noted', () => {
    const r = run(mesh, 3, { network: fixedNetwork(1), scripted: [{ atTicks: 1, action: { kind: 'heal' } }, { atTicks: 1, action: { kind: 'unclog' } }] });
    expect(r.networkFaults).toEqual([]);
  });

  test('the faults fired of a scripted run: by hand for the network faults, from the trace for the rest', () => {
    const plan: FaultPlan = {
      network: fixedNetwork(1),
      scripted: [
        { atTicks: 0, action: { kind: 'isolate', node: 2 } },
        { atTicks: 2, action: { kind: 'heal' } },
        { atTicks: 3, action: { kind: 'crash', node: 1 } },
        { atTicks: 4, action: { kind: 'restart', node: 1 } },
        { atTicks: 5, action: { kind: 'partition-shape', shape: 'send-only', nodes: [1, 0, 2] } },
        { atTicks: 5, action: { kind: 'partition-shape', shape: 'send-only', nodes: [1, 0, 2] } },
      ],
    };
    const r = run(mesh, 3, plan);
    const msgs = r.execution.messages;
    const cut = msgs.filter((m) => m.dropReason === 'partition');
    const atCrashed = msgs.filter((m) => m.dropReason === 'crashed');
    expect(cut.length).toBeGreaterThan(0);
    expect(atCrashed.length).toBeGreaterThan(0);
    const to = (list: typeof msgs, node: number) => list.filter((m) => m.to === node).length;
    const dropped = (node: number) => ({
      ...(to(cut, node) === 0 ? {} : { 'dropped:partition': to(cut, node) }),
      ...(to(atCrashed, node) === 0 ? {} : { 'dropped:crashed': to(atCrashed, node) }),
    });
    // Isolating p2 cuts links at every node (p2's to p0 and p1). The second send-only changes no link: it did not
    // fire. p1 restarts through init (no onRecover).
    expect(faultsFired(r)).toEqual({
      byKind: { crash: 1, 'dropped:crashed': atCrashed.length, 'dropped:partition': cut.length, heal: 1, 'partition:isolate': 1, 'partition:send-only': 1, restart: 1 },
      byNode: {
        p0: { ...dropped(0), heal: 1, 'partition:isolate': 1, 'partition:send-only': 1 },
        p1: { crash: 1, ...dropped(1), heal: 1, 'partition:isolate': 1, 'partition:send-only': 1, restart: 1 },
        p2: { ...dropped(2), heal: 1, 'partition:isolate': 1, 'partition:send-only': 1 },
      },
    });
  });
});
