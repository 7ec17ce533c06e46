/**
 * The chain scenarios end to end: every correct scenario passes both properties on 2,000 seeds with faults; every
 * bug variant a scenario lists is caught by its named property within a stated number of seeds. `DSIM_LONG=1` runs
 * 100,000 seeds per scenario.
 */
import { describe, expect, test } from 'vitest';
import { chainScenarios } from '../../../scenarios/chain.js';
import { firstFailingSeed, runChain, type ChainScenarioName } from './harness.js';

const NAMES = Object.keys(chainScenarios) as ChainScenarioName[];
const SEEDS = 2_000;
const LONG_SEEDS = 100_000;

/** Fails with the first violation in seeds [from, from + count), or passes. */
function expectClean(name: ChainScenarioName, from: number, count: number): void {
  for (let seed = from; seed < from + count; seed++) {
    const r = runChain(name, seed);
    if (r.violations.length > 0) {
      const v = r.violations[0]!;
      expect.fail(`${name} seed ${seed}: ${v.property}: ${v.message}`);
    }
  }
}

describe('correct scenarios', () => {
  for (const name of NAMES) {
    test(`${name}: ${SEEDS} seeds, no violation`, { timeout: 120_000 }, () => expectClean(name, 1, SEEDS));
  }

  test('runs make progress: most operations complete, faults happen, and the history is non-trivial', () => {
    for (const name of NAMES) {
      let ok = 0;
      let info = 0;
      let crashes = 0;
      for (let seed = 1; seed <= 50; seed++) {
        const r = runChain(name, seed);
        for (const h of r.outcome.history) {
          if (h.type === 'ok') ok++;
          if (h.type === 'info') info++;
        }
        crashes += r.outcome.execution.events.filter((e) => e.kind === 'crash').length;
      }
      expect(ok, name).toBeGreaterThan(3 * info);
      expect(crashes, name).toBeGreaterThanOrEqual(25);
    }
  });

  test('other cluster sizes: the fewest nodes (one client) and more clients', { timeout: 60_000 }, () => {
    for (const name of NAMES) {
      const scenario = chainScenarios[name];
      for (const nodes of [scenario.nodesMin, scenario.nodesDefault + 2]) {
        for (let seed = 1; seed <= 100; seed++) {
          expect(runChain(name, seed, undefined, nodes).violations, `${name} nodes ${nodes} seed ${seed}`).toEqual([]);
        }
      }
    }
  });
});

/** Scenario, bug, the property that catches it, and the seeds (from 1) within which it must fail. */
const CATCHES: readonly (readonly [ChainScenarioName, string, string, number])[] = [
  ['chain', 'tail-acks-before-apply', 'linearizable', 200],
  ['chain', 'no-resend-on-middle-failure', 'update-propagation', 100],
  ['chain', 'reconfigure-without-waiting', 'update-propagation', 200],
  ['chain/middle-failure', 'tail-acks-before-apply', 'linearizable', 100],
  ['chain/middle-failure', 'no-resend-on-middle-failure', 'update-propagation', 50],
  ['chain/middle-failure', 'reconfigure-without-waiting', 'update-propagation', 200],
  ['chain/head-failure', 'tail-acks-before-apply', 'linearizable', 200],
  ['chain/head-failure', 'reads-at-head', 'linearizable', 200],
  ['chain/head-failure', 'reconfigure-without-waiting', 'linearizable', 200],
  ['chain/join', 'tail-acks-before-apply', 'linearizable', 100],
  ['chain/join', 'reconfigure-without-waiting', 'update-propagation', 50],
];

describe('bug variants', () => {
  test('every bug a scenario lists has a stated catch', () => {
    for (const name of NAMES) {
      for (const bug of Object.keys(chainScenarios[name].bugs)) {
        expect(CATCHES.some(([n, b]) => n === name && b === bug), `${name} --bug ${bug}`).toBe(true);
      }
    }
  });

  for (const [name, bug, property, seedsMax] of CATCHES) {
    test(`${name} --bug ${bug}: ${property} fails within ${seedsMax} seeds`, { timeout: 60_000 }, () => {
      const seed = firstFailingSeed(name, bug, property, seedsMax);
      expect(seed, `no ${property} violation in seeds 1..${seedsMax}`).toBeDefined();
    });
  }

  test('an update-propagation violation names both replicas and the consistent cut', () => {
    const seed = firstFailingSeed('chain/middle-failure', 'no-resend-on-middle-failure', 'update-propagation', 50)!;
    const v = runChain('chain/middle-failure', seed, 'no-resend-on-middle-failure').violations.find((x) => x.property === 'update-propagation')!;
    expect(v.message).toMatch(/^Possibly\(succ\(p\d\) = p\d ∧ pred\(p\d\) = p\d ∧ ¬\(hist\(p\d\) ⪯ hist\(p\d\)\)\): at consistent cut \[[\d,]+\] p\d \(after event \d+/);
    expect(v.message).toMatch(/not a prefix of p\d's/);
  });

  test('a linearizability violation shows the operation that cannot be placed', () => {
    const seed = firstFailingSeed('chain', 'tail-acks-before-apply', 'linearizable', 200)!;
    const v = runChain('chain', seed, 'tail-acks-before-apply').violations.find((x) => x.property === 'linearizable')!;
    expect(v.message).toMatch(/^not linearizable: key "[ab]":.*cannot be placed next: p\d+ get/);
  });
});

describe.skipIf(process.env['DSIM_LONG'] !== '1')('long run (DSIM_LONG=1)', () => {
  for (const name of NAMES) {
    test(`${name}: ${LONG_SEEDS} seeds, no violation`, { timeout: 3_600_000 }, () => expectClean(name, 1, LONG_SEEDS));
  }
});
