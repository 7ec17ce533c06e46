import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JepsenHistory } from '../../../execution/history.js';
import { checkJepsenCounter } from '../../../properties/jepsen-checkers/index.js';
import { completionOf, edn, invokeOf, randomHistory, valueOf } from './helpers.js';

describe('counter: hand-worked histories', () => {
  // p0 adds 1 (ok), p1 adds 2 (info: may or may not have happened), p2 adds 4 (fail: did not happen).
  const prefix = [
    '{:process 0, :type :invoke, :f :add, :value 1}',
    '{:process 0, :type :ok, :f :add, :value 1}',
    '{:process 1, :type :invoke, :f :add, :value 2}',
    '{:process 1, :type :info, :f :add, :value 2}',
    '{:process 2, :type :invoke, :f :add, :value 4}',
    '{:process 2, :type :fail, :f :add, :value 4}',
    '{:process 3, :type :invoke, :f :read}',
  ];

  it('a read between the ok adds and the adds not failed is valid: bounds [1, 3]', () => {
    for (const read of [1, 3]) {
      const r = valueOf(checkJepsenCounter(edn([...prefix, `{:process 3, :type :ok, :f :read, :value ${read}}`].join('\n'))));
      expect(r.valid).toBe(true);
      expect(r.reads.map((x) => [x.lower, x.value, x.upper])).toEqual([[1, read, 3]]);
    }
  });

  it('a read above the upper bound (the failed add counted) is an error naming the read, its line and its bounds', () => {
    const r = valueOf(checkJepsenCounter(edn([...prefix, '{:process 3, :type :ok, :f :read, :value 7}'].join('\n'))));
    expect(r.valid).toBe(false);
    expect(r.errors.map((x) => [x.lower, x.value, x.upper])).toEqual([[1, 7, 3]]);
    expect(r.explanation[1]).toBe(
      '  the read by process 3 at line 8 (invoked at line 7) returned 7, above the upper bound 3 (adds invoked, and not failed, before the read completed); bounds [1, 3]',
    );
  });

  it('the lower bound counts only adds that completed before the read was invoked', () => {
    const h = edn(
      [
        '{:process 0, :type :invoke, :f :add, :value 5}',
        '{:process 1, :type :invoke, :f :read}',
        '{:process 0, :type :ok, :f :add, :value 5}',
        '{:process 1, :type :ok, :f :read, :value 0}',
        '{:process 1, :type :invoke, :f :read}',
        '{:process 1, :type :ok, :f :read, :value 0}',
      ].join('\n'),
    );
    const r = valueOf(checkJepsenCounter(h));
    expect(r.reads.map((x) => [x.lower, x.value, x.upper])).toEqual([[0, 0, 5], [5, 0, 5]]);
    expect(r.errors).toHaveLength(1);
    expect(r.explanation[1]).toMatch(/at line 6 \(invoked at line 5\) returned 0, below the lower bound 5/);
  });

  it('an add of a non-integer is an input error naming its line', () => {
    const r = checkJepsenCounter(edn('{:process 0, :type :invoke, :f :add, :value :x}'), { source: 'c.edn' });
    expect(r).toEqual({ ok: false, error: { source: 'c.edn', line: 1, message: 'expected an :add of a non-negative integer, found ":x"' } });
  });
});

/** The bounds straight from the definition, read by read, with no running sums. */
function oracleBounds(h: JepsenHistory): [number, number, number][] {
  const out: [number, number, number][] = [];
  h.forEach((e, k) => {
    if (e.f !== 'read' || e.type !== 'ok') return;
    const i = invokeOf(h, k)!;
    let lower = 0;
    let upper = 0;
    for (let j = 0; j < h.length; j++) {
      const x = h[j]!;
      if (x.f !== 'add') continue;
      if (x.type === 'ok' && j < i) lower += x.value as number;
      const c = completionOf(h, j);
      if (x.type === 'invoke' && j < k && (c === undefined || h[c]!.type !== 'fail')) upper += x.value as number;
    }
    out.push([lower, e.value as number, upper]);
  });
  return out;
}

describe('counter: agrees with the bounds computed from their definition', () => {
  it('on random histories of three processes (adds ok, failed, info or pending; reads of small values)', () => {
    let invalid = 0;
    fc.assert(
      fc.property(randomHistory(4, (s) => s.value * 2), (h) => {
        const r = valueOf(checkJepsenCounter(h));
        const expected = oracleBounds(h);
        expect(r.reads.map((x) => [x.lower, x.value, x.upper])).toEqual(expected);
        const ok = expected.every(([l, v, u]) => l <= v && v <= u);
        expect(r.valid).toBe(ok);
        if (!ok) invalid++;
      }),
      { numRuns: 500 },
    );
    expect(invalid).toBeGreaterThan(20);
  });
});
