/**
 * Storage that can fail (sim/storage.ts), on a one-node writer under hand-built plans: node 0 appends `a`, puts
 * `k=1` and fsyncs at start; when fsync #1 completes it puts `k=2` and appends `bbbb`, unsynced. A scripted crash and
 * restart follow; `onRecover` reads back what survived.
 */
import { describe, expect, it } from 'vitest';
import type { FaultPlan, ScriptedFault, StorageFaults } from '../../sim/plan.js';
import { NEVER } from '../../sim/plan.js';
import type { Protocol } from '../../sim/process.js';
import { validateLimits, validatePlan } from '../../sim/validate.js';
import { faultsFired } from '../../search/strategies/faults-fired.js';
import { eventsOf, fixedNetwork, run } from './helpers.js';

interface W {
  readonly seen: string;
  readonly recovered: string;
  readonly key: string;
}

const writer = (bad = false): Protocol<W, never> => ({
  name: 'writer',
  init(ctx) {
    if (ctx.self !== 0) return { seen: '', recovered: '', key: '' };
    ctx.storage.append(bad ? (42 as unknown as string) : 'a');
    ctx.storage.put('k', '1');
    const log = ctx.storage.log();
    ctx.storage.fsync();
    return { seen: log.ok ? log.value.join('|') : 'ERR', recovered: '', key: '' };
  },
  onMessage: (s) => s,
  onTimer: (s) => s,
  onFsync(s, id, ctx) {
    if (id === 1) {
      ctx.storage.put('k', '2');
      ctx.storage.append('bbbb');
    }
    return s;
  },
  onRecover(_d, ctx) {
    const log = ctx.storage.log();
    const key = ctx.storage.get('k');
    return { seen: '', recovered: log.ok ? log.value.join('|') : 'ERR', key: key.ok ? (key.value ?? 'none') : 'ERR' };
  },
  observe: (s) => ({ seen: s.seen, recovered: s.recovered, key: s.key }),
});

const CALM: StorageFaults = { lose: NEVER, torn: NEVER, readError: NEVER, fsyncDelay: NEVER };

function planOf(storage: Partial<StorageFaults> | undefined, crashAt = 5): FaultPlan {
  const scripted: ScriptedFault[] = [
    { atTicks: crashAt, action: { kind: 'crash', node: 0 } },
    { atTicks: crashAt + 1, action: { kind: 'restart', node: 0 } },
  ];
  return { network: fixedNetwork(1), scripted, ...(storage === undefined ? {} : { storage: { ...CALM, ...storage } }) };
}

const final = (r: ReturnType<typeof run>) => r.execution.hostStates[0]![r.execution.byHost[0]!.length]!;

