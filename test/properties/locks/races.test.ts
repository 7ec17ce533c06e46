import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExecution } from '../../../execution/build.js';
import type { Execution } from '../../../execution/types.js';
import { possibly } from '../../../properties/lattice/possibly.js';
import { possiblyUnderLocks } from '../../../properties/locks/modalities.js';
import { reorderableSections, writeRaces } from '../../../properties/locks/races.js';
import type { CutPredicate } from '../../../properties/predicate-types.js';
import { oracleObservations } from './lock-oracle.js';
import { LOCKS, arbLockTrace } from './lock-traces.js';

/** Pairs of acquires (by event id, smaller first) of one lock on different threads that ran in both orders in some observation. */
function oracleReorderable(exec: Execution): string[] {
  const acquires = exec.events.filter((e) => /^lock /.test(e.label));
  const order = new Set<string>();
  for (const run of oracleObservations(exec)) {
    const position = new Map(run.map((id, i) => [id, i]));
    for (const s of acquires) {
      for (const t of acquires) {
        if (s.host === t.host || s.label !== t.label || !position.has(s.id)) continue;
        if (!position.has(t.id) || position.get(t.id)! > position.get(s.id)!) order.add(`${s.id}<${t.id}`);
      }
    }
  }
  const pairs: string[] = [];
  for (const s of acquires) for (const t of acquires) if (s.id < t.id && order.has(`${s.id}<${t.id}`) && order.has(`${t.id}<${s.id}`)) pairs.push(`${s.id}-${t.id}`);
  return pairs;
}

/** Locks host h holds before its k-th event, by replaying its labels. */
function heldBefore(exec: Execution, h: number, k: number): Set<string> {
  const held = new Set<string>();
  for (const id of exec.byHost[h]!.slice(0, k - 1)) {
    const [verb, lock] = exec.events[id]!.label.split(' ');
    if (verb === 'lock') held.add(lock!);
    if (verb === 'unlock') held.delete(lock!);
  }
  return held;
}

function oracleRaces(exec: Execution, field: string): string[] {
  const writes = exec.events.filter((e) => e.fields[field] !== undefined);
  const leq = (a: Int32Array, b: Int32Array) => a.every((v, j) => v <= b[j]!);
  const out: string[] = [];
  for (const a of writes) {
    for (const b of writes) {
      if (a.id >= b.id || a.host === b.host || leq(a.clock, b.clock) || leq(b.clock, a.clock)) continue;
      const la = heldBefore(exec, a.host, a.index);
      const lb = heldBefore(exec, b.host, b.index);
      if (![...la].some((l) => lb.has(l))) out.push(`${a.id}-${b.id}`);
    }
  }
  return out;
}

