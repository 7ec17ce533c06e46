import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIsolationText, type AnomalyName, type DataModel } from '../../../properties/isolation/index.js';
import { bruteForceSerializable, smallListAppendHistory } from './list-append-histories.js';
import { bruteForceRegisterSerializable, smallRegisterHistory } from './rw-register-histories.js';

/**
 * What rules out serializability: a G0, G1c, G-single or G2-item cycle, G1a or G1b — and the anomalies that say the
 * version order itself is broken (a transaction disagreeing with its own appends, reads that are not prefixes of
 * one order, duplicates, values nobody appended), which the corruptions also produce.
 */
const NOT_SERIALIZABLE: ReadonlySet<AnomalyName> = new Set([
  'G0', 'G1a', 'G1b', 'G1c', 'G-single', 'G2-item', 'internal', 'incompatible-order', 'duplicate-elements', 'garbage-read',
]);

/**
 * Soundness against a brute-force oracle: whatever the checker flags as not serializable, the oracle rules out too,
 * and a history drawn from a serial order (not corrupted) is serializable. For each (corrupted, seed), 300 samples
 * of `histories(corrupted)`; answers how many were flagged, missed (not serializable, not flagged) and serializable.
 */
function soundness<T>(
  runs: readonly (readonly [corrupted: boolean, seed: number])[],
  histories: (corrupted: boolean) => fc.Arbitrary<{ readonly txns: T; readonly edn: string }>,
  model: DataModel,
  oracle: (txns: T) => boolean,
): { flagged: number; missed: number; serializable: number } {
  const seen = { flagged: 0, missed: 0, serializable: 0 };
  for (const [corrupted, seed] of runs) {
    fc.assert(
      fc.property(histories(corrupted), ({ txns, edn }) => {
        const result = checkIsolationText(edn, 'random.edn', { model });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const expected = oracle(txns);
        const flagged = result.value.anomalies.some((a) => NOT_SERIALIZABLE.has(a.name));
        if (flagged) expect({ expected, edn }).toEqual({ expected: false, edn });
        if (!corrupted) expect(expected).toBe(true);
        seen[flagged ? 'flagged' : expected ? 'serializable' : 'missed']++;
      }),
      { numRuns: 300, seed },
    );
  }
  return seen;
}

function agreement(corrupted: boolean, seed: number): { serializable: number; not: number; names: Map<string, number> } {
  const seen = { serializable: 0, not: 0, names: new Map<string, number>() };
  fc.assert(
    fc.property(smallListAppendHistory(corrupted), ({ txns, edn }) => {
      const result = checkIsolationText(edn, 'random.edn', { model: 'list-append' });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const checker = !result.value.anomalies.some((a) => NOT_SERIALIZABLE.has(a.name));
      const expected = bruteForceSerializable(txns);
      expect({ checker, valid: result.value.valid, edn }).toEqual({ checker: expected, valid: expected, edn });
      for (const name of new Set(result.value.anomalies.map((a) => a.name))) seen.names.set(name, (seen.names.get(name) ?? 0) + 1);
      if (expected) seen.serializable++;
      else seen.not++;
    }),
    { numRuns: 400, seed },
  );
  return seen;
}

describe('list-append: the cycle checker agrees with a brute-force serializability checker', () => {
  it('on histories from a random serial order (overlapping real-time intervals, some failed transactions): all serializable', () => {
    const seen = agreement(false, 16_001);
    expect(seen.not).toBe(0);
    expect(seen.serializable).toBe(400);
  });

  it('on the same histories with one corruption each: both verdicts occur, and they agree', () => {
    const seen = agreement(true, 16_002);
    expect(seen.serializable).toBeGreaterThan(40);
    expect(seen.not).toBeGreaterThan(60);
    // Samples (of the 400) showing each anomaly; the cycle classes must be among them, not only broken orders.
    const names = Object.fromEntries([...seen.names].sort());
    for (const name of ['G1a', 'G1b', 'G1c', 'G-single', 'G2-item', 'incompatible-order']) expect(names[name] ?? 0, name).toBeGreaterThan(0);
  });
});

describe('list-append with :info transactions (applied or not): whatever the checker rules out, brute force rules out too', () => {
  it('from a serial order nothing is flagged; corrupted, most non-serializable samples are caught', () => {
    const seen = soundness(
      [[false, 16_008], [true, 16_009]],
      (corrupted) => smallListAppendHistory(corrupted, 'random', true),
      'list-append',
      (txns) => bruteForceSerializable(txns),
    );
    expect(seen.serializable).toBeGreaterThan(300);
    expect(seen.flagged).toBeGreaterThan(10 * seen.missed);
  });
});

describe('list-append with real-time edges: the checker agrees with a brute-force strict-serializability checker', () => {
  it('on histories whose intervals surround their serial place, corrupted or not: both verdicts occur', () => {
    const seen = { strict: 0, not: 0 };
    for (const [corrupted, seed] of [[false, 16_005], [true, 16_006]] as const) {
      fc.assert(
        fc.property(smallListAppendHistory(corrupted, 'around-serial'), ({ txns, edn }) => {
          const result = checkIsolationText(edn, 'random.edn', { model: 'list-append', realtime: true });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const expected = bruteForceSerializable(txns, true);
          if (!corrupted) expect(expected).toBe(true);
          expect({ valid: result.value.valid, edn }).toEqual({ valid: expected, edn });
          seen[expected ? 'strict' : 'not']++;
        }),
        { numRuns: 300, seed },
      );
    }
    expect(seen.strict).toBeGreaterThan(300);
    expect(seen.not).toBeGreaterThan(50);
  });

  it('on histories with random intervals: real-time-only cycles occur, and serializable ones stay serializable', () => {
    let realtimeOnly = 0;
    fc.assert(
      fc.property(smallListAppendHistory(false), ({ txns, edn }) => {
        const result = checkIsolationText(edn, 'random.edn', { model: 'list-append', realtime: true });
        if (!result.ok) return;
        const expected = bruteForceSerializable(txns, true);
        expect({ valid: result.value.valid, edn }).toEqual({ valid: expected, edn });
        if (!expected) {
          realtimeOnly++;
          expect(result.value.strongestModel).toBe('serializable');
          expect(result.value.anomalies.every((a) => a.name.endsWith('-realtime'))).toBe(true);
        }
      }),
      { numRuns: 300, seed: 16_007 },
    );
    expect(realtimeOnly).toBeGreaterThan(20);
  });
});

describe('rw-register: whatever the checker rules out, brute force rules out too (the version order is only partly inferred)', () => {
  it('on random small histories with failed and :info transactions, from a serial order and corrupted', () => {
    const seen = soundness([[false, 16_003], [true, 16_004]], smallRegisterHistory, 'rw-register', bruteForceRegisterSerializable);
    // Both answers occur, and most non-serializable samples are caught.
    expect(seen.serializable).toBeGreaterThan(300);
    expect(seen.flagged).toBeGreaterThan(3 * seen.missed);
  });
});
