/**
 * The hard-bug registry names real scenarios and bug variants, each documented in docs/hard-bugs/ (the per-scenario
 * tests in test/scenarios/ replay a known failing seed of each).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HARD_BUGS } from '../../scenarios/hard-bugs.js';
import { findScenario } from '../../scenarios/index.js';

describe('the hard-bug suite', () => {
  const docs = readdirSync('docs/hard-bugs').map((name) => readFileSync(`docs/hard-bugs/${name}`, 'utf8')).join('\n');
  for (const h of HARD_BUGS) {
    it(`${h.scenario} --bug ${h.bug} is registered and documented`, () => {
      const scenario = findScenario(h.scenario);
      expect(scenario).toBeDefined();
      expect(Object.keys(scenario!.bugs)).toContain(h.bug);
      expect(docs).toContain(`## ${h.bug}`);
    });
  }
});
