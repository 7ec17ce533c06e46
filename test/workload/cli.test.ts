/** Workload scenarios from the shell: the built CLI runs a user's one (with its HTML report), and refuses a bad one. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChild } from '../cli/child.js';

const dir = mkdtempSync(join(tmpdir(), 'dsim-workload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dsim with a workload scenario', () => {
  it('a bad workload is one line naming the field, exit 2', () => {
    const r = runChild(['list', '--config', 'test/workload/fixtures/bad-workload.config.ts']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('scenario "bad-kv" workload: clients is 0; expected an integer ≥ 1');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('dsim run draws the clients as lanes of the HTML report', () => {
    const html = join(dir, 'kv.html');
    const r = runChild(['run', 'user-kv', '--seed', '3', '--config', 'test/workload/fixtures/kv.config.ts', '--html', html]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('"hosts":["p0","p1","p2","c0","c1"]');
    expect(page).toContain('"clients":[3,4]');
  });
});
