import { describe, expect, it } from 'vitest';
import { ringElectionScenario as scenario } from '../../../scenarios/election.js';
import { fuzzElection } from './run.js';

/** Seeds every correct scenario must pass with faults. */
const SEEDS = 2_000;

describe(`${scenario.name}: the correct protocol`, () => {
  it(`passes ${scenario.properties.join(', ')} on ${SEEDS} seeds with faults`, () => {
    expect(fuzzElection(scenario, SEEDS)).toEqual([]);
  }, 60_000);
});
