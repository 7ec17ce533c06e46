/**
 * A user's scenario from a config against the same scenario built in: seeds/s of a 2,000-seed campaign with 1 and
 * 2 workers, and what loading the config costs. The config is a TypeScript file that re-exports the built-in
 * raft-election under another name, so the two campaigns run the same code and differ only in how the scenario is
 * found: a built-in by name, a user's by each worker importing the config through the TypeScript loader.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fuzz } from '../search/fuzz/fuzz.js';
import { SCENARIOS } from '../scenarios/index.js';
import type { Scenario } from '../scenarios/types.js';
import { loadCatalog } from '../scenarios/user/catalog.js';

const SEEDS = 2000;
const BUILT_IN = 'raft-election';

async function campaignMs(scenario: Scenario, workers: number): Promise<number> {
  const started = performance.now();
  const result = await fuzz({ scenario, seeds: SEEDS, seedStart: 1, workers });
  if (!result.ok) throw new Error(result.error.message);
  return performance.now() - started;
}

export async function runUserConfigBench(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dsim-bench-config-'));
  const scenarios = new URL('../scenarios/index.js', import.meta.url).href;
  const config = join(dir, 'dsim.config.ts');
  writeFileSync(
    config,
    `import { defineConfig, type Scenario } from 'dsim';\nimport { SCENARIOS } from '${scenarios}';\n` +
      `const user: Scenario = { ...SCENARIOS['${BUILT_IN}'], name: 'user-${BUILT_IN}' };\nexport default defineConfig({ scenarios: [user] });\n`,
  );
  try {
    const loadStarted = performance.now();
    const catalog = await loadCatalog({ config });
    const loadMs = performance.now() - loadStarted;
    if (!catalog.ok) throw new Error(catalog.error.message);
    const user = catalog.value.find(`user-${BUILT_IN}`)!;
    const lines = [`${BUILT_IN}, ${SEEDS} seeds: built in vs the same scenario from a dsim.config.ts (TypeScript, loaded by jiti)`];
    lines.push(`  loading the config on the main thread: ${loadMs.toFixed(0)} ms`);
    for (const workers of [1, 2]) {
      const builtIn = await campaignMs(SCENARIOS[BUILT_IN], workers);
      const fromConfig = await campaignMs(user, workers);
      lines.push(
        `  ${workers} worker${workers === 1 ? ' ' : 's'}: built in ${((SEEDS * 1000) / builtIn).toFixed(0).padStart(5)} seeds/s, ` +
          `from config ${((SEEDS * 1000) / fromConfig).toFixed(0).padStart(5)} seeds/s  ×${(builtIn / fromConfig).toFixed(2)}; ` +
          `loader cost ${(((fromConfig - builtIn + loadMs) / fromConfig) * 100).toFixed(1)}% of the campaign`,
      );
    }
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
