import { describe, expect, it } from 'vitest';
import { formatInputError } from '../../../execution/failable.js';
import { checkIsolationText, readTransactionsEdn } from '../../../properties/isolation/index.js';

function errorText(text: string): string {
  const r = readTransactionsEdn(text, 'h.edn', 'list-append');
  expect(r.ok).toBe(false);
  return r.ok ? '' : formatInputError(r.error);
}

describe('reading Elle/Jepsen transactional histories', () => {
  it('names a malformed operation with its line and column, in one sentence', () => {
    const okLine = '{:type :ok, :f :txn, :value [[:append 1 2]]}';
    expect(errorText(`${okLine}\n{:type :ok, :f :txn, :value [[:append 1]]}`)).toBe(
      'h.edn, line 2, column 30: expected a micro-operation [:append k v] or [:r k list-or-nil], found `[:append 1]`',
    );
    expect(errorText(`${okLine}\n  {:type :done, :f :txn, :value []}`)).toBe('h.edn, line 2, column 10: expected :type to be :invoke, :ok, :fail or :info');
    expect(errorText('{:type :ok, :f :read, :value 1}')).toBe('h.edn, line 1, column 16: expected :f to be :txn (a transaction)');
    expect(errorText('{:type :ok, :f :txn, :value [[:r 1 5]]}')).toBe('h.edn, line 1, column 36: expected the read `[:r 1 5]` to give nil or a list of values');
    expect(errorText('{:type :ok, :f :txn, :value [[:w 1 5]]}')).toBe(
      'h.edn, line 1, column 30: expected a micro-operation [:append k v] or [:r k list-or-nil], found `[:w 1 5]` (a list-append history has no `:w`)',
    );
    expect(errorText(`${okLine}\n[1 2]`)).toBe('h.edn, line 2, column 1: expected an operation map such as `{:type :ok, :f :txn, :value [[:append 1 2]]}`');
    expect(errorText('{:type :ok, :f :txn, :value [[:append 1 2]]')).toMatch(/^h\.edn, line 1, column 1: unterminated `\{`/);
    expect(errorText('{:type :invoke, :process 3, :value []}\n{:type :invoke, :process 3, :value []}')).toBe(
      'h.edn, line 2, column 1: process 3 invokes a transaction while its transaction invoked at line 1 has not completed',
    );
  });

  it('checks rw-register micro-operations by their own rules', () => {
    const r = readTransactionsEdn('{:type :ok, :f :txn, :value [[:w :x 1] [:r :x [1]]]}', 'r.edn', 'rw-register');
    expect(r.ok ? '' : formatInputError(r.error)).toBe('r.edn, line 1, column 47: expected the read `[:r :x [1]]` to give nil or one value');
    const s = checkIsolationText('{:type :ok, :f :txn, :value [[:append :x 1]]}', 's.edn', { model: 'rw-register' });
    expect(s.ok ? '' : formatInputError(s.error)).toBe(
      's.edn, line 1, column 30: expected a micro-operation [:w k v] or [:r k value-or-nil], found `[:append :x 1]` (a rw-register history has no `:append`)',
    );
  });

  it('pairs completions without :process with the earliest pending invoke of the same shape', () => {
    const text = [
      '{:type :invoke, :value [[:append :x 1] [:r :y nil]]}',
      '{:type :invoke, :value [[:append :x 2]]}',
      '{:type :ok, :value [[:append :x 2]]}',
      '{:type :ok, :value [[:append :x 1] [:r :y [7]]]}',
      '{:type :ok, :value [[:r :x [1 2]]]}',
      '{:type :invoke, :process 4, :value [[:append :y 7]]}',
      '{:type :nemesis, :process :nemesis, :f :start, :value nil}',
    ].join('\n');
    const r = readTransactionsEdn(text, 'h.edn', 'list-append');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((t) => ({ type: t.type, invokedAt: t.invokedAt, completedAt: t.completedAt, line: t.line }))).toEqual([
      { type: 'ok', invokedAt: 0, completedAt: 3, line: 4 },
      { type: 'ok', invokedAt: 1, completedAt: 2, line: 3 },
      // A completion with no invoke stands alone, invoked at an unknown time; an invoke with no completion is of
      // unknown outcome.
      { type: 'ok', invokedAt: -1, completedAt: 4, line: 5 },
      { type: 'info', invokedAt: 5, completedAt: undefined, line: 6 },
    ]);
    // T1 read y as [7], appended by T4, of unknown outcome: so T4 committed, and T4 wr T1.
    const checked = checkIsolationText(text, 'h.edn', { model: 'list-append' });
    expect(checked.ok && checked.value.valid).toBe(true);
  });

  it('reads one vector of maps as well as one map per line', () => {
    const r = readTransactionsEdn('[{:type :ok, :f :txn, :value [[:append 1 2]]}\n {:type :ok, :f :txn, :value [[:r 1 [2]]]}]', 'h.edn', 'list-append');
    expect(r.ok && r.value.length).toBe(2);
  });
});

describe('limits', () => {
  const history = ['{:type :ok, :value [[:r :x []] [:append :y 1]]}', '{:type :ok, :value [[:r :y []] [:append :x 1]]}'].join('\n');

  it('a search stopped by its step limit answers unknown, naming the limit; an edge limit likewise', () => {
    const full = checkIsolationText(history, 'h.edn', { model: 'list-append' });
    expect(full.ok && full.value.valid).toBe(false);
    const searched = checkIsolationText(history, 'h.edn', { model: 'list-append', limits: { searchStepsMax: 3 } });
    expect(searched.ok && [searched.value.valid, searched.value.stoppedBy]).toEqual([
      'unknown',
      'the search limit (3 steps) was reached before the cycle search finished',
    ]);
    const edges = checkIsolationText(history, 'h.edn', { model: 'list-append', limits: { edgesMax: 1 } });
    expect(edges.ok && [edges.value.valid, edges.value.stoppedBy, edges.value.edges]).toEqual([
      'unknown',
      'the edge limit (1 dependency edges) was reached before inference finished',
      1,
    ]);
  });

  it('an anomaly found before the limit still makes the history invalid', () => {
    const r = checkIsolationText(`${history}\n{:type :ok, :value [[:r :x [9]]]}`, 'h.edn', { model: 'list-append', limits: { searchStepsMax: 1 } });
    expect(r.ok && [r.value.valid, r.value.anomalies.map((a) => a.name)]).toEqual([false, ['garbage-read']]);
  });
});