describe('the race and atomicity report', () => {
  it('agrees with every interleaving on reorderable sections, and with clocks and replayed locksets on races', () => {
    let reorderable = 0;
    let races = 0;
    let ordered = 0;
    fc.assert(
      fc.property(arbLockTrace, (exec) => {
        const report = reorderableSections(exec, LOCKS);
        expect(report.complete).toBe(true);
        const got = report.pairs.map((p) => `${p.first.acquire}-${p.second.acquire}`);
        expect(got).toEqual(oracleReorderable(exec));
        reorderable += got.length;
        const sameLockPairs = exec.events.filter((e) => e.label === 'lock A').length;
        if (sameLockPairs >= 2 && got.length === 0) ordered++;
        for (const field of ['x', 'y']) {
          const found = writeRaces(exec, LOCKS, field);
          expect(found.map((r) => `${r.first}-${r.second}`)).toEqual(oracleRaces(exec, field));
          races += found.length;
        }
      }),
      { numRuns: 300 },
    );
    expect(reorderable).toBeGreaterThan(30);
    expect(races).toBeGreaterThan(30);
    expect(ordered).toBeGreaterThan(5);
  });

  it('hand-worked: one lock around x on both threads is no race, a write outside it is', () => {
    // t0: lock A, x := 1, unlock A, y := 1.   t1: lock A, x := 2, unlock A, y := 2.   No happened-before between them.
    const mk = (h: number, k: number, label: string, fields: Record<string, number>) => ({
      host: h, kind: 'internal' as const, label, fields, clock: h === 0 ? [k, 0] : [0, k],
    });
    const exec = buildExecution({
      label: 'two sections',
      hosts: ['t0', 't1'],
      events: [
        mk(0, 1, 'lock A', {}), mk(0, 2, 'write x', { x: 1 }), mk(0, 3, 'unlock A', {}), mk(0, 4, 'write y', { y: 1 }),
        mk(1, 1, 'lock A', {}), mk(1, 2, 'write x', { x: 2 }), mk(1, 3, 'unlock A', {}), mk(1, 4, 'write y', { y: 2 }),
      ],
    });
    expect(writeRaces(exec, LOCKS, 'x')).toEqual([]);
    expect(writeRaces(exec, LOCKS, 'y')).toEqual([{ field: 'y', first: 3, second: 7, firstLocks: [], secondLocks: [] }]);
    const report = reorderableSections(exec, LOCKS);
    expect(report.pairs.map((p) => [p.lock, p.first.acquire, p.second.acquire])).toEqual([['A', 0, 4]]);
  });

  it('hand-worked: a section that could only go first by breaking another lock is not reorderable', () => {
    // t0: lock B, e (write x), lock A, unlock A, unlock B.  t1: (sees e) write y, lock B, lock A, unlock A, unlock B.
    // For t1's A section to enter before t0's, t1 must hold B after e, while t0 holds B from before e until after
    // its A section: never feasible. By happened-before alone both orders would be possible.
    const exec = buildExecution({
      label: 'nested',
      hosts: ['t0', 't1'],
      events: [
        { host: 0, kind: 'internal', label: 'lock B', fields: {}, clock: [1, 0] },
        { host: 0, kind: 'internal', label: 'write x', fields: { x: 1 }, clock: [2, 0] },
        { host: 1, kind: 'receive', label: 'write y', fields: { y: 1 }, clock: [2, 1] },
        { host: 0, kind: 'internal', label: 'lock A', fields: {}, clock: [3, 0] },
        { host: 0, kind: 'internal', label: 'unlock A', fields: {}, clock: [4, 0] },
        { host: 0, kind: 'internal', label: 'unlock B', fields: {}, clock: [5, 0] },
        { host: 1, kind: 'internal', label: 'lock B', fields: {}, clock: [2, 2] },
        { host: 1, kind: 'internal', label: 'lock A', fields: {}, clock: [2, 3] },
        { host: 1, kind: 'internal', label: 'unlock A', fields: {}, clock: [2, 4] },
        { host: 1, kind: 'internal', label: 'unlock B', fields: {}, clock: [2, 5] },
      ],
    });
    expect(oracleReorderable(exec)).toEqual([]);
    const report = reorderableSections(exec, LOCKS);
    expect(report.complete).toBe(true);
    expect(report.pairs).toEqual([]);
    // By happened-before alone, t1 inside A with t0 not yet in it is a consistent cut; under the locks it is not.
    const t1First: CutPredicate = { text: 't1 in A first', evaluate: (cut) => cut[1]! >= 3 && cut[0]! < 3, shape: { kind: 'general' } };
    expect(possibly(exec, t1First).verdict).toBe('holds');
    expect(possiblyUnderLocks(exec, t1First, LOCKS).verdict).toBe('fails');
  });

  it('stops at cutsMax and says the list may be incomplete', () => {
    const exec = buildExecution({
      label: 'two sections',
      hosts: ['t0', 't1'],
      events: [
        { host: 0, kind: 'internal', label: 'lock A', fields: {}, clock: [1, 0] },
        { host: 0, kind: 'internal', label: 'unlock A', fields: {}, clock: [2, 0] },
        { host: 1, kind: 'internal', label: 'lock A', fields: {}, clock: [0, 1] },
        { host: 1, kind: 'internal', label: 'unlock A', fields: {}, clock: [0, 2] },
      ],
    });
    const stopped = reorderableSections(exec, LOCKS, { cutsMax: 3 });
    expect(stopped.complete).toBe(false);
    expect(stopped.cutsVisited).toBe(3);
    expect(stopped.stoppedBy).toMatch(/cutsMax/);
    expect(reorderableSections(exec, LOCKS).pairs).toHaveLength(1);
  });
});
