/**
 * Progress of a long linearizability search (`onProgress` every `progressEvery` steps): reported at each multiple
 * passed, with the steps so far, and it changes nothing the check answers, limits included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory, type ModelName } from '../../../properties/linearizability/index.js';
import { smallHistory } from './random-histories.js';

describe('progress of the linearizability search', () => {
  it.each(['cas-register', 'kv'] as const)('%s: the same answer with and without progress; reports rise by at least progressEvery', (spec) => {
    fc.assert(
      fc.property(smallHistory(spec, 7), fc.integer({ min: 1, max: 5 }), fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }), ({ events }, every, stepsMax) => {
        const limits = stepsMax === undefined ? {} : { stepsMax };
        const plain = checkHistory(events, spec as ModelName, limits);
        const reported: number[] = [];
        const watched = checkHistory(events, spec as ModelName, { ...limits, progressEvery: every, onProgress: (n) => reported.push(n) });
        expect(watched).toEqual(plain);
        if (!plain.ok) return;
        reported.forEach((n, i) => {
          expect(n).toBeLessThanOrEqual(plain.value.steps);
          expect(n).toBeGreaterThanOrEqual((i + 1) * every);
          if (i > 0) expect(Math.floor(n / every)).toBeGreaterThan(Math.floor(reported[i - 1]! / every));
        });
        // Every multiple of progressEvery the search went past was reported (a report may cover several).
        if (plain.value.steps >= every) expect(reported.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('progressEvery', () => {
  it('that is not a positive integer is refused', () => {
    const events = [{ process: 0, type: 'invoke' as const, f: 'read', value: null }, { process: 0, type: 'ok' as const, f: 'read', value: null }];
    expect(() => checkHistory(events, 'cas-register', { onProgress: () => {}, progressEvery: 0 })).toThrow(/progressEvery must be a positive integer/);
  });
});
