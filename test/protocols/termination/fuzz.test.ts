import { describe, expect, test } from 'vitest';
import { DETECTS_TERMINATION, NO_FALSE_DETECTION, terminationScenarios } from '../../../scenarios/termination.js';
import { firstFailure, fuzz, runOnce } from './run.js';

type Name = keyof typeof terminationScenarios;
const SEEDS = 2_000;

describe('correct termination detectors pass their properties', () => {
  for (const name of Object.keys(terminationScenarios) as Name[]) {
    test(`${name}: seeds 1..${SEEDS}`, () => {
      expect(fuzz(terminationScenarios[name], 1, SEEDS)).toEqual([]);
    });
  }

  test('other cluster sizes: 2 and nodesMax nodes, 300 seeds each', () => {
    for (const name of Object.keys(terminationScenarios) as Name[]) {
      const scenario = terminationScenarios[name];
      for (const nodes of [scenario.nodesMin, scenario.nodesMax]) {
        const found: string[] = [];
        for (let seed = 1; seed <= 300; seed++) {
          for (const v of runOnce(scenario, seed, undefined, nodes).violations) found.push(`${name} n=${nodes} seed ${seed}: ${v.message}`);
        }
        expect(found).toEqual([]);
      }
    }
  });

  test('every correct run announces, and the announcement follows real work', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const exec = runOnce(terminationScenarios.safra, seed).outcome.execution;
      expect(exec.hostStates[0]!.some((s) => s['announced'] === true)).toBe(true);
      expect(exec.messages.filter((m) => m.summary.startsWith('work')).length).toBeGreaterThan(0);
    }
  });
});

/** Each bug variant, the property that catches it, and the seed bound within which it must (seeds-to-first-failure). */
const BUGS: readonly (readonly [Name, string, string, number])[] = [
  ['safra', 'no-blacken-on-receive', NO_FALSE_DETECTION, 20],
  ['safra', 'reset-counter-on-token', NO_FALSE_DETECTION, 200],
  ['safra', 'reset-counter-on-token', DETECTS_TERMINATION, 5],
  ['safra', 'announce-on-white-token', NO_FALSE_DETECTION, 50],
  ['safra/large', 'no-blacken-on-receive', NO_FALSE_DETECTION, 150],
  ['safra/large', 'reset-counter-on-token', DETECTS_TERMINATION, 5],
  ['safra/large', 'announce-on-white-token', NO_FALSE_DETECTION, 100],
  ['dijkstra-scholten', 'ack-on-receive', NO_FALSE_DETECTION, 5],
  ['dijkstra-scholten', 'detach-with-deficit', NO_FALSE_DETECTION, 10],
  ['ewd840', 'no-wait-for-ack', NO_FALSE_DETECTION, 10],
  ['ewd840', 'no-blacken-on-send', NO_FALSE_DETECTION, 10],
];

describe('bug variants are found', () => {
  test('every documented bug variant has a row', () => {
    for (const [name, scenario] of Object.entries(terminationScenarios)) {
      for (const bug of Object.keys(scenario.bugs)) expect(BUGS.some(([n, b]) => n === name && b === bug)).toBe(true);
    }
  });
  for (const [name, bug, property, seedsMax] of BUGS) {
    test(`${name} bug ${bug} fails ${property} within ${seedsMax} seeds`, () => {
      const found = firstFailure(terminationScenarios[name], bug, property, seedsMax);
      expect(found, `${name} ${bug}: no ${property} failure in ${seedsMax} seeds`).toBeDefined();
      console.log(`${name} ${bug} → ${property} at seed ${found!.seed}: ${found!.message}`);
    });
  }
});
