import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../search/fuzz/fuzz.js';
import { SCENARIOS } from '../../scenarios/index.js';
import { mergeSummaries } from '../../search/fuzz/merge.js';
import { readSummaryFiles } from '../../search/fuzz/summary-file.js';
import { seedAt, shardRange } from '../../search/fuzz/seeds.js';

describe('shards', () => {
  it('the k/n slices cover the seed range exactly once', () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), fc.nat(5000), fc.integer({ min: 1, max: 64 }), (start, count, total) => {
        const seen = new Set<number>();
        let size = 0;
        for (let index = 1; index <= total; index++) {
          const slice = shardRange({ start, count }, { index, total });
          size += slice.count;
          for (let i = 0; i < slice.count; i++) seen.add(seedAt(slice, i));
        }
        expect(size).toBe(count);
        expect(seen.size).toBe(count);
        for (let i = 0; i < count; i++) expect(seen.has(seedAt({ start, count }, i))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('three shards, merged, find what the unsharded campaign finds, with no seed twice', async () => {
    const base = { scenario: SCENARIOS['ping-pong'], bug: 'count-duplicates', seeds: 45, seedStart: 7, workers: 1, shrink: false as const };
    const whole = await fuzz(base);
    expect(whole.ok).toBe(true);
    if (!whole.ok) return;
    const dirs = [1, 2, 3].map(() => mkdtempSync(join(tmpdir(), 'dsim-shard-')));
    for (const [i, dir] of dirs.entries()) {
      const shard = await fuzz({ ...base, shard: { index: i + 1, total: 3 }, outDir: dir });
      expect(shard.ok).toBe(true);
    }
    const summaries = dirs.flatMap((dir) => {
      const read = readSummaryFiles(dir);
      if (!read.ok) throw new Error(read.error.message);
      return read.value;
    });
    const merged = mergeSummaries(summaries);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    const m = merged.value;
    expect(m.seedsRun).toBe(45);
    expect(m.covered).toEqual([{ start: 7, end: 52 }]);
    expect(m.eventsTotal).toBe(whole.value.summary.eventsTotal);
    expect(m.failures.map((f) => [f.seed, f.property])).toEqual(whole.value.summary.failures.map((f) => [f.seed, f.property]));
    expect(m.failures.length).toBeGreaterThan(0);
    // A shard given twice is refused.
    const twice = mergeSummaries([...summaries, summaries[0]!]);
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.message).toMatch(/also run by/);
  });
});

describe('Ctrl-C', () => {
  const cli = 'dist/cli/main.js';
  it.skipIf(!existsSync(cli))('stops a campaign cleanly and still writes and prints the summary', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dsim-sigint-'));
    const child = spawn(process.execPath, [cli, 'fuzz', 'raft-election', '--seeds', '1000000', '--out', out, '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect([0, 1]).toContain(code);
    const json = JSON.parse(stdout);
    expect(json.stopReason).toBe('interrupted');
    expect(json.seeds).toBeGreaterThan(0);
    expect(json.seeds).toBeLessThan(1_000_000);
    const summary = JSON.parse(readFileSync(join(out, 'summary-raft-election-seeds-1-1000000.json'), 'utf8'));
    expect(summary.stopReason).toBe('interrupted');
    expect(summary.summary.seedsRun).toBe(json.seeds);
  });
});
