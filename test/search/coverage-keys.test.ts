/**
 * Coverage keys and faults fired, worked by hand on a tiny execution: p0 starts `idle`, sends m0 to p1 while `busy`;
 * p1 starts `idle`, receives m0 and turns `busy`, crashes and restarts `idle`. A second message m1 is dropped by a
 * partition (p1 isolated at tick 4, healed at 8). And the mutation operators keep a mutant's untouched prefix as the parent's.
 */
import { describe, expect, it } from 'vitest';
import { buildExecution } from '../../execution/build.js';
import { bucketedFields, runCoverage } from '../../search/strategies/coverage-keys.js';
import { faultsFired } from '../../search/strategies/faults-fired.js';
import { compactSchedule, expandSchedule, mutate } from '../../search/strategies/mutate.js';
import { Random } from '../../sim/random.js';

const execution = buildExecution({
  label: 'hand-made',
  hosts: ['p0', 'p1'],
  events: [
    { host: 0, kind: 'start', label: 'start', timeTicks: 0, clock: [1, 0], fields: { s: 'idle' } },
    { host: 1, kind: 'start', label: 'start', timeTicks: 0, clock: [0, 1], fields: { s: 'idle' } },
    { host: 0, kind: 'send', label: 'send m0', timeTicks: 1, clock: [2, 0], sent: [0, 1], fields: { s: 'busy' } },
    { host: 1, kind: 'receive', label: 'm0 from p0', timeTicks: 3, clock: [2, 2], received: 0, fields: { s: 'busy' } },
    { host: 1, kind: 'crash', label: 'crash', timeTicks: 5, clock: [2, 3], fields: {} },
    { host: 1, kind: 'restart', label: 'restart', timeTicks: 9, clock: [2, 4], fields: { s: 'idle' } },
  ],
  messages: [
    { id: 0, from: 0, to: 1, sendEvent: 2, receiveEvents: [3], fate: 'delivered', summary: 'm0' },
    { id: 1, from: 0, to: 1, sendEvent: 2, receiveEvents: [], fate: 'dropped', dropReason: 'partition', summary: 'm1' },
  ],
});

describe('coverage keys', () => {
  it('states, transitions, global states and message edges, each with the tick it first appeared at', () => {
    const c = runCoverage(execution, (o) => String(o.s));
    const byKey = Object.fromEntries(c.keys.map((k, i) => [k, c.keyTicks[i]]));
    expect(byKey).toEqual({
      's:idle': 0,
      't:>idle': 0,
      'g:|idle': 0,
      'g:idle|idle': 0,
      's:busy': 1,
      't:idle>busy': 1,
      'g:busy|idle': 1,
      'm:busy>idle>busy': 3,
      'g:busy|busy': 3,
      's:down': 5,
      't:busy>down': 5,
      'g:busy|down': 5,
      't:down>idle': 9,
    });
  });

  it('the default abstract state buckets numbers by magnitude', () => {
    expect(bucketedFields({ term: 0, votes: 2, log: 3, n: 4, m: 5, k: 8, j: 9, role: 'leader', up: true })).toBe(
      'term=0,votes=2,log=~2,n=~2,m=~3,k=~3,j=~4,role=leader,up=true,',
    );
  });
});

describe('faults fired', () => {
  it('counts crashes and restarts from the events, partitions and heals from the network faults noted, drops by reason, by kind and by node', () => {
    const networkFaults = [
      { ticks: 4, kind: 'partition:isolate', nodes: [0, 1], links: 2 },
      { ticks: 8, kind: 'heal', nodes: [0, 1], links: 2 },
    ];
    expect(faultsFired({ execution, networkFaults })).toEqual({
      byKind: { crash: 1, 'dropped:partition': 1, heal: 1, 'partition:isolate': 1, restart: 1 },
      byNode: {
        p0: { heal: 1, 'partition:isolate': 1 },
        p1: { crash: 1, 'dropped:partition': 1, heal: 1, 'partition:isolate': 1, restart: 1 },
      },
    });
  });
});

describe('mutation', () => {
  const parent = Array.from({ length: 40 }, (_, i) => ({ kind: i % 4 === 0 ? 'fault:crash' : 'delay', value: i % 4 === 0 ? 0 : 1 + (i % 5) }));
  const other = Array.from({ length: 30 }, () => ({ kind: 'delay', value: 9 }));
  const compact = compactSchedule(parent);

  it('a compact schedule round-trips', () => {
    expect(expandSchedule(compact)).toEqual(parent);
  });

  it('each operator edits what it says and keeps the rest of the parent', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 300; seed++) {
      const { name, plan } = mutate(compact, compactSchedule(other), new Random(seed), 10);
      seen.add(name);
      const differing = parent.map((_, i) => i).filter((i) => plan.kinds[i] !== parent[i]!.kind || plan.values[i] !== parent[i]!.value);
      const prefix = (n: number) => expect(plan.kinds.slice(0, n)).toEqual(parent.slice(0, n).map((c) => c.kind));
      switch (name) {
        case 'suffix':
          expect(plan.kinds.length).toBeLessThan(parent.length);
          prefix(plan.kinds.length);
          expect(plan.values).toEqual(parent.slice(0, plan.values.length).map((c) => c.value));
          break;
        case 'splice': {
          // The parent's first k choices, then the other run's from k on, for some k.
          const spliced = (k: number) => [...parent.slice(0, k), ...other.slice(k)];
          const some = Array.from({ length: parent.length }, (_, k) => k).some((k) => {
            const want = spliced(k);
            return want.length === plan.kinds.length && want.every((c, i) => c.kind === plan.kinds[i] && c.value === plan.values[i]);
          });
          expect(some).toBe(true);
          break;
        }
        case 'flip':
          expect(plan.kinds.length).toBe(parent.length);
          expect(differing.length).toBeLessThanOrEqual(1);
          break;
        case 'move':
          expect(plan.kinds.length).toBe(parent.length);
          expect(differing.length).toBeLessThanOrEqual(2);
          break;
        case 'havoc':
          expect(differing.length).toBeLessThanOrEqual(5);
          break;
        case 'fault':
          // Only fault chances change, each turned 0 ↔ 1.
          for (const i of differing) {
            expect(parent[i]!.kind).toBe('fault:crash');
            expect(plan.values[i]).toBe(1 - parent[i]!.value);
          }
          expect(differing.length).toBeLessThanOrEqual(3);
          break;
      }
    }
    expect([...seen].sort()).toEqual(['fault', 'flip', 'havoc', 'move', 'splice', 'suffix']);
  });
});
