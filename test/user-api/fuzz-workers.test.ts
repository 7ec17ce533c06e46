/**
 * The library's `fuzz` on worker threads: the same failures as in this thread, every distinct failure shrunk by the
 * CLI's shrinker into a repro file that `dsim replay` reproduces; `DSIM_SEEDS` / `DSIM_SEED_START` scale a campaign;
 * a scenario no worker can import is a clear error.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/app.js';
import { bufferIo } from '../../cli/io.js';
import { DsimInputError, fuzz, replay, shrink } from '../../index.js';
import { fuzzSettings } from '../../api/fuzz-options.js';
import { counterScenario } from './fixtures.js';
import { lossyCounter } from './lossy-module.js';
import { always } from '../../index.js';

const outDir = () => relative(process.cwd(), mkdtempSync(join(tmpdir(), 'dsim-api-fuzz-')));

describe('fuzz with workers', () => {
  it('finds what this thread finds, and writes the same shrunk repros', async () => {
    const opts = { seeds: 24, seedStart: 5, bug: 'overcount' as const, reprosMax: 1 };
    const here = fuzz(lossyCounter, { ...opts, outDir: outDir() });
    const there = await fuzz(lossyCounter, { ...opts, outDir: outDir(), workers: 2 });
    expect(there.workers).toBe(2);
    expect(there.failures).toEqual(here.failures);
    expect(there.failingSeeds).toEqual(here.failingSeeds);
    expect(there.failingSeeds.length).toBeGreaterThan(0);
    const [a] = here.repros;
    const [b] = there.repros;
    expect(b!.shrunk).toEqual({ ...a!.shrunk, ms: b!.shrunk!.ms });
    expect(b!.shrunk!.eventsAfter).toBeLessThan(b!.shrunk!.eventsBefore);
    expect(readFileSync(b!.path!, 'utf8')).toBe(readFileSync(a!.path!, 'utf8'));
    expect(b!.replay).toBe(`npx dsim replay ${b!.path}`);
  });

  it('the repro file replays from the CLI, and in a test', async () => {
    const result = await fuzz(lossyCounter, { seeds: 8, bug: 'overcount', outDir: outDir(), workers: 2, reprosMax: 1 });
    const repro = result.repros[0]!;
    const io = bufferIo();
    expect(await runCli(['replay', repro.path!], io)).toBe(1);
    expect(io.stdout.join('\n')).toContain('the trace hash matches the schedule file: the run is reproduced exactly');
    expect(replay(lossyCounter, repro.run).hashMatches).toBe(true);
  });

  it('failingSeedsMax stops at the same seed on workers as here', async () => {
    const here = fuzz(lossyCounter, { seeds: 200, bug: 'overcount', failingSeedsMax: 3, outDir: false, shrink: false });
    const there = await fuzz(lossyCounter, { seeds: 200, bug: 'overcount', failingSeedsMax: 3, outDir: false, shrink: false, workers: 2 });
    expect(there.runs).toBe(here.runs);
    expect(there.failingSeeds).toEqual(here.failingSeeds);
    expect(here.failingSeeds).toHaveLength(3);
  });

  it('a scenario defined where no worker can import it is an input error saying what to do', () => {
    const local = counterScenario([always('at-most-three', (s) => Number(s['count']) <= 3)]);
    expect(() => fuzz(local, { seeds: 4, workers: 2 })).toThrow(DsimInputError);
    expect(() => fuzz(local, { seeds: 4, workers: 2 })).toThrow(/a worker thread cannot import this scenario: define it in a module of its own with defineScenario\(\{ \.\.\., module: import\.meta\.url \}\)/);
  });

  it('without a module, repros are still written and say how to replay them', () => {
    const local = counterScenario([always('at-most-three', (s) => Number(s['count']) <= 3)]);
    const result = fuzz(local, { seeds: 3, bug: 'overcount', outDir: outDir(), reprosMax: 1 });
    expect(result.repros[0]!.replay).toMatch(/^replay\(scenario, repro\.run\) in a test; to replay .* from the shell, give defineScenario module: import\.meta\.url/);
  });
});

describe('DSIM_SEEDS and DSIM_SEED_START', () => {
  it('replace the seeds of every call', () => {
    const env = { DSIM_SEEDS: '5000', DSIM_SEED_START: '77' };
    expect(fuzzSettings(lossyCounter, { seeds: 10 }, env)).toMatchObject({ seeds: 5000, seedStart: 77 });
    expect(fuzzSettings(lossyCounter, { seeds: 10, seedStart: 3 }, {})).toMatchObject({ seeds: 10, seedStart: 3 });
  });

  it('reject what is not a whole number', () => {
    expect(() => fuzzSettings(lossyCounter, { seeds: 10 }, { DSIM_SEEDS: 'lots' })).toThrow(/DSIM_SEEDS: "lots" is not a whole number/);
    expect(() => fuzzSettings(lossyCounter, { seeds: 10, seedStart: 4294967290 }, {})).toThrow(/pass 2\^32 - 1, the last seed/);
  });
});

describe('shrink by hand', () => {
  it('shrinks a failing run as fuzz does, and the result replays', () => {
    const found = fuzz(lossyCounter, { seeds: 1, seedStart: 9, bug: 'overcount', outDir: false, shrink: false });
    const shrunk = shrink(lossyCounter, found.firstFailure!);
    expect(shrunk.property).toBe('at-most-three');
    expect(shrunk.stats.eventsAfter).toBeLessThan(shrunk.stats.eventsBefore);
    expect(replay(lossyCounter, shrunk.run).hashMatches).toBe(true);
  });

  it('a run that fails nothing is an input error', () => {
    const ok = fuzz(lossyCounter, { seeds: 1, outDir: false });
    expect(ok.ok).toBe(true);
    expect(() => shrink(lossyCounter, { replayWith: { seed: 1 } } as never)).toThrow(/the run violates no property; there is nothing to shrink/);
  });
});
