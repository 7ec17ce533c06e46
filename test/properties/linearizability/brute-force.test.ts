import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory, type ModelName } from '../../../properties/linearizability/index.js';
import { bruteForceLinearizable, type Spec } from './brute-force.js';
import { smallHistory } from './random-histories.js';

function agreesWithBruteForce(spec: Spec, maxOps: number, split: boolean): void {
  const seen = { linearizable: 0, 'not-linearizable': 0 };
  fc.assert(
    fc.property(smallHistory(spec, maxOps), ({ events, ops }) => {
      const result = checkHistory(events, spec as ModelName, { split });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const expected = bruteForceLinearizable(spec, ops) ? 'linearizable' : 'not-linearizable';
      expect(result.value.verdict).toBe(expected);
      seen[expected]++;
    }),
    { numRuns: 400, seed: 20_240_601 },
  );
  // The generator must exercise both answers, or the agreement says little.
  expect(seen.linearizable).toBeGreaterThan(40);
  expect(seen['not-linearizable']).toBeGreaterThan(40);
}

describe('agreement with a brute-force checker on small random histories (with :info, :fail, no completion)', () => {
  it('register', () => agreesWithBruteForce('register', 7, true));
  it('cas-register', () => agreesWithBruteForce('cas-register', 7, true));
  it('kv, split per key', () => agreesWithBruteForce('kv', 7, true));
  it('kv, not split', () => agreesWithBruteForce('kv', 7, false));
});
