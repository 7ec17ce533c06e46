/**
 * Issue #12, row 2: a campaign stopped by a signal loses nothing. SIGTERM, SIGHUP and a second SIGINT write the
 * summary (every failing seed) and every repro found, then exit 128 + the signal's number; a first SIGINT still
 * shrinks. Real processes: `--first-failure-line` (hidden) says when the campaign has found a failure.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChild, startChild } from '../cli/child.js';

const FOUND = /a failing seed was found/;

function campaign(scenario: string, bug: string, ...extra: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'dsim-signal-'));
  const running = startChild(['fuzz', scenario, '--bug', bug, '--seeds', '1000000', '--workers', '2', '--out', out, '--first-failure-line', ...extra]);
  return { out, running };
}

/** The files left: the summary (interrupted, failures listed) and its repros, each replaying exactly. */
function checkLeft(out: string, summaryName: string) {
  const summary = JSON.parse(readFileSync(join(out, summaryName), 'utf8'));
  expect(summary.stopReason).toBe('interrupted');
  expect(summary.summary.seedsRun).toBeGreaterThan(0);
  expect(summary.summary.failures.length).toBeGreaterThan(0);
  expect(summary.repros.length).toBe(summary.summary.distinct.length);
  for (const repro of summary.repros) {
    const replay = runChild(['replay', join(out, repro.file)]);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain('the trace hash matches the schedule file: the run is reproduced exactly');
  }
  expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]); // no lock, no temporary file left
  return summary;
}

async function waitForFile(dir: string, test: (name: string) => boolean): Promise<void> {
  while (!readdirSync(dir).some(test)) await new Promise((r) => setTimeout(r, 20));
}

describe('signals during dsim fuzz', () => {
  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`${signal}: the summary and every repro found are written, then exit ${code}`, async () => {
      const { out, running } = campaign('ping-pong', 'count-duplicates');
      await running.stderrMatches(FOUND);
      running.child.kill(signal);
      const exited = await running.exited();
      expect(exited.code).toBe(code);
      expect(exited.stderr).toContain(`dsim: ${signal}: stopping now; the summary and every repro found`);
      checkLeft(out, 'summary-ping-pong-count-duplicates-seeds-1-1000000.json');
    });
  }

  it('a second SIGINT stops the shrinks under way: each repro keeps its best run so far; exit 130', async () => {
    const { out, running } = campaign('raft-election', 'votedfor-not-persisted');
    await running.stderrMatches(FOUND);
    running.child.kill('SIGINT');
    await running.stderrMatches(/dsim: SIGINT: no more seeds are handed out/);
    await waitForFile(out, (n) => n.startsWith('raft-election-')); // written unshrunk, before the shrinks start
    running.child.kill('SIGINT');
    const exited = await running.exited();
    expect(exited.code).toBe(130);
    expect(exited.stderr).toContain('dsim: SIGINT: stopping now');
    const summary = checkLeft(out, 'summary-raft-election-votedfor-not-persisted-seeds-1-1000000.json');
    expect(summary.repros.some((r: { shrinkStop: string | null }) => r.shrinkStop === 'interrupted' || r.shrinkStop === null)).toBe(true);
  });

  it('a first SIGINT still shrinks every distinct failure; the exit code is the verdict', async () => {
    const { out, running } = campaign('ping-pong', 'count-duplicates', '--shrink-runs', '300');
    await running.stderrMatches(FOUND);
    running.child.kill('SIGINT');
    const exited = await running.exited();
    expect(exited.code).toBe(1);
    const summary = checkLeft(out, 'summary-ping-pong-count-duplicates-seeds-1-1000000.json');
    for (const repro of summary.repros) expect(['fixpoint', 'runs-limit']).toContain(repro.shrinkStop);
    expect(existsSync(join(out, summary.repros[0].file))).toBe(true);
  });
});
