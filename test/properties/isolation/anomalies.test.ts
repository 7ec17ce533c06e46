import { describe, expect, it } from 'vitest';
import { checkIsolationText, type AnomalyName, type ConsistencyModel, type DataModel, type IsolationResult } from '../../../properties/isolation/index.js';

/** Checks EDN lines, each an `:ok` transaction of its own process unless it says otherwise. */
function check(model: DataModel, lines: readonly string[], options: { realtime?: boolean } = {}): IsolationResult {
  const r = checkIsolationText(lines.join('\n'), 'hand.edn', { model, ...options });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const ok = (p: number, value: string): string => `{:type :ok, :f :txn, :process ${p}, :value ${value}}`;

function expectClass(r: IsolationResult, names: AnomalyName[], strongest: ConsistencyModel | 'none'): void {
  expect([...new Set(r.anomalies.map((a) => a.name))].sort()).toEqual([...names].sort());
  expect(r.strongestModel).toBe(strongest);
  expect(r.valid).toBe(names.length === 0);
}

describe('list-append: one hand-worked history per anomaly class', () => {
  it('G0 (write cycle): x is [1 2] but y is [2 1]: T1 ww T2 on x, T2 ww T1 on y; no model holds', () => {
    const r = check('list-append', [ok(0, '[[:append :x 1] [:append :y 1]]'), ok(1, '[[:append :x 2] [:append :y 2]]'), ok(2, '[[:r :x [1 2]] [:r :y [2 1]]]')]);
    expectClass(r, ['G0'], 'none');
    expect(r.cycles[0]!.steps.map((s) => s.kind)).toEqual(['ww', 'ww']);
  });

  it('G1a (aborted read): T2 reads the append of T1, which failed; read uncommitted holds', () => {
    const r = check('list-append', ['{:type :fail, :f :txn, :process 0, :value [[:append :x 1]]}', ok(1, '[[:r :x [1]]]')]);
    expectClass(r, ['G1a'], 'read-uncommitted');
  });

  it('G1b (intermediate read): T2 reads x as [1], T1 appended 1 then 2 (and so T2 also rw-precedes T1: G-single)', () => {
    const r = check('list-append', [ok(0, '[[:append :x 1] [:append :x 2]]'), ok(1, '[[:r :x [1]]]')]);
    expectClass(r, ['G1b', 'G-single'], 'read-uncommitted');
  });

  it('G1c (circular information flow): each of T1 and T2 reads the other one\'s append: wr both ways', () => {
    const r = check('list-append', [ok(0, '[[:append :x 1] [:r :y [1]]]'), ok(1, '[[:append :y 1] [:r :x [1]]]')]);
    expectClass(r, ['G1c'], 'read-uncommitted');
    expect(r.cycles[0]!.steps.map((s) => s.kind)).toEqual(['wr', 'wr']);
  });

  it('G-single (read skew): T2 sees T1\'s append to y but not the one to x: T1 wr T2, T2 rw T1; read committed holds', () => {
    const r = check('list-append', [ok(0, '[[:append :x 1] [:append :y 1]]'), ok(1, '[[:r :x []] [:r :y [1]]]')]);
    expectClass(r, ['G-single'], 'read-committed');
  });

  it('G2-item (write skew): each reads the key the other appends to, empty: rw both ways; snapshot isolation holds', () => {
    const r = check('list-append', [ok(0, '[[:r :x nil] [:append :y 1]]'), ok(1, '[[:r :y nil] [:append :x 1]]')]);
    expectClass(r, ['G2-item'], 'snapshot-isolation');
    expect(r.cycles[0]!.steps.map((s) => s.kind)).toEqual(['rw', 'rw']);
  });

  it('G-single-realtime (stale read): T2 starts after T1 committed yet misses its append: only strict serializability fails', () => {
    const lines = ['{:type :invoke, :f :txn, :process 0, :value [[:append :x 1]]}', ok(0, '[[:append :x 1]]'), '{:type :invoke, :f :txn, :process 1, :value [[:r :x nil]]}', ok(1, '[[:r :x []]]')];
    expectClass(check('list-append', lines), [], 'serializable');
    const r = check('list-append', lines, { realtime: true });
    expectClass(r, ['G-single-realtime'], 'serializable');
    expect(r.valid).toBe(false);
    expect(r.cycles[0]!.steps.map((s) => s.kind)).toEqual(['rw', 'realtime']);
  });

  it('G-single-process: process 0 appends 1 to x, then reads x as []; completions only, so no real-time order', () => {
    const lines = [ok(0, '[[:append :x 1]]'), ok(0, '[[:r :x []]]')];
    expectClass(check('list-append', lines, { realtime: true }), [], 'strict-serializable');
    const r = checkIsolationText(lines.join('\n'), 'hand.edn', { model: 'list-append', processOrder: true });
    expect(r.ok && [r.value.anomalies.map((a) => a.name), r.value.strongestModel]).toEqual([['G-single-process'], 'serializable']);
    expect(r.ok && r.value.cycles[0]!.steps.map((s) => s.text)).toEqual([
      'T2 (line 2) read key :x as [], which T1 (line 1)\'s append of 1 follows',
      'process 0 ran T1 (line 1) and then T2 (line 2)',
    ]);
  });

  it('internal: T1 appends 1 to x and then reads x as []', () => {
    expectClass(check('list-append', [ok(0, '[[:append :x 1] [:r :x []]]')]), ['internal'], 'read-uncommitted');
  });

  it('incompatible-order, duplicate-elements, garbage-read: no model holds', () => {
    const two = [ok(0, '[[:append :x 1]]'), ok(1, '[[:append :x 2]]')];
    expectClass(check('list-append', [...two, ok(2, '[[:r :x [1 2]]]'), ok(3, '[[:r :x [2 1]]]')]), ['incompatible-order'], 'none');
    expectClass(check('list-append', [...two, ok(2, '[[:r :x [1 1]]]')]), ['duplicate-elements'], 'none');
    expectClass(check('list-append', [...two, ok(2, '[[:r :x [1 2 7]]]')]), ['garbage-read'], 'none');
  });

  it('a serial history has no anomalies, and its explanation says so', () => {
    const r = check('list-append', [ok(0, '[[:append :x 1]]'), ok(1, '[[:r :x [1]] [:append :x 2]]'), ok(2, '[[:r :x [1 2]]]')]);
    // Without real-time edges nothing says whether it is strictly serializable.
    expectClass(r, [], 'serializable');
    expect(r.valid).toBe(true);
    expect(r.explanation[0]).toBe('no anomalies among 3 transactions (3 dependency edges)');
  });
});

describe('rw-register: hand-worked histories', () => {
  it('G1c: each reads the other one\'s write; one edge is a ww inferred from a read followed by a write', () => {
    const r = check('rw-register', [ok(0, '[[:w :x 1] [:r :y 2]]'), ok(1, '[[:r :x 1] [:w :x 2] [:w :y 2]]')]);
    expectClass(r, ['G1c'], 'read-uncommitted');
    expect(r.cycles[0]!.steps.map((s) => s.kind)).toEqual(['ww', 'wr']);
  });

  it('G2-item (write skew): both read nil and write the other key', () => {
    expectClass(check('rw-register', [ok(0, '[[:r :x nil] [:w :y 1]]'), ok(1, '[[:r :y nil] [:w :x 2]]')]), ['G2-item'], 'snapshot-isolation');
  });

  it('G-single (read skew), G1a, G1b, internal', () => {
    expectClass(check('rw-register', [ok(0, '[[:w :x 1] [:w :y 1]]'), ok(1, '[[:r :x nil] [:r :y 1]]')]), ['G-single'], 'read-committed');
    expectClass(check('rw-register', ['{:type :fail, :f :txn, :process 0, :value [[:w :x 1]]}', ok(1, '[[:r :x 1]]')]), ['G1a'], 'read-uncommitted');
    expectClass(check('rw-register', [ok(0, '[[:w :x 1] [:w :x 2]]'), ok(1, '[[:r :x 1]]')]), ['G1b'], 'read-uncommitted');
    expectClass(check('rw-register', [ok(0, '[[:w :x 1] [:r :x 3]]'), ok(1, '[[:w :x 3]]')]), ['internal'], 'read-uncommitted');
  });

  it('a serial history is valid', () => {
    const r = check('rw-register', [ok(0, '[[:w :x 1]]'), ok(1, '[[:r :x 1] [:w :x 2]]'), ok(2, '[[:r :x 2]]')], { realtime: true });
    expectClass(r, [], 'strict-serializable');
  });
});
