/**
 * Every bug variant of every registered scenario, but the hard bugs (scenarios/hard-bugs.ts, measured by the search
 * bench instead), has a hand-made reproduction the shrinker is measured against.
 */
import { describe, expect, it } from 'vitest';
import { handMade } from '../../bench/hand-made-sizes.js';
import { isHardBug } from '../../scenarios/hard-bugs.js';
import { findScenario, scenarioNames } from '../../scenarios/index.js';

describe('hand-made reproductions', () => {
  const variants = scenarioNames().flatMap((s) => Object.keys(findScenario(s)!.bugs).filter((bug) => !isHardBug(s, bug)).map((bug) => [s, bug] as const));

  it('cover all 31 bug variants of the registered scenarios outside the hard-bug suite', () => {
    expect(variants).toHaveLength(31);
    expect(variants.filter(([s, bug]) => handMade(s, bug) === undefined)).toEqual([]);
  });

  it('each names a property of its scenario and a positive size', () => {
    for (const [s, bug] of variants) {
      const hand = handMade(s, bug)!;
      expect(findScenario(s)!.properties, `${s} ${bug}`).toContain(hand.property);
      expect(hand.events).toBeGreaterThan(0);
    }
  });
});
