/** The checkers from the package's index, as docs/jepsen-checkers.md's "From a program" uses them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkJepsenFile, checkJepsenHistory, formatJepsenResult, JEPSEN_CHECKER_NAMES, readJepsenHistory } from '../../../index.js';

describe('the package index', () => {
  it('checks a file by name, and a history read once by every checker name', () => {
    const file = 'test/fixtures/jepsen/jepsen-checkers/set-lost.edn';
    const checked = checkJepsenFile(readFileSync(file, 'utf8'), file, 'set');
    expect(checked.ok && formatJepsenResult(checked.value).split('\n')[0]).toBe('invalid (Jepsen set checker)');
    expect(JEPSEN_CHECKER_NAMES).toEqual(['counter', 'set', 'set-full', 'bank', 'long-fork']);
    const h = readJepsenHistory('{:process 0, :type :invoke, :f :read}\n{:process 0, :type :ok, :f :read, :value 5}', 'r.edn');
    expect(h.ok && checkJepsenHistory(h.value, 'counter')).toMatchObject({ ok: true, value: { valid: false } });
  });
});
