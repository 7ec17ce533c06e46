/**
 * The long run: 100,000 seeds of every correct termination scenario. Skipped unless DSIM_LONG=1:
 *   DSIM_LONG=1 npx vitest run test/protocols/termination/long.test.ts
 * DSIM_LONG_SEEDS overrides the number of seeds.
 */
import { describe, expect, test } from 'vitest';
import { terminationScenarios } from '../../../scenarios/termination.js';
import { fuzz } from './run.js';

const LONG = process.env['DSIM_LONG'] === '1';
const SEEDS = Number(process.env['DSIM_LONG_SEEDS'] ?? 100_000);

describe.skipIf(!LONG)(`long run: ${SEEDS} seeds per scenario`, () => {
  for (const [name, scenario] of Object.entries(terminationScenarios)) {
    test(name, { timeout: 3_600_000 }, () => {
      const started = performance.now();
      const found = fuzz(scenario, 1, SEEDS);
      console.log(`${name}: ${SEEDS} seeds, ${found.length} violations, ${Math.round(performance.now() - started)} ms`);
      expect(found.slice(0, 5)).toEqual([]);
    });
  }
});
