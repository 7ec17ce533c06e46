/**
 * `dsim check-history --model counter|set|set-full|bank|long-fork`: Jepsen's checkers from the shell, as elle-cli
 * users run them — EDN and JSON files, a batch with a bad file, --json, and --linearizable for the names dsim's
 * linearizability models share.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runChild } from './child.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'jepsen', 'jepsen-checkers');
const dsim = runChild;

describe('check-history with Jepsen checkers', () => {
  test('a batch in EDN and JSON with a bad file: each result carries file and valid; the exit code is the worst (2)', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'dsim-jepsen-'));
    const bad = join(tmp, 'bad.edn');
    writeFileSync(bad, '{:process 0, :type :invoke, :f :read}\n{:process 0, :type :ok, :f :read, :value {0 10}\n');
    const good = join(DIR, 'bank-neg.edn');
    const negative = join(DIR, 'bank-negative-balances.json');
    const r = dsim(['check-history', good, bad, negative, '--model', 'bank', '--json']);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(json.results.map((x: { file: string; valid: unknown }) => [x.file, x.valid])).toEqual([[good, true], [bad, 'unknown'], [negative, false]]);
    expect(json.results[2].errors['negative-value'].first.negative).toEqual([{ account: '7', balance: -1 }]);
    expect(r.stderr).toMatch(new RegExp(`^error: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, line 2, column \\d+: `));
    expect(dsim(['check-history', good, negative, '--model', 'bank']).code).toBe(1);
    const allowed = dsim(['check-history', good, negative, '--model', 'bank', '--allow-negative-balances']);
    expect(allowed.code).toBe(0);
  });

  test('text output explains the failure; bank options and a bad --total', () => {
    const r = dsim(['check-history', join(DIR, 'bank-negative-balances.json'), '--model', 'bank', '--total', '100', '--accounts', '0,1,2,3,4,5,6,7,8,9']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('invalid (Jepsen bank checker)\n  expected total 100 (given); accounts 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 (given)\n  negative-value: the read at line 4 (process 0) has account 7 at -1');
    const bad = dsim(['check-history', join(DIR, 'bank-neg.edn'), '--model', 'bank', '--total', 'lots']);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'error: --total: "lots" is not a whole number']);
  });

  test('long-fork with --group-size, set-full, set, counter', () => {
    expect(dsim(['check-history', join(DIR, 'long-fork.edn'), '--model', 'long-fork', '--group-size', '3']).code).toBe(1);
    const wrongSize = dsim(['check-history', join(DIR, 'long-fork.edn'), '--model', 'long-fork', '--group-size', '2', '--json']);
    expect(wrongSize.code).toBe(1);
    expect(JSON.parse(wrongSize.stdout).results[0].valid).toBe('unknown');
    expect(dsim(['check-history', join(DIR, 'set_full.edn'), '--model', 'set-full']).code).toBe(1);
    expect(dsim(['check-history', join(DIR, 'set.edn'), '--model', 'set']).code).toBe(0);
    const counter = dsim(['check-history', join(DIR, 'counter.json'), '--model', 'counter']);
    expect([counter.code, counter.stdout.split('\n')[0]]).toEqual([0, `${join(DIR, 'counter.json')}: valid (Jepsen counter checker)`]);
  });

  test("--linearizable picks dsim's linearizability model for counter; for set-full, stale reads are errors", () => {
    const r = dsim(['check-history', join(DIR, 'counter.json'), '--model', 'counter', '--linearizable', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({ valid: true, verdict: 'linearizable' });
    const tmp = mkdtempSync(join(tmpdir(), 'dsim-jepsen-'));
    const stale = join(tmp, 'stale.json');
    writeFileSync(
      stale,
      [
        '{"process": 0, "type": "invoke", "f": "add", "value": 1}',
        '{"process": 0, "type": "ok", "f": "add", "value": 1}',
        '{"process": 1, "type": "invoke", "f": "read"}',
        '{"process": 1, "type": "ok", "f": "read", "value": []}',
        '{"process": 1, "type": "invoke", "f": "read"}',
        '{"process": 1, "type": "ok", "f": "read", "value": [1]}',
      ].join('\n'),
    );
    expect(dsim(['check-history', stale, '--model', 'set-full']).code).toBe(0);
    const strict = dsim(['check-history', stale, '--model', 'set-full', '--linearizable']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('stale: 1 was known from line 2, but the read invoked at line 3 lacked it; later reads saw it');
  });
});
