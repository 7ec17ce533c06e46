import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatInputError } from '../../../execution/failable.js';
import { checkIsolationFile } from '../../../properties/isolation/file.js';
import { anomaliesByName, checkIsolationText } from '../../../properties/isolation/index.js';

const paperEdn = readFileSync(new URL('../../fixtures/jepsen/elle/paper-example.edn', import.meta.url), 'utf8');

/** The paper example in dsim's JSON history shape: T1..T4 on processes 0..3, each invoke followed by its completion. */
const paperJson = [
  '{"format": "dsim-history", "version": 1, "history": [',
  '  {"process": 0, "type": "invoke", "f": "txn", "value": [["append", 253, 1], ["append", 253, 3], ["append", 253, 4], ["append", 255, 2], ["append", 255, 3], ["append", 255, 4], ["append", 255, 5], ["append", 256, 1], ["append", 256, 2]]},',
  '  {"process": 0, "type": "ok", "f": "txn", "value": [["append", 253, 1], ["append", 253, 3], ["append", 253, 4], ["append", 255, 2], ["append", 255, 3], ["append", 255, 4], ["append", 255, 5], ["append", 256, 1], ["append", 256, 2]]},',
  '  {"process": 1, "type": "invoke", "f": "txn", "value": [["append", 255, 8], ["r", 253, null]]},',
  '  {"process": 1, "type": "ok", "f": "txn", "value": [["append", 255, 8], ["r", 253, [1, 3, 4]]]},',
  '  {"process": 2, "type": "invoke", "f": "txn", "value": [["append", 256, 4], ["r", 255, null], ["r", 256, null], ["r", 253, null]]},',
  '  {"process": 2, "type": "ok", "f": "txn", "value": [["append", 256, 4], ["r", 255, [2, 3, 4, 5, 8]], ["r", 256, [1, 2, 4]], ["r", 253, [1, 3, 4]]]},',
  '  {"process": 3, "type": "invoke", "f": "txn", "value": [["append", 250, 10], ["r", 253, null], ["r", 255, null], ["append", 256, 3]]},',
  '  {"process": 3, "type": "ok", "f": "txn", "value": [["append", 250, 10], ["r", 253, [1, 3, 4]], ["r", 255, [2, 3, 4, 5]], ["append", 256, 3]]}',
  ']}',
].join('\n');

function errorOf(text: string, source = 'h.json'): string {
  const r = checkIsolationFile(text, source, { model: 'list-append' });
  expect(r.ok).toBe(false);
  return r.ok ? '' : formatInputError(r.error);
}

describe('checkIsolationFile: EDN or dsim JSON, told apart by the content', () => {
  it('gives the paper example the same verdict from EDN and from dsim JSON (G-single; read committed left)', () => {
    const fromEdn = checkIsolationFile(paperEdn, 'paper-example.edn', { model: 'list-append' });
    const fromJson = checkIsolationFile(paperJson, 'paper-example.json', { model: 'list-append' });
    expect(fromEdn.ok && fromJson.ok).toBe(true);
    if (!fromEdn.ok || !fromJson.ok) return;
    const viaText = checkIsolationText(paperEdn, 'paper-example.edn', { model: 'list-append' });
    expect(viaText.ok && viaText.value).toEqual(fromEdn.value);
    for (const r of [fromEdn.value, fromJson.value]) {
      expect([r.valid, r.anomalies.map((a) => a.name), r.strongestModel]).toEqual([false, ['G-single'], 'read-committed']);
      expect(r.cycles[0]!.transactions).toEqual([3, 1, 2]);
    }
    const grouped = anomaliesByName(fromJson.value);
    expect([Object.keys(grouped), grouped['G-single']?.[0]?.transactions]).toEqual([['G-single'], [3, 1, 2]]);
    // JSON events carry their line: transactions are named by it.
    expect(fromJson.value.names).toEqual(['T1 (line 3)', 'T2 (line 5)', 'T3 (line 7)', 'T4 (line 9)']);
  });

  it('names a malformed JSON event by its line, in one sentence', () => {
    const bad = paperJson.replace('["r", 253, null]]}', '["r", 253]]}');
    expect(errorOf(bad)).toBe('h.json, line 4: event 2 (process 1): expected a micro-operation [:append k v] or [:r k list-or-nil], found `["r" 253]`');
    expect(errorOf(paperJson.replace('"f": "txn", "value": [["append", 255, 8], ["r", 253, [1, 3, 4]]]', '"f": "read", "value": 1'))).toBe(
      'h.json, line 5: expected "f" to be "txn" in a transactional history, found "read"',
    );
    expect(errorOf(paperJson.replace('"type": "ok"', '"type": "done"'))).toBe('h.json, line 3: history[1]: expected "type" to be "invoke", "ok", "fail" or "info"');
  });

  it('refuses a history with no transactions and a Jepsen log, naming them', () => {
    expect(errorOf('', 'empty.edn')).toBe('empty.edn: the history has no transactions: expected at least one `:f :txn` operation');
    expect(errorOf('INFO  jepsen.util - 3\t:invoke\t:read\tnil', 'etcd.log')).toBe(
      'etcd.log, line 1: expected a transactional history in EDN (`{:type :ok, :f :txn, :value [...]}`) or dsim JSON, not a Jepsen log',
    );
    expect(errorOf('{:type :ok, :f :txn, :value [[:append 1]]}', 'h.edn')).toBe(
      'h.edn, line 1, column 30: expected a micro-operation [:append k v] or [:r k list-or-nil], found `[:append 1]`',
    );
  });
});

describe('the transaction limit', () => {
  it('a history longer than transactionsMax is not inferred: unknown, naming the limit; at the limit it is checked', () => {
    const over = checkIsolationFile(paperEdn, 'paper-example.edn', { model: 'list-append', limits: { transactionsMax: 3 } });
    expect(over.ok && [over.value.valid, over.value.edges, over.value.anomalies.length, over.value.stoppedBy]).toEqual([
      'unknown', 0, 0, "the transaction limit (3 transactions) is below the history's 4: nothing was inferred",
    ]);
    const at = checkIsolationFile(paperEdn, 'paper-example.edn', { model: 'list-append', limits: { transactionsMax: 4 } });
    expect(at.ok && at.value.valid).toBe(false);
  });
});