describe('storage', () => {
  it("a handler's reads see the node's writes, its own unsynced ones included (a page cache)", () => {
    const r = run(writer(), 1, planOf(undefined));
    expect(r.execution.hostStates[0]![1]!['seen']).toBe('a');
    expect(eventsOf(r.execution, 0).slice(0, 2)).toEqual(['start start [storage: append 1, put 1, fsync #1]', 'timer fsync #1 done [storage: append 1, put 1]']);
  });

  it('without storage faults every write survives a crash; with lose, the unsynced ones are lost and the synced kept', () => {
    const calm = run(writer(), 1, planOf(undefined));
    expect(final(calm)).toMatchObject({ recovered: 'a|bbbb', key: '2' });
    expect(eventsOf(calm.execution, 0)).toContain('crash crash');
    const lossy = run(writer(), 1, planOf({ lose: [1, 1] }));
    const kept = lossy.schedule.find((c) => c.kind === 'storage:kept')!.value; // 0: all lost; 1: the put survives
    expect(final(lossy)).toMatchObject({ recovered: 'a', key: kept === 0 ? '1' : '2' });
    expect(eventsOf(lossy.execution, 0)).toContain(`crash crash [storage: lost ${2 - kept} unsynced write${kept === 1 ? '' : 's'}]`);
  });

  it('a lost suffix keeps the unsynced writes before it (storage:kept)', () => {
    const kept = [0, 1, 2, 3, 4, 5].map((seed) => final(run(writer(), 1, planOf({ lose: [1, 1] }), seed))['key']);
    expect(new Set(kept)).toEqual(new Set(['1', '2'])); // keeps none (k=1) or the put (k=2), never both lost and 'bbbb' kept
    for (let seed = 0; seed < 6; seed++) {
      const r = run(writer(), 1, planOf({ lose: [1, 1] }), seed);
      const kinds = r.schedule.map((c) => c.kind);
      expect(kinds).toContain('storage:kept');
      expect(final(r)['recovered']).toBe('a');
    }
  });

  it('a torn last write survives as a strict prefix of the record', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const r = run(writer(), 1, planOf({ torn: [1, 1] }), seed);
      const [first, last, extra] = String(final(r)['recovered']).split('|');
      expect(first).toBe('a');
      expect(extra).toBeUndefined();
      expect('bbbb'.startsWith(last ?? '') && (last ?? '').length < 4).toBe(true);
      expect(final(r)['key']).toBe('2');
      expect(eventsOf(r.execution, 0)).toContain('crash crash [storage: tore the last]');
    }
  });

  it('a latent read error reaches the handler as an error result', () => {
    const r = run(writer(), 1, planOf({ readError: [1, 1] }));
    expect(final(r)).toMatchObject({ recovered: 'ERR', key: 'ERR' });
    expect(r.execution.hostStates[0]![1]!['seen']).toBe('ERR');
    expect(eventsOf(r.execution, 0)).toContain('restart restart [storage: read error ×2]');
  });

  it('a delayed fsync completes later; a crash before it completes voids it and the writes can be lost', () => {
    const delayed = run(writer(), 1, planOf({ fsyncDelay: [1, 1], fsyncTicks: 2, fsyncDelayTicksMax: 3 }, 50));
    const done = delayed.execution.events.find((e) => e.label.startsWith('fsync #1 done'))!;
    const ticks = delayed.schedule.find((c) => c.kind === 'storage:fsync-delay-ticks')!.value;
    expect(done.timeTicks).toBe(2 + ticks);
    expect(done.label).toBe(`fsync #1 done [storage: delayed ${ticks} tick${ticks === 1 ? '' : 's'}, append 1, put 1]`);
    const crashed = run(writer(), 1, planOf({ fsyncDelay: [1, 1], fsyncTicks: 2, lose: [1, 1] }, 2));
    expect(crashed.execution.events.some((e) => e.label.startsWith('fsync'))).toBe(false);
    expect(final(crashed)).toMatchObject({ recovered: '', key: 'none' });
  });

  it('storage faults stop at the heal point: the restart it brings reads without error', () => {
    const storage = { ...CALM, readError: [1, 1], fsyncDelay: [1, 1] } as const;
    const crashAt2: ScriptedFault = { atTicks: 2, action: { kind: 'crash', node: 0 } };
    const restartAt4: ScriptedFault = { atTicks: 4, action: { kind: 'restart', node: 0 } };
    const unhealed = run(writer(), 1, { network: fixedNetwork(1), scripted: [crashAt2, restartAt4], storage });
    expect(final(unhealed)).toMatchObject({ recovered: 'ERR', key: 'ERR' });
    const healed = run(writer(), 1, { network: fixedNetwork(1), scripted: [crashAt2], storage, healAtTicks: 4 });
    expect(final(healed)).toMatchObject({ recovered: 'a', key: '1' });
    expect(eventsOf(healed.execution, 0)).toContain('restart restart');
    expect(eventsOf(unhealed.execution, 0)).toContain('restart restart [storage: read error ×2]');
  });

  it("a pause holds an fsync's completion until the node resumes", () => {
    const plan = planOf(undefined, 50);
    const paused: FaultPlan = {
      ...plan,
      scripted: [{ atTicks: 0, action: { kind: 'pause', node: 0 } }, { atTicks: 5, action: { kind: 'resume', node: 0 } }, ...plan.scripted!],
    };
    const r = run(writer(), 1, paused);
    expect(r.execution.events.find((e) => e.label.startsWith('fsync #1 done'))!.timeTicks).toBe(5);
    expect(run(writer(), 1, plan).execution.events.find((e) => e.label.startsWith('fsync #1 done'))!.timeTicks).toBe(1);
  });

  it('storage faults that fire are counted in faultsFired', () => {
    const r = run(writer(), 1, planOf({ lose: [1, 2], torn: [1, 2], readError: [1, 2], fsyncDelay: [1, 2] }), 3);
    const faults = new Set(['storage:lose', 'storage:torn', 'storage:read-error', 'storage:fsync-delay']);
    const fired = r.schedule.filter((c) => faults.has(c.kind) && c.value === 1);
    const counts = faultsFired(r);
    const storageCounts = Object.fromEntries(Object.entries(counts.byKind).filter(([k]) => k.startsWith('storage:')));
    const expected: Record<string, number> = {};
    for (const c of fired) expected[c.kind] = (expected[c.kind] ?? 0) + 1;
    expect(storageCounts).toEqual(expected);
    // One node: every storage fault is counted at p0.
    expect(Object.fromEntries(Object.entries(counts.byNode['p0'] ?? {}).filter(([k]) => k.startsWith('storage:')))).toEqual(expected);
    expect(Object.keys(expected).length).toBeGreaterThan(1);
  });

  it('a node past storageCharsMax ends the run with storage-limit', () => {
    const r = run(writer(), 1, planOf(undefined), 1, { storageCharsMax: 2 } as never);
    expect(r.endReason).toBe('storage-limit');
    expect(run(writer(), 1, planOf(undefined), 1, { storageCharsMax: 8 } as never).endReason).toBe('quiescent');
  });

  it('a write that is not a string is a protocol error of the run', () => {
    const r = run(writer(true), 1, planOf(undefined));
    expect(r.protocolError?.message).toMatch(/storage\.append\(42\); expected a string record/);
  });

  it('the same seed gives the same run; its storage choices are in the schedule and replaying it reproduces the run', async () => {
    const { simulate } = await import('../../sim/simulator.js');
    const plan = planOf({ lose: [1, 2], torn: [1, 2], readError: [1, 2], fsyncDelay: [1, 2] });
    const cfg = { protocol: writer(), nodeCount: 1, plan, seed: 7 };
    const a = simulate(cfg);
    const b = simulate(cfg);
    expect(eventsOf(b.execution, 0)).toEqual(eventsOf(a.execution, 0));
    expect(a.schedule.some((c) => c.kind.startsWith('storage:'))).toBe(true);
    const replayed = simulate({ ...cfg, seed: 0, schedule: a.schedule });
    expect(replayed.fallbackCount).toBe(0);
    expect(eventsOf(replayed.execution, 0)).toEqual(eventsOf(a.execution, 0));
    expect(replayed.finalStates).toEqual(a.finalStates);
  });
});

