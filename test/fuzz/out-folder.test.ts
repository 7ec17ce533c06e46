/**
 * Issue #12, row 3: campaigns sharing an `--out` folder never lose each other's results. A lock refuses a second
 * concurrent campaign up front (a stale one is taken over, with a note); each campaign's summary has a name of its
 * own, so campaigns run one after another keep every summary, and merge reads them all.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/app.js';
import { bufferIo } from '../../cli/io.js';
import { OUT_LOCK_FILE } from '../../search/fuzz/out-lock.js';
import { runChild, startChild } from '../cli/child.js';

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('one --out folder, several campaigns', () => {
  it('a second concurrent campaign is refused up front, naming the folder and the first one\'s pid', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dsim-lock-'));
    const first = startChild(['fuzz', 'ping-pong', '--bug', 'count-duplicates', '--seeds', '1000000', '--workers', '1', '--out', out, '--first-failure-line']);
    await first.stderrMatches(/a failing seed was found/);
    const second = runChild(['fuzz', 'ping-pong', '--bug', 'no-retry', '--seeds', '10', '--out', out]);
    expect(second.code).toBe(2);
    expect(second.stderr.trim()).toMatch(
      new RegExp(`^error: --out ${out}: another fuzz campaign \\(pid ${first.child.pid}\\) is writing this folder; wait for it, or give another --out`),
    );
    first.child.kill('SIGTERM');
    expect((await first.exited()).code).toBe(143);
    expect(readdirSync(out)).not.toContain(OUT_LOCK_FILE);
  });

  it('a stale lock (its pid no longer runs) is taken over with a note', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dsim-lock-'));
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(out, OUT_LOCK_FILE), `${gone}\n`);
    const r = await cli('fuzz', 'ping-pong', '--seeds', '5', '--workers', '1', '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`note: took over the stale lock ${join(out, OUT_LOCK_FILE)} of pid ${gone}, which no longer runs`);
    expect(readdirSync(out)).not.toContain(OUT_LOCK_FILE);
  });

  it('campaigns run one after another keep every summary; two over disjoint seeds merge', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dsim-two-'));
    const common = ['ping-pong', '--bug', 'count-duplicates', '--workers', '1', '--shrink-runs', '0', '--out', out];
    expect((await cli('fuzz', ...common, '--seeds', '30', '--seed-start', '1')).code).toBe(1);
    expect((await cli('fuzz', ...common, '--seeds', '20', '--seed-start', '31')).code).toBe(1);
    const summaries = readdirSync(out).filter((n) => n.startsWith('summary-')).sort();
    expect(summaries).toEqual(['summary-ping-pong-count-duplicates-seeds-1-30.json', 'summary-ping-pong-count-duplicates-seeds-31-50.json']);
    const merged = JSON.parse((await cli('merge', out, '--json')).out);
    expect(merged.summaries).toBe(2);
    expect(merged.seeds).toBe(50);
    expect(merged.covered).toEqual([{ start: 1, count: 50 }]);
    // Campaigns of different bug variants in one folder keep both summaries, and merge still refuses to mix them.
    expect((await cli('fuzz', 'ping-pong', '--bug', 'no-retry', '--workers', '1', '--shrink-runs', '0', '--seeds', '10', '--out', out)).code).toBeLessThan(2);
    expect(readdirSync(out).filter((n) => n.startsWith('summary-'))).toHaveLength(3);
    const mixed = await cli('merge', out);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(/merge summaries of one campaign/);
  });
});
