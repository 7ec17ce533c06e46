import { describe, expect, it } from 'vitest';
import { run } from '../../api/index.js';
import type { HistoryEvent } from '../../execution/history.js';
import type { Workload } from '../../sim/workload/types.js';
import { echoScenario } from './echo.js';

const invokes = (h: readonly HistoryEvent[]): HistoryEvent[] => h.filter((e) => e.type === 'invoke');
const choices = (schedule: readonly { kind: string; value: number }[], kind: string): number[] =>
  schedule.filter((c) => c.kind === kind).map((c) => c.value);

describe('workload generator semantics, worked by hand', () => {
  it('weights: each op is the slice of Σ weights its recorded draw falls in, and counts match the draws exactly', () => {
    // read 2, write 3, cas 1: draws 0-1 read, 2-4 write, 5 cas
    const s = echoScenario({ clients: 2, operations: [{ f: 'read', weight: 2 }, { f: 'write', weight: 3 }, { f: 'cas' }], opsMax: 600 });
    const r = run(s, { seed: 11 });
    const ops = invokes(r.history).map((e) => e.f);
    const draws = choices(r.schedule, 'workload:op');
    expect(ops.length).toBe(600);
    expect(draws.length).toBe(600);
    expect(ops).toEqual(draws.map((d) => (d < 2 ? 'read' : d < 5 ? 'write' : 'cas')));
    const count = (f: string): number => ops.filter((x) => x === f).length;
    // 600 draws uniform over 6 values: each value comes 100 ± 40 times (far more than 5 standard deviations)
    for (let v = 0; v < 6; v++) expect(Math.abs(draws.filter((d) => d === v).length - 100)).toBeLessThan(40);
    expect(count('read') + count('write') + count('cas')).toBe(600);
    expect(Math.abs(count('write') - 300)).toBeLessThan(60);
  });

  it('weights by enumeration: a replayed draw v gives the op of slice v; past the schedule the default is the first op', () => {
    const s = echoScenario({ clients: 1, operations: [{ f: 'read', weight: 2 }, { f: 'write', value: { constant: 9 } }], opsMax: 4 });
    const schedule = [0, 1, 2].map((value) => ({ kind: 'workload:op', value }));
    const r = run(s, { seed: 0, schedule });
    expect(invokes(r.history).map((e) => `${e.f} ${String(e.value)}`)).toEqual(['read null', 'read null', 'write 9', 'read null']);
  });

  it('keys: uniform and hot (the first key weighs as much as the others together)', () => {
    const hot = echoScenario({ clients: 1, operations: [{ f: 'read' }], keys: ['a', 'b', 'c'], keyDistribution: 'hot', opsMax: 4 });
    // hot over 3 keys: draws 0-1 → a, 2 → b, 3 → c
    const schedule = [3, 0, 2, 1].map((value) => ({ kind: 'workload:key', value }));
    expect(invokes(run(hot, { seed: 0, schedule }).history).map((e) => e.key)).toEqual(['c', 'a', 'b', 'a']);
    const r = run(hot, { seed: 5 });
    expect(choices(r.schedule, 'workload:key').map((d) => ['a', 'a', 'b', 'c'][d])).toEqual(invokes(r.history).map((e) => e.key));
    const uniform = echoScenario({ clients: 1, operations: [{ f: 'read' }], keys: ['a', 'b', 'c'], opsMax: 3 });
    const u = run(uniform, { seed: 0, schedule: [2, 0, 1].map((value) => ({ kind: 'workload:key', value })) });
    expect(invokes(u.history).map((e) => e.key)).toEqual(['c', 'a', 'b']);
  });

  it('values: sequential unique values 1, 2, 3, ... over all clients; uniform ranges are recorded draws', () => {
    const s = echoScenario({ clients: 3, operations: [{ f: 'write', value: 'unique' }], opsMax: 9 });
    const values = invokes(run(s, { seed: 3 }).history).map((e) => e.value);
    expect(values).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const u = echoScenario({ clients: 1, operations: [{ f: 'write', value: { uniform: [10, 12] } }], opsMax: 3 });
    const r = run(u, { seed: 0, schedule: [2, 0, 1].map((value) => ({ kind: 'workload:value', value: 10 + value })) });
    expect(invokes(r.history).map((e) => e.value)).toEqual([12, 10, 11]);
  });

  it('stops after opsMax operations in all', () => {
    for (const clients of [1, 2, 5]) {
      const r = run(echoScenario({ clients, operations: [{ f: 'read' }], opsMax: 7 }), { seed: 1 });
      expect(invokes(r.history).length).toBe(7);
      expect(r.history.filter((e) => e.type === 'ok').length).toBe(7);
    }
  });

  it('stops at a tick: invokes at 1, 6, ..., 46 with gap 5 and stopAtTicks 50 (10 per client)', () => {
    const r = run(echoScenario({ clients: 2, operations: [{ f: 'read' }], gapTicks: 5, stopAtTicks: 50 }), { seed: 1 });
    const times = invokes(r.history).map((e) => e.timeTicks);
    expect(times).toEqual([1, 6, 11, 16, 21, 26, 31, 36, 41, 46].flatMap((t) => [t, t]));
  });

  it('concurrency: never more than outstandingMax operations outstanding per client, and the bound is reached', () => {
    const k = 3;
    const r = run(echoScenario({ clients: 2, outstandingMax: k, operations: [{ f: 'slow' }], opsMax: 30 }), { seed: 2 });
    const open = [0, 0];
    let peak = 0;
    for (const e of r.history) {
      const client = Math.floor(e.process / k);
      open[client]! += e.type === 'invoke' ? 1 : -1;
      peak = Math.max(peak, open[client]!);
      expect(open[client]!).toBeLessThanOrEqual(k);
    }
    expect(peak).toBe(k);
    expect(r.history.filter((e) => e.type === 'ok').length).toBe(30);
  });

  it('rate: a client invokes again no sooner than gapTicks after its last invoke; drawn gaps span the range', () => {
    const r = run(echoScenario({ clients: 2, outstandingMax: 4, operations: [{ f: 'read' }], gapTicks: 3, gapTicksMax: 7, opsMax: 200 }), { seed: 4 });
    const gaps: number[] = [];
    for (const c of [0, 1]) {
      const t = invokes(r.history).filter((e) => Math.floor(e.process / 4) === c).map((e) => e.timeTicks!);
      for (let i = 1; i < t.length; i++) gaps.push(t[i]! - t[i - 1]!);
    }
    expect(Math.min(...gaps)).toBe(3);
    expect(Math.max(...gaps)).toBe(7);
  });

  it('timeouts: an operation without reply completes as info exactly timeoutTicks after its invoke', () => {
    const r = run(echoScenario({ clients: 1, operations: [{ f: 'hang', value: 'unique' }], timeoutTicks: 10, opsMax: 3 }), { seed: 0 });
    expect(r.history.map((e) => `${e.type} ${String(e.value)} @${e.timeTicks}`)).toEqual([
      'invoke 1 @1', 'info 1 @11', 'invoke 2 @11', 'info 2 @21', 'invoke 3 @21', 'info 3 @31',
    ]);
  });

  it('the final read phase after heal reads every key once per client, and the main phase ends at the heal', () => {
    const keys = ['a', 'b', 'c'];
    const s = echoScenario(
      { clients: 2, operations: [{ f: 'write', value: 'unique' }], keys, gapTicks: 4, stopAtTicks: 1_000, finalRead: { f: 'read' } },
      { network: { delayTicksMin: 1, delayTicksMax: 3, loss: [0, 1], duplication: [0, 1], ordering: 'fifo' }, healAtTicks: 40 },
    );
    const r = run(s, { seed: 9 });
    const all = invokes(r.history);
    const main = all.filter((e) => e.f === 'write');
    const reads = all.filter((e) => e.f === 'read');
    expect(main.every((e) => e.timeTicks! < 40)).toBe(true);
    expect(reads.every((e) => e.timeTicks! >= 40)).toBe(true);
    expect(reads.map((e) => `${e.process}:${e.key}`).sort()).toEqual(['0:a', '0:b', '0:c', '1:a', '1:b', '1:c']);
    expect(r.history.filter((e) => e.type === 'ok' && e.f === 'read').length).toBe(6);
  });

  describe('which node a request goes to', () => {
    const serversOf = (w: Workload, seed = 0): string[] => {
      const exec = run(echoScenario(w, undefined, 3), { seed }).execution;
      return exec.messages.filter((m) => exec.hosts[m.from]!.startsWith('c')).map((m) => `${exec.hosts[m.from]}>${exec.hosts[m.to]}`);
    };
    const two: Workload = { clients: 2, operations: [{ f: 'read' }], opsMax: 6 };

    it('round-robin (the default) starts each client at its own node', () => {
      expect(serversOf(two)).toEqual(['c0>p0', 'c1>p1', 'c0>p1', 'c1>p2', 'c0>p2', 'c1>p0']);
    });

    it('fixed', () => {
      expect(new Set(serversOf({ ...two, server: { fixed: 2 } }))).toEqual(new Set(['c0>p2', 'c1>p2']));
    });

    it('random: a recorded workload:server choice per request', () => {
      const r = run(echoScenario({ ...two, server: 'random' }, undefined, 3), { seed: 8 });
      const drawn = choices(r.schedule, 'workload:server');
      expect(drawn.length).toBe(6);
      const sent = r.execution.messages.filter((m) => m.from >= 3).map((m) => m.to);
      expect(sent).toEqual(drawn);
    });

    it('a function of the last reply follows the hint of a redirect', () => {
      const w: Workload = { clients: 1, operations: [{ f: 'leader' }], opsMax: 3, server: (_c, _op, last) => last?.hint ?? 0 };
      expect(serversOf(w)).toEqual(['c0>p0', 'c0>p1', 'c0>p1']);
      const h = run(echoScenario(w, undefined, 3), { seed: 0 }).history.filter((e) => e.type !== 'invoke').map((e) => e.type);
      expect(h).toEqual(['fail', 'ok', 'ok']);
    });
  });
});
