/**
 * Cross-check of the pairwise `update-propagation` check against the full lattice on real chain runs: project the
 * run onto the replica hosts (vector clocks restricted to them keep happened-before among their events, so the
 * projection's consistent cuts are exactly the projections of the run's), enumerate every consistent cut with the
 * lattice engine's `possibly`, and compare verdicts with the scenario property.
 */
import { describe, expect, test } from 'vitest';
import { buildExecution } from '../../../execution/build.js';
import type { Execution } from '../../../execution/types.js';
import { possibly } from '../../../properties/lattice/index.js';
import type { CutPredicate } from '../../../properties/predicate-types.js';
import { runChain } from './harness.js';

const REPLICAS = [1, 2, 3];

function project(exec: Execution, hosts: readonly number[]): Execution {
  const events = exec.events
    .filter((e) => hosts.includes(e.host))
    .map((e) => ({ host: hosts.indexOf(e.host), kind: e.kind, label: e.label, clock: hosts.map((h) => e.clock[h]!), fields: e.fields }));
  return buildExecution({ label: 'replicas', hosts: hosts.map((h) => `p${h}`), events });
}

/** Some pair of replicas naming each other as neighbours with hist(successor) not a prefix of hist(predecessor). */
function violation(exec: Execution): CutPredicate {
  return {
    text: 'adjacent replicas with a non-prefix hist',
    shape: { kind: 'general' },
    evaluate(cut) {
      for (let a = 0; a < REPLICAS.length; a++) {
        const sa = exec.hostStates[a]![cut[a]!]!;
        for (let b = 0; b < REPLICAS.length; b++) {
          const sb = exec.hostStates[b]![cut[b]!]!;
          if (a === b || sa['succ'] !== REPLICAS[b] || sb['pred'] !== REPLICAS[a]) continue;
          if (!String(sa['hist']).startsWith(String(sb['hist']))) return true;
        }
      }
      return false;
    },
  };
}

function crossCheck(bug: string | undefined, seed: number): boolean {
  const run = runChain('chain/middle-failure', seed, bug, 5);
  const pairwise = run.violations.some((v) => v.property === 'update-propagation');
  const replicas = project(run.outcome.execution, REPLICAS);
  const result = possibly(replicas, violation(replicas), { cutsMax: 50_000_000 });
  expect(result.verdict).not.toBe('unknown');
  expect(result.verdict === 'holds', `${bug ?? 'correct'} seed ${seed}`).toBe(pairwise);
  return pairwise;
}

describe('update-propagation: pairwise scan agrees with full-lattice enumeration', () => {
  test('chain/middle-failure, correct: seeds 1..4 hold on both', { timeout: 120_000 }, () => {
    for (let seed = 1; seed <= 4; seed++) expect(crossCheck(undefined, seed)).toBe(false);
  });

  for (const bug of ['no-resend-on-middle-failure', 'reconfigure-without-waiting']) {
    test(`chain/middle-failure --bug ${bug}: the same verdict on each seed up to the first two violations`, { timeout: 120_000 }, () => {
      let violations = 0;
      for (let seed = 1; seed <= 200 && violations < 2; seed++) if (crossCheck(bug, seed)) violations++;
      expect(violations).toBe(2);
    });
  }
});
