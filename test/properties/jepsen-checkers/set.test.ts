import { describe, expect, it } from 'vitest';
import { checkJepsenSet } from '../../../properties/jepsen-checkers/index.js';
import { edn, valueOf } from './helpers.js';

const adds = [
  '{:process 0, :type :invoke, :f :add, :value 0}',
  '{:process 0, :type :ok, :f :add, :value 0}',
  '{:process 1, :type :invoke, :f :add, :value 1}',
  '{:process 1, :type :info, :f :add, :value 1}',
  '{:process 2, :type :invoke, :f :add, :value 2}',
  '{:process 2, :type :fail, :f :add, :value 2}',
  '{:process 0, :type :invoke, :f :add, :value 3}',
  '{:process 0, :type :ok, :f :add, :value 3}',
  '{:process 3, :type :invoke, :f :read, :value nil}',
];

describe('set (Jepsen checker/set)', () => {
  it('every acknowledged add read, an info add recovered, a failed add absent: valid', () => {
    const r = valueOf(checkJepsenSet(edn([...adds, '{:process 3, :type :ok, :f :read, :value #{0 1 3}}'].join('\n'))));
    expect(r).toMatchObject({ valid: true, attemptCount: 4, acknowledgedCount: 2, okCount: 3, ok: [0, 1, 3], recovered: [1], lost: [], unexpected: [] });
  });

  it('a lost element and an unexpected one are named with the lines of the add and of the final read', () => {
    const r = valueOf(checkJepsenSet(edn([...adds, '{:process 3, :type :ok, :f :read, :value [0 2 9]}'].join('\n'))));
    expect(r).toMatchObject({ valid: false, lost: [3], lostCount: 1, unexpected: [9], unexpectedCount: 1, ok: [0, 2], recovered: [2] });
    expect(r.explanation).toEqual([
      'lost: 3 was added (ok at line 8) but the final read at line 10 lacks it',
      'unexpected: the final read at line 10 holds 9, which no :add attempted',
    ]);
  });

  it('only the last ok read counts; a set never read is unknown', () => {
    const twice = [...adds, '{:process 3, :type :ok, :f :read, :value []}', '{:process 3, :type :invoke, :f :read}', '{:process 3, :type :ok, :f :read, :value [0 3]}'];
    expect(valueOf(checkJepsenSet(edn(twice.join('\n')))).valid).toBe(true);
    const never = valueOf(checkJepsenSet(edn(adds.join('\n'))));
    expect(never).toMatchObject({ valid: 'unknown', error: 'Set was never read' });
  });
});
