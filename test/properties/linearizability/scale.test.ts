/**
 * The checker at scale: 100,000-operation cas-register histories (10 clients, 2% :info) answer with counts, and
 * every limit (steps, cache entries, estimated memory, the opt-in clock) ends a hopeless search in `unknown`. No
 * wall-clock assertion: the memory figures are the checker's own deterministic estimate.
 */
import { describe, expect, it } from 'vitest';
import { generateCasHistory } from '../../../bench/cas-register-history.js';
import { checkHistory, type LinearizabilityResult } from '../../../properties/linearizability/index.js';

const OPERATIONS = 100_000;
const MIB = 2 ** 20;

function check(...args: Parameters<typeof checkHistory>): LinearizabilityResult {
  const checked = checkHistory(...args);
  if (!checked.ok) throw new Error(checked.error.message);
  return checked.value;
}

describe('generated cas-register histories', () => {
  it('are linearizable by construction, and an impossible final read makes them not', () => {
    for (let seed = 1; seed <= 10; seed++) {
      expect(check(generateCasHistory({ operations: 300, seed }), 'cas-register').verdict).toBe('linearizable');
      expect(check(generateCasHistory({ operations: 300, seed, impossibleRead: true }), 'cas-register').verdict).toBe('not-linearizable');
    }
  });

  it('are a function of the seed', () => {
    expect(generateCasHistory({ operations: 500, seed: 7 })).toEqual(generateCasHistory({ operations: 500, seed: 7 }));
    expect(generateCasHistory({ operations: 500, seed: 7 })).not.toEqual(generateCasHistory({ operations: 500, seed: 8 }));
  });
});

describe(`${OPERATIONS.toLocaleString('en-US')} operations`, () => {
  it('a linearizable history is found so, in steps and memory linear in its size', () => {
    const history = generateCasHistory({ operations: OPERATIONS, seed: 1 });
    expect(history.filter((e) => e.type === 'info').length).toBeGreaterThan(OPERATIONS / 100); // about 2%
    const result = check(history, 'cas-register');
    expect(result).toMatchObject({ verdict: 'linearizable', partitions: 1 });
    expect(result.operations).toBeGreaterThan(0.7 * OPERATIONS); // :fail cas operations are dropped
    expect(result.steps).toBeLessThan(30 * result.operations);
    // A cache key holds the window of operations concurrent with the search's position, not n/32 words: with
    // n/32 words per entry the cache alone would take over 600 MiB here.
    expect(result.memoryBytesPeak).toBeLessThan(64 * MIB);
  });

  describe('a history ending in a read of a value nothing wrote, which the search cannot refute quickly', () => {
    const history = generateCasHistory({ operations: OPERATIONS, seed: 1, impossibleRead: true });

    it('stops at the step limit, with the counts reached', () => {
      const result = check(history, 'cas-register', { stepsMax: 2_000_000 });
      expect(result).toMatchObject({ verdict: 'unknown', stoppedBy: 'search steps limit (2000000) reached' });
      expect(result.steps).toBeGreaterThanOrEqual(2_000_000);
      expect(result.steps).toBeLessThan(2_000_000 + 100); // a step overshoots by at most its key words
      expect(result.cacheEntries).toBeGreaterThan(0);
    });

    it('stops at the estimated memory limit, holding no more than it', () => {
      const result = check(history, 'cas-register', { memoryBytesMax: 16 * MIB });
      expect(result).toMatchObject({ verdict: 'unknown', stoppedBy: 'memory limit (16 MiB, estimated) reached' });
      expect(result.memoryBytesPeak).toBeLessThanOrEqual(16 * MIB);
      expect(result.memoryBytesPeak).toBeGreaterThan(15 * MIB);
    });

    it('stops at the cache entries limit', () => {
      const result = check(history, 'cas-register', { cacheEntriesMax: 300_000 });
      expect(result).toMatchObject({ verdict: 'unknown', stoppedBy: 'cache entries limit (300000) reached', cacheEntries: 300_000 });
    });

    it('stops at the time limit, read from the clock it is given', () => {
      let now = 0;
      const result = check(history, 'cas-register', { timeMaxMs: 50, nowMs: () => (now += 10) });
      expect(result).toMatchObject({ verdict: 'unknown', stoppedBy: 'time limit (50 ms) reached' });
      expect(result.steps).toBeGreaterThan(0);
    });
  });
});
