import { describe, expect, it } from 'vitest';
import { raftElectionScenario, raftPartitionsScenario, ringElectionScenario } from '../../../scenarios/election.js';
import type { Scenario } from '../../../scenarios/types.js';
import { firstFailingSeed } from './run.js';

/**
 * Every bug variant is found: its named property fails on some seed below `seedsMax`, searching from seed 0.
 * Seeds to first failure when written (seed 0 counts as 1 seed): noted per row.
 */
const CASES: readonly (readonly [Scenario, string, string, number])[] = [
  [raftElectionScenario, 'votedfor-not-persisted', 'one-leader-per-term', 300], // first at seed 28
  [raftElectionScenario, 'votedfor-not-persisted', 'election-safety', 300], // seed 28
  [raftElectionScenario, 'stale-term-votes', 'election-safety', 300], // seed 0
  [raftElectionScenario, 'double-vote-count', 'election-safety', 300], // seed 5
  [raftPartitionsScenario, 'votedfor-not-persisted', 'one-leader-per-term', 300], // seed 20
  [raftPartitionsScenario, 'votedfor-not-persisted', 'election-safety', 300], // seed 33
  [raftPartitionsScenario, 'stale-term-votes', 'election-safety', 300], // seed 13
  [raftPartitionsScenario, 'double-vote-count', 'election-safety', 300], // seed 3
  [ringElectionScenario, 'ring-no-dup-tolerance', 'ring-unique-leader', 50], // seed 0
];

describe('bug variants are found', () => {
  for (const [scenario, bug, property, seedsMax] of CASES) {
    it(`${scenario.name} --bug ${bug}: ${property} fails within ${seedsMax} seeds`, () => {
      expect(Object.keys(scenario.bugs)).toContain(bug);
      expect(scenario.properties).toContain(property);
      const found = firstFailingSeed(scenario, bug, property, seedsMax);
      expect(found.seed, `no violation of ${property} in ${seedsMax} seeds`).toBeGreaterThanOrEqual(0);
      expect(found.message.length).toBeGreaterThan(0);
      if (process.env['DSIM_PRINT_SEEDS'] === '1') console.log(`FIRST ${scenario.name} ${bug} ${property} seed ${found.seed}`);
    }, 30_000);
  }

  it('the violation names the hosts, the term and the cut', () => {
    const found = firstFailingSeed(raftElectionScenario, 'double-vote-count', 'election-safety', 300);
    expect(found.message).toMatch(/^p\d and p\d are both leader of term \d+ at the consistent cut \[(\d+, ){4}\d+\]/);
  });
});
