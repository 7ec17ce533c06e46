/**
 * Cross-check of the conjunctive encoding of no-false-detection against a brute-force enumeration of every
 * consistent cut (every vector of per-host event counts, kept when it is closed under happened-before).
 */
import { describe, expect, test } from 'vitest';
import type { Execution } from '../../../execution/types.js';
import { checkModality } from '../../../properties/lattice/index.js';
import { falseDetectionDisjuncts, noFalseDetection, terminationScenarios } from '../../../scenarios/termination.js';
import { runOnce } from './run.js';

/** Brute force: is there a consistent cut with p0 announced while a host is active or a basic message in transit? */
function bruteForce(exec: Execution): { found: boolean; cuts: number } {
  const n = exec.hosts.length;
  const cut = new Int32Array(n);
  const inCut = (e: number): boolean => exec.events[e]!.index <= cut[exec.events[e]!.host]!;
  const consistent = (): boolean => {
    for (let h = 0; h < n; h++) {
      if (cut[h] === 0) continue;
      const clock = exec.events[exec.byHost[h]![cut[h]! - 1]!]!.clock;
      for (let j = 0; j < n; j++) if (clock[j]! > cut[j]!) return false;
    }
    return true;
  };
  const falseDetection = (): boolean => {
    if (exec.hostStates[0]![cut[0]!]!['announced'] !== true) return false;
    for (let h = 0; h < n; h++) if (exec.hostStates[h]![cut[h]!]!['active'] === true) return true;
    return exec.messages.some(
      (m) => m.summary.startsWith('work') && inCut(m.sendEvent) && !m.receiveEvents.some(inCut),
    );
  };
  let cuts = 0;
  let found = false;
  for (;;) {
    if (consistent()) {
      cuts++;
      if (falseDetection()) found = true;
    }
    let h = 0;
    while (h < n && cut[h] === exec.byHost[h]!.length) cut[h++] = 0;
    if (h === n) return { found, cuts };
    cut[h]!++;
  }
}

const CASES = [
  ['safra', undefined],
  ['safra', 'no-blacken-on-receive'],
  ['safra', 'reset-counter-on-token'],
  ['safra', 'announce-on-white-token'],
  ['dijkstra-scholten', undefined],
  ['dijkstra-scholten', 'ack-on-receive'],
  ['dijkstra-scholten', 'detach-with-deficit'],
  ['ewd840', undefined],
  ['ewd840', 'no-wait-for-ack'],
  ['ewd840', 'no-blacken-on-send'],
] as const;

describe('no-false-detection: conjunctive encoding = brute force over all consistent cuts', () => {
  test('agrees on 60 seeds of each detector and bug variant, with both verdicts seen', () => {
    const seen = { found: 0, clean: 0 };
    for (const [name, bug] of CASES) {
      for (let seed = 1; seed <= 60; seed++) {
        const { outcome } = runOnce(terminationScenarios[name], seed, bug);
        const exec = outcome.execution;
        if (name === 'safra' && bug === 'reset-counter-on-token' && exec.events.length > 60) continue; // endless token
        const brute = bruteForce(exec);
        const encoded = !noFalseDetection.check(outcome).ok;
        expect(encoded, `${name} ${bug ?? 'correct'} seed ${seed}`).toBe(brute.found);
        seen[brute.found ? 'found' : 'clean']++;
      }
    }
    expect(seen.found).toBeGreaterThan(20);
    expect(seen.clean).toBeGreaterThan(100);
  });

  test('each disjunct: the weak-conjunctive fast path agrees with lexical enumeration', () => {
    for (const [name, bug] of CASES) {
      if (bug === 'reset-counter-on-token') continue;
      for (let seed = 1; seed <= 10; seed++) {
        const exec = runOnce(terminationScenarios[name], seed, bug).outcome.execution;
        for (const pred of falseDetectionDisjuncts(exec)) {
          const fast = checkModality(exec, 'possibly', pred);
          const slow = checkModality(exec, 'possibly', pred, { fastPaths: false });
          expect(fast.algorithm).toBe('weak-conjunctive');
          expect(fast.verdict, `${name} ${bug ?? 'correct'} seed ${seed} ${pred.text}`).toBe(slow.verdict);
        }
      }
    }
  });
});
