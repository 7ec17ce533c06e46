/** The termination scenarios through the library's front door: runScenario, fuzz and schedule replay. */
import { describe, expect, test } from 'vitest';
import { findScenario } from '../../../scenarios/index.js';
import { NO_FALSE_DETECTION, terminationScenarios } from '../../../scenarios/termination.js';
import { fuzz } from '../../../api/fuzz.js';
import { SCENARIOS } from '../../../scenarios/index.js';
import { runScenario } from '../../../sim/run.js';

describe('termination scenarios in the registry', () => {
  test('every termination scenario is registered under its name', () => {
    for (const [name, scenario] of Object.entries(terminationScenarios)) {
      expect(scenario.name).toBe(name);
      expect(findScenario(name)).toBe(scenario);
    }
  });

  test('a correct run is ok; a failing bug run replays from its schedule to the same violation', () => {
    const ok = runScenario('safra', { seed: 7 });
    expect(ok.ok && ok.value.ok).toBe(true);
    const fuzzed = fuzz(SCENARIOS.safra, { seeds: 50, seedStart: 1, bug: 'announce-on-white-token', shrink: false, outDir: false });
    const first = fuzzed.failures[0]!;
    expect(first.property).toBe(NO_FALSE_DETECTION);
    const run = runScenario('safra', { seed: first.seed, bug: 'announce-on-white-token' });
    if (!run.ok) throw new Error(run.error.message);
    const replay = runScenario('safra', { seed: 0, bug: 'announce-on-white-token', schedule: run.value.schedule });
    if (!replay.ok) throw new Error(replay.error.message);
    expect(replay.value.traceHash).toBe(run.value.traceHash);
    expect(replay.value.violations).toEqual(run.value.violations);
  });
});
