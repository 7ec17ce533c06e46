import { describe, expect, it } from 'vitest';
import { checkJepsenBank } from '../../../properties/jepsen-checkers/index.js';
import { edn, valueOf } from './helpers.js';

const read = (p: number, balances: string): string => `{:process ${p}, :type :invoke, :f :read}\n{:process ${p}, :type :ok, :f :read, :value {${balances}}}`;
const transfer = '{:process 9, :type :invoke, :f :transfer, :value {:from 0, :to 1, :amount 5}}\n{:process 9, :type :ok, :f :transfer, :value {:from 0, :to 1, :amount 5}}';

describe('bank (jepsen.tests.bank)', () => {
  it('reads that all sum to the first read\'s total are valid; the total and accounts say where they came from', () => {
    const r = valueOf(checkJepsenBank(edn([read(0, '0 50, 1 50'), transfer, read(1, '0 45, 1 55')].join('\n'))));
    expect(r).toMatchObject({ valid: true, readCount: 2, errorCount: 0, total: 100, accounts: ['0', '1'], totalFrom: 'first read', accountsFrom: 'first read' });
    expect(r.explanation[0]).toBe('expected total 100 (the sum of the first ok read); accounts 0, 1 (those of the first ok read)');
  });

  it('each read gets at most one error, in Jepsen\'s order, naming the read, its line and the balance', () => {
    const h = edn(
      [
        read(0, '0 50, 1 50'), // lines 1-2
        read(1, '0 50, 1 50, 7 0'), // unexpected key
        read(2, '0 nil, 1 50'), // nil balance
        read(3, '0 60, 1 50'), // wrong total
        read(4, '0 -10, 1 110'), // negative
        read(5, '0 -10, 1 10'), // wrong total and negative: wrong-total wins
      ].join('\n'),
    );
    const r = valueOf(checkJepsenBank(h));
    expect(r.valid).toBe(false);
    expect(r.errorCount).toBe(5);
    expect(r.firstError).toMatchObject({ type: 'unexpected-key', unexpected: ['7'], op: { line: 4 } });
    expect(r.errors['wrong-total']).toMatchObject({ count: 2, lowest: { total: 0 }, highest: { total: 110 } });
    expect(r.explanation.slice(1)).toEqual([
      'unexpected-key: the read at line 4 (process 1) has account(s) 7, not among the accounts',
      'nil-balance: the read at line 6 (process 2) has no balance (nil) for account(s) 0',
      'wrong-total: the read at line 8 (process 3) sums to 110, not 100: {0 60, 1 50}',
      'negative-value: the read at line 10 (process 4) has account 0 at -10',
      'wrong-total: the read at line 12 (process 5) sums to 0, not 100: {0 -10, 1 10}',
    ]);
    const allowed = valueOf(checkJepsenBank(h, { negativeBalances: true }));
    expect(allowed.errors['negative-value']).toBeUndefined();
    expect(allowed.errorCount).toBe(4);
  });

  it('a given total and accounts replace the first read\'s; JSON keys "0" are the accounts 0', () => {
    const json = '[{"process": 0, "type": "invoke", "f": "read"},\n{"process": 0, "type": "ok", "f": "read", "value": {"0": 40, "1": 50}}]';
    const r = valueOf(checkJepsenBank(edn(json), { total: 90, accounts: [0, 1, 2] }));
    expect(r).toMatchObject({ valid: true, total: 90, accounts: ['0', '1', '2'], totalFrom: 'option', accountsFrom: 'option' });
    const wrong = valueOf(checkJepsenBank(edn(json), { total: 100 }));
    expect(wrong.explanation[1]).toBe('wrong-total: the read at line 2 (process 0) sums to 90, not 100: {"0" 40, "1" 50}');
  });

  it('a read that is not a map is an input error', () => {
    expect(checkJepsenBank(edn(read(0, '').replace('{}', '[1 2]')), { source: 'b.edn' })).toEqual({
      ok: false,
      error: { source: 'b.edn', line: 2, message: 'expected the :read to return a map of accounts to balances, found [1 2]' },
    });
  });
});
