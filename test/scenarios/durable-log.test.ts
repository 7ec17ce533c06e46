/**
 * The `durable-log` scenario (storage faults): the correct protocol holds on 300 seeds with every storage fault
 * firing; `dsim fuzz` finds `sent-before-logged`, shrinks it and the shrunk repro replays to the same violation; the
 * checksums catch a torn record the `ignore-checksums` variant takes as valid; runs are deterministic; the records.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeRecord, encodeRecord, valueOf } from '../../protocols/durable-log/index.js';
import { durableLogScenario } from '../../scenarios/durable-log.js';
import { fuzz } from '../../search/fuzz/fuzz.js';
import { addFaultCounts, faultsFired, type FaultCounts } from '../../search/strategies/faults-fired.js';
import { replaySchedule, runScenario } from '../../sim/run.js';
import { c } from '../shrink/helpers.js';

function run(seed: number, bug?: string, schedule?: ReturnType<typeof c>, eventsMax?: number) {
  const r = runScenario(durableLogScenario, { seed, bug, schedule, eventsMax, nodes: schedule === undefined ? undefined : 2 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The hand-made torn-write schedule (test/shrink/hand-made-storage.test.ts): p1 crashes with entry 1 torn to 8 characters. */
const TORN = c(
  'drop=0 delay=1 duplicate=0 storage:fsync-delay=1 storage:fsync-delay-ticks=10 ' +
    'fault:crash=1 fault:crash-node=1 storage:lose=0 storage:torn=1 storage:torn-length=8 fault:restart=1 storage:read-error=0',
);

describe('durable-log scenario', () => {
  test('the correct protocol holds on 300 seeds, with lost, torn, unreadable and delayed writes firing', () => {
    const fired: FaultCounts = {};
    let recovering = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const r = run(seed);
      expect(r.violations, `seed ${seed}`).toEqual([]);
      expect(r.protocolError).toBeUndefined();
      addFaultCounts(fired, faultsFired(r).byKind);
      if (r.execution.events.some((e) => e.fields['phase'] === 'recovering')) recovering++;
    }
    for (const k of ['storage:lose', 'storage:torn', 'storage:read-error', 'storage:fsync-delay']) expect(fired[k], k).toBeGreaterThan(20);
    expect(recovering).toBeGreaterThan(10);
  });

  test('fuzz finds sent-before-logged, shrinks it, and the shrunk repro replays to the same violation', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dsim-durable-log-'));
    const result = await fuzz({ scenario: durableLogScenario, bug: 'sent-before-logged', seeds: 20, seedStart: 1, outDir: out, reprosMax: 1, workers: 1 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.summary.failures.length).toBeGreaterThan(0);
    const [repro] = result.value.repros;
    expect(repro!.property).toBe('acked-writes-survive');
    expect(repro!.shrunk!.eventsAfter).toBeLessThanOrEqual(10);
    expect(repro!.shrunk!.eventsAfter).toBeLessThan(repro!.shrunk!.eventsBefore);
    const replay = replaySchedule(readFileSync(repro!.path, 'utf8'), repro!.path);
    expect(replay.ok).toBe(true);
    if (!replay.ok) return;
    expect(replay.value.hashMatches).toBe(true);
    expect(replay.value.violations.map((v) => v.property)).toContain('acked-writes-survive');
    expect(replay.value.violations.find((v) => v.property === 'acked-writes-survive')!.message).toBe(repro!.message);
    expect(replay.value.schedule.some((ch) => ch.kind.startsWith('storage:'))).toBe(true);
  });

  test('a torn record: the checksums reject it; ignore-checksums takes it as entry 1 with a wrong value', () => {
    const correct = run(0, undefined, TORN, 5);
    expect(correct.fallbackCount).toBe(0);
    expect(correct.violations).toEqual([]);
    expect(correct.finalStates[1]).toMatchObject({ phase: 'ready', len: 0 });
    expect(correct.execution.events.map((e) => e.label)).toContain('crash [storage: tore the last]');
    const buggy = run(0, 'ignore-checksums', TORN, 5);
    expect(buggy.violations.map((v) => v.property)).toEqual(['log-holds-written-values']);
    expect(buggy.finalStates[1]).toMatchObject({ len: 1, tail: 107919 });
  });

  test('the same seed gives the same trace; replaying its schedule reproduces it', () => {
    for (const seed of [3, 4, 5]) {
      const a = run(seed, 'sent-before-logged');
      const b = run(seed, 'sent-before-logged');
      expect(b.traceHash).toBe(a.traceHash);
      expect(a.schedule.some((ch) => ch.kind.startsWith('storage:'))).toBe(true);
      const r = runScenario(durableLogScenario, { seed: 0, bug: 'sent-before-logged', schedule: a.schedule });
      expect(r.ok && r.value.traceHash).toBe(a.traceHash);
      expect(a.execution.events.some((e) => /\[storage: append 1, fsync #\d+\]$/.test(e.label))).toBe(true);
    }
  });

  test('records carry a checksum; any cut of one fails it, and the unchecked decoder misreads most cuts', () => {
    const record = encodeRecord(3, valueOf(3));
    expect(decodeRecord(record, true)).toEqual({ i: 3, v: valueOf(3) });
    let misread = 0;
    for (let k = 0; k < record.length; k++) {
      expect(decodeRecord(record.slice(0, k), true)).toBeUndefined();
      const v = decodeRecord(record.slice(0, k), false)?.v;
      if (v !== undefined && v !== valueOf(3)) misread++;
    }
    expect(misread).toBeGreaterThanOrEqual(11);
  });
});
