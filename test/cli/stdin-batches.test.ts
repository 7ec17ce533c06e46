/**
 * File arguments as a user's shell gives them: `-` reads standard input (check-history and check), a malformed file
 * in a batch is reported while the others are still checked (exit code the worst of them), and transactional
 * histories go to the isolation checker with `--model list-append|rw-register`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BUILT_CLI, CHILD_TIMEOUT_MS } from './child.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const KNOSSOS = join(FIXTURES, 'jepsen', 'knossos', 'cas-register');
const ELLE = join(FIXTURES, 'jepsen', 'elle');

function dsim(args: readonly string[], stdin?: string) {
  const r = spawnSync(process.execPath, [BUILT_CLI, ...args], { encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, input: stdin ?? '' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('standard input as -', () => {
  test('check-history - reads the piped history: a non-linearizable one exits 1, named as standard input', () => {
    const bad = readFileSync(join(KNOSSOS, 'bad', 'cas-failure.edn'), 'utf8');
    const r = dsim(['check-history', '-', '--model', 'cas-register', '--json'], bad);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.results).toHaveLength(1);
    expect(json.results[0]).toMatchObject({ file: 'standard input', valid: false, verdict: 'not-linearizable' });
    const good = dsim(['check-history', '-', '--model', 'cas-register'], readFileSync(join(KNOSSOS, 'good', 'memstress3-1.edn'), 'utf8'));
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^standard input: linearizable/);
  });

  test('an empty pipe is an empty history (an input error), and no file at all is a usage error', () => {
    const empty = dsim(['check-history', '-', '--model', 'cas-register']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^error: standard input: the history is empty/);
    const none = dsim(['check-history', '--model', 'cas-register']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: Not enough non-option arguments/);
  });

  test('check - reads a piped log', () => {
    const r = dsim(['check', '-', '--count-cuts', '--json'], readFileSync(join(FIXTURES, 'posets', 'd-10.txt'), 'utf8'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).executions[0].cuts).toBeGreaterThan(0);
  });
});

describe('a batch with a bad file', () => {
  test('the bad file is named with its error, the others are still checked, and the exit code is the worst (2)', () => {
    const good = join(KNOSSOS, 'good', 'memstress3-1.edn');
    const bad = join(KNOSSOS, 'bad', 'cas-failure.edn');
    const r = dsim(['check-history', good, '/nonexistent/h.edn', bad, '--model', 'cas-register', '--json']);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(json.results.map((x: { valid: unknown }) => x.valid)).toEqual([true, false]);
    expect(json.errors).toEqual(['/nonexistent/h.edn: the file cannot be read (ENOENT)']);
    expect(r.stderr.trim().split('\n')).toEqual(['error: /nonexistent/h.edn: the file cannot be read (ENOENT)']);
  });
});

describe('transactional histories: --model list-append', () => {
  test("the Elle paper's example is a G-single cycle (read committed at best); the other example keeps snapshot isolation", () => {
    const r = dsim(['check-history', join(ELLE, 'paper-example.edn'), join(ELLE, 'si-without-g-single.edn'), '--model', 'list-append', '--json']);
    expect(r.code).toBe(1);
    const [paper, si] = JSON.parse(r.stdout).results;
    expect(paper).toMatchObject({ valid: false, strongestModel: 'read-committed' });
    expect(Object.keys(paper.anomalies)).toContain('G-single');
    expect(si).toMatchObject({ valid: false, strongestModel: 'snapshot-isolation' });
    expect(Object.keys(si.anomalies)).toEqual(['G2-item']);
    const text = dsim(['check-history', join(ELLE, 'paper-example.edn'), '--model', 'list-append']);
    expect(text.stdout).toMatch(/invalid \(checked against serializable; 4 transactions\)\n {2}G-single: a cycle T4/);
  });

  test('--consistency-model sets the model checked against: the paper example is valid under read committed, not under snapshot isolation', () => {
    const verdict = (model: string) => {
      const r = dsim(['check-history', join(ELLE, 'paper-example.edn'), '--model', 'list-append', '--consistency-model', model, '--json']);
      return { code: r.code, result: JSON.parse(r.stdout).results[0] };
    };
    expect(verdict('read-committed')).toMatchObject({ code: 0, result: { valid: true, checkedAgainst: 'read-committed', strongestModel: 'read-committed' } });
    expect(verdict('snapshot-isolation')).toMatchObject({ code: 1, result: { valid: false, checkedAgainst: 'snapshot-isolation' } });
    const bad = dsim(['check-history', join(ELLE, 'paper-example.edn'), '--model', 'list-append', '--consistency-model', 'linearizable']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --consistency-model: unknown consistency model "linearizable"; expected one of: strict-serializable, /);
  });
});
