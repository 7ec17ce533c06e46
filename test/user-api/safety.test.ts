/** Which properties are marked as safety properties (a run cut short that breaks one breaks it for real). */
import { describe, expect, it } from 'vitest';
import { always, eventually, inevitable, linearizable, never, property, reachable, safety } from '../../index.js';
import { findScenario, scenarioNames } from '../../scenarios/index.js';

describe('safety marks', () => {
  it('always, never and linearizable are safety properties; eventually, reachable, inevitable and property are not', () => {
    expect(always('a', () => true).safety).toBe(true);
    expect(never('n', 'any(x == 1)').safety).toBe(true);
    expect(linearizable('register').safety).toBe(true);
    expect(eventually('e', () => true, { withinTicksAfterHeal: 10 }).safety).toBeUndefined();
    expect(reachable('r', 'any(x == 1)').safety).toBeUndefined();
    expect(inevitable('i', 'any(x == 1)').safety).toBeUndefined();
    expect(property('p', () => true).safety).toBeUndefined();
    expect(safety(property('p', () => true)).safety).toBe(true);
  });

  it('the registered scenarios mark their safety properties and leave their liveness properties unmarked', () => {
    const marks = new Map<string, boolean>();
    for (const name of scenarioNames()) {
      const scenario = findScenario(name)!;
      for (const p of scenario.build({ bug: undefined, nodes: scenario.nodesDefault }).properties) marks.set(p.name, p.safety === true);
    }
    expect(Object.fromEntries([...marks].sort())).toEqual({
      'acked-writes-survive': true,
      agreement: true,
      'all-rounds-done': false,
      atomicity: true,
      'commit-needs-unanimous-yes': true,
      'detects-termination': false,
      'election-safety': true,
      'fenced-writes': true,
      'leader-after-heal': false,
      'leader-completeness': true,
      linearizable: true,
      'log-holds-written-values': true,
      'log-matching': true,
      'mutual-exclusion': true,
      'no-false-detection': true,
      'one-leader-per-term': true,
      'pongs-match-rounds': true,
      'ring-all-learn': false,
      'ring-unique-leader': true,
      'state-machine-safety': true,
      'update-propagation': true,
      validity: true,
    });
  });
});
