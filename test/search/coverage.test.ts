/**
 * A coverage campaign finds a bug that random misses within the same budget of seeds (test/search/stages.ts: five
 * duplicates in one run). Asserted on seeds, never on time: the same 600 seeds, random finds nothing, coverage finds
 * the bug, and every run it kept for reaching a new stage is in the figures it reports.
 */
import { describe, expect, it } from 'vitest';
import { defineScenario, fuzz, replay } from '../../index.js';
import { stages, stagesProtocol } from './stages.js';

const BUDGET = 600;

describe('coverage-guided search', () => {
  it(`finds in ${BUDGET} seeds a bug that random does not find in the same ${BUDGET}`, () => {
    const options = { seeds: BUDGET, seedStart: 1, outDir: false, shrink: false, reprosMax: 1 } as const;
    const random = fuzz(stages, options);
    expect(random.failingSeeds).toEqual([]);
    const coverage = fuzz(stages, { ...options, strategy: 'coverage' });
    expect(coverage.failingSeeds.length).toBeGreaterThan(0);
    // It climbed through every stage on the way, and says so.
    expect(coverage.explored.states).toBeGreaterThanOrEqual(6);
    expect(random.explored.states).toBeLessThan(6);
    const repro = coverage.repros[0]!;
    expect(replay(stages, repro.run).hashMatches).toBe(true);
  });

  it('an abstractState that throws or answers no string is one input error naming it, not a crash', () => {
    const throwing = defineScenario({ name: 'stages-bad', protocol: stagesProtocol, nodes: 2, properties: [], abstractState: () => { throw new Error('no field x'); } });
    expect(() => fuzz(throwing, { seeds: 2, outDir: false })).toThrow("abstractState: the scenario's abstractState threw Error: no field x");
    const numeric = defineScenario({ name: 'stages-num', protocol: stagesProtocol, nodes: 2, properties: [], abstractState: (() => 7) as never });
    expect(() => fuzz(numeric, { seeds: 2, outDir: false })).toThrow('it answered number for p0, not a string');
  });
});
