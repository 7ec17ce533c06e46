import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/app.js';
import { bufferIo } from '../../cli/io.js';
import { fuzz } from '../../search/fuzz/fuzz.js';
import { SCENARIOS } from '../../scenarios/index.js';
import { classifyProperty } from '../../search/predict/index.js';
import { runScenario } from '../../sim/run.js';

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout.join('\n'), stderr: io.stderr };
}

function firstPredictedSeed(scenario: string, bug: string, property: string): number {
  for (let seed = 1; seed <= 50; seed++) {
    const run = runScenario(scenario, { seed, bug });
    if (run.ok && classifyProperty(run.value, property)?.kind === 'predicted') return seed;
  }
  throw new Error(`no predicted ${property} in ${scenario} --bug ${bug}`);
}

describe('run and fuzz report predicted violations apart from observed ones', () => {
  it('dsim run names the predicted property, in text and JSON', async () => {
    const seed = String(firstPredictedSeed('ewd840', 'no-blacken-on-send', 'no-false-detection'));
    const text = await cli('run', 'ewd840', '--bug', 'no-blacken-on-send', '--seed', seed);
    expect(text.code).toBe(1);
    expect(text.out).toContain('predicted, not observed: no-false-detection');
    const json = JSON.parse((await cli('run', 'ewd840', '--bug', 'no-blacken-on-send', '--seed', seed, '--json')).out);
    expect(json.predicted).toEqual(['no-false-detection']);
    const observed = JSON.parse((await cli('run', 'ping-pong', '--bug', 'count-duplicates', '--seed', '1', '--json')).out);
    expect(observed.ok).toBe(false);
    expect(observed.predicted).toEqual([]);
  });

  it('fuzz repros say whether their violation is observed or predicted', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'dsim-predict-fuzz-'));
    const r = await fuzz({ scenario: SCENARIOS['ping-pong'], bug: 'count-duplicates', seeds: 8, seedStart: 1, workers: 1, outDir, shrink: false });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const repro of r.value.repros) {
      expect(repro.origin).toBe('observed');
      expect(repro.shrunk).toBeNull();
      expect(JSON.parse(readFileSync(repro.path, 'utf8')).origin).toBe('observed');
    }
  });
});
