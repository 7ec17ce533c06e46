/**
 * The long campaign: 100,000 seeds per election scenario (correct protocols), run only with DSIM_LONG=1:
 *
 *   DSIM_LONG=1 npx vitest run test/protocols/election/long.test.ts
 *
 * DSIM_LONG_SEEDS overrides the number of seeds; DSIM_LONG_SCENARIO=<name> runs one scenario only. Each scenario prints its seeds, time and failures.
 */
import { describe, expect, it } from 'vitest';
import { electionScenarios } from '../../../scenarios/election.js';
import { fuzzElection } from './run.js';

const LONG = process.env['DSIM_LONG'] === '1';
const SEEDS = Number(process.env['DSIM_LONG_SEEDS'] ?? 100_000);
const ONLY = process.env['DSIM_LONG_SCENARIO'];

describe.skipIf(!LONG)('long campaign (DSIM_LONG=1)', () => {
  for (const scenario of Object.values(electionScenarios)) {
    it.skipIf(ONLY !== undefined && ONLY !== scenario.name)(`${scenario.name}: ${SEEDS} seeds`, () => {
      const started = process.hrtime.bigint();
      const failures = fuzzElection(scenario, SEEDS);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      console.log(`${scenario.name}: ${SEEDS} seeds in ${seconds.toFixed(1)} s, ${failures.length} failures`);
      for (const f of failures.slice(0, 10)) console.log(`  seed ${f.seed} ${f.property}: ${f.message}`);
      expect(failures).toEqual([]);
    }, 3_600_000);
  }
});
