/**
 * Every strategy is deterministic across processes: the same campaign, run by two separate `dsim fuzz` processes
 * on 1 and on 2 worker threads, fails on the same seeds, explores the same coverage, and writes byte-identical repro
 * files (shrunk, bounded by runs), and each repro replays to its recorded trace.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../../search/strategies/types.js';
import { runChild } from '../cli/child.js';

const CAMPAIGN = ['fuzz', 'raft-election', '--bug', 'double-vote-count', '--seeds', '40', '--seed-start', '3', '--shrink-runs', '60', '--json'];

function campaign(strategy: string, workers: number) {
  const out = mkdtempSync(join(tmpdir(), `dsim-${strategy}-`));
  const r = runChild([...CAMPAIGN, '--strategy', strategy, '--workers', String(workers), '--out', out]);
  expect(r.stderr).not.toMatch(/Error|at .*\.js:\d+/);
  expect(r.code).toBe(1);
  const json = JSON.parse(r.stdout) as { failures: { seed: number }[]; explored: unknown; strategy: { name: string } };
  const repros = readdirSync(out).filter((n) => !n.startsWith('summary-') && n.endsWith('.json')).sort();
  return { json, repros: repros.map((n) => [n, readFileSync(join(out, n), 'utf8')] as const), out };
}

describe('each strategy is deterministic across processes and worker counts', () => {
  for (const strategy of STRATEGY_NAMES) {
    it(`--strategy ${strategy}`, () => {
      const one = campaign(strategy, 1);
      const two = campaign(strategy, 2);
      expect(one.json.strategy.name).toBe(strategy);
      expect(one.json.failures.length).toBeGreaterThan(0);
      expect(two.json.failures.map((f) => f.seed)).toEqual(one.json.failures.map((f) => f.seed));
      expect(two.json.explored).toEqual(one.json.explored);
      expect(one.repros.length).toBeGreaterThan(0);
      expect(two.repros).toEqual(one.repros);
      const [name] = one.repros[0]!;
      const replay = runChild(['replay', join(one.out, name), '--json']);
      expect(replay.code).toBe(1);
      expect(JSON.parse(replay.stdout)).toMatchObject({ hashMatches: true });
    });
  }
});