describe('storage plan validation', () => {
  const bad = (storage: unknown) => validatePlan({ network: fixedNetwork(1), storage } as FaultPlan, 1);
  it.each([
    [{ ...CALM, lose: [2, 1] }, 'storage.lose is [2, 1]; expected a ratio'],
    [{ lose: NEVER, readError: NEVER, fsyncDelay: NEVER }, 'storage.torn is undefined; expected a ratio [numerator, denominator]'],
    [{ ...CALM, readError: [1, 0] }, 'storage.readError is [1, 0]; expected a ratio'],
    [{ ...CALM, fsyncTicks: 0 }, 'storage.fsyncTicks is 0; expected an integer ≥ 1'],
    [{ ...CALM, fsyncDelayTicksMax: 1.5 }, 'storage.fsyncDelayTicksMax is 1.5; expected an integer ≥ 1'],
    ['lots', 'storage is lots; expected an object with ratios lose, torn, readError and fsyncDelay'],
  ])('%j: %s', (storage, message) => {
    const r = bad(storage);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(message);
  });

  it('a good storage plan passes, and storageCharsMax must be a non-negative integer', () => {
    expect(bad({ ...CALM, lose: [1, 3], fsyncTicks: 2 }).ok).toBe(true);
    const r = validateLimits({ storageCharsMax: -1 });
    expect(!r.ok && r.error.message).toBe('storageCharsMax is -1; expected an integer ≥ 0');
  });
});
