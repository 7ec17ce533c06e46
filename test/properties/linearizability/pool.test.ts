/**
 * check-history on worker threads: the same JSON (less the `ms` figures) whatever the number of workers, on the
 * etcd and kv fixtures and on an independent history; and the automatic rule. The workers run the compiled checker
 * (dist/, built by `npm run build`), as the CLI does.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/app.js';
import { bufferIo } from '../../../cli/io.js';
import type { HistoryJob } from '../../../properties/linearizability/files.js';
import { AUTO_WORKERS_MAX, PARALLEL_EVENTS_MIN, workersFor } from '../../../properties/linearizability/pool.js';
import { FIXTURES_DIR, fixturePath } from './fixtures.js';

async function checkJson(files: readonly string[], model: string, workers: string, ...more: string[]) {
  const io = bufferIo();
  const code = await runCli(['check-history', ...files, '--model', model, '--json', '--workers', workers, ...more], io);
  const json = JSON.parse(io.stdout.join('\n')) as { results: { ms?: number }[] };
  for (const r of json.results) delete r.ms;
  return { code, json };
}

const inDir = (sub: string, ext: string) => readdirSync(`${FIXTURES_DIR}${sub}`).filter((f) => f.endsWith(ext)).sort().map((f) => fixturePath(`${sub}/${f}`));

describe('check-history --workers', () => {
  it('gives the same JSON with 1 and 2 workers on the 102 etcd histories (one of them an empty file, an input error)', async () => {
    const files = inDir('etcd', '.log');
    const one = await checkJson(files, 'cas-register', '1');
    const two = await checkJson(files, 'cas-register', '2');
    expect(one.json.results).toHaveLength(files.length - 1);
    expect(two).toEqual(one);
    expect(one.code).toBe(2);
  });

  it('gives the same JSON with 1 and 2 workers on the kv histories', async () => {
    const files = inDir('kv', '.txt');
    const one = await checkJson(files, 'kv', '1');
    const two = await checkJson(files, 'kv', '2');
    expect(one.json.results).toHaveLength(6);
    expect(two).toEqual(one);
  });

  it('a history stopped by a limit answers unknown, the same with 1 and 2 workers', async () => {
    const files = inDir('kv', '.txt');
    const one = await checkJson(files, 'kv', '1', '--steps-max', '2000');
    const two = await checkJson(files, 'kv', '2', '--steps-max', '2000');
    const verdicts = (one.json.results as { verdict: string }[]).map((r) => r.verdict);
    expect(verdicts).toContain('unknown');
    expect(verdicts).toContain('not-linearizable');
    expect(two).toEqual(one);
  });

  it('checks the keys of an independent history on workers, in key order', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const path = join(mkdtempSync(join(tmpdir(), 'dsim-pool-')), 'ind.log');
    const lines: string[] = [];
    for (const key of [5, 2, 9]) {
      for (let i = 0; i < 3; i++) lines.push(`${key} :invoke :write [${key} ${i}]`, `${key} :ok :write [${key} ${i}]`);
      lines.push(`${key} :invoke :read [${key} nil]`, `${key} :ok :read [${key} ${key === 9 ? 0 : 2}]`);
    }
    writeFileSync(path, lines.join('\n') + '\n');
    const one = await checkJson([path], 'cas-register', '1');
    const two = await checkJson([path], 'cas-register', '3');
    expect((one.json.results as { key: number; verdict: string }[]).map((r) => [r.key, r.verdict])).toEqual([
      [2, 'linearizable'], [5, 'linearizable'], [9, 'not-linearizable'],
    ]);
    expect(two).toEqual(one);
    const io = bufferIo();
    expect(await runCli(['check-history', path, '--model', 'cas-register'], io)).toBe(1);
    expect(io.stdout.filter((l) => !l.startsWith(' ')).map((l) => l.replace(/ \(.*/, ''))).toEqual([
      `${path} key 2: linearizable`, `${path} key 5: linearizable`, `${path} key 9: not-linearizable`,
    ]);
  });

  it('a bad --workers names the flag', async () => {
    const io = bufferIo();
    expect(await runCli(['check-history', fixturePath('kv/c01-ok.txt'), '--model', 'kv', '--workers', '0'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/--workers/);
  });
});

describe('workersFor', () => {
  const job = (events: number): HistoryJob => ({ file: 'f', history: new Array(events).fill({ process: 0, type: 'invoke', f: 'read', value: null }) });

  it('auto: the main thread for one history or few events; else one per core up to the cap', () => {
    expect(workersFor([job(10 * PARALLEL_EVENTS_MIN)], 'auto', 8)).toBe(1);
    expect(workersFor([job(PARALLEL_EVENTS_MIN / 2 - 1), job(PARALLEL_EVENTS_MIN / 2)], 'auto', 8)).toBe(1);
    expect(workersFor([job(PARALLEL_EVENTS_MIN / 2), job(PARALLEL_EVENTS_MIN / 2)], 'auto', 8)).toBe(2);
    expect(workersFor(Array.from({ length: 9 }, () => job(PARALLEL_EVENTS_MIN)), 'auto', 8)).toBe(AUTO_WORKERS_MAX);
    expect(workersFor(Array.from({ length: 9 }, () => job(PARALLEL_EVENTS_MIN)), 'auto', 2)).toBe(2);
  });

  it('a count is used as given, at most one worker per history', () => {
    expect(workersFor([job(1), job(1)], 3)).toBe(2);
    expect(workersFor([job(1)], 1)).toBe(1);
  });
});
