/**
 * Progress of long lattice searches (`SearchLimits.onProgress`): it is reported every `progressEvery` cuts, with
 * the count visited so far, and it changes nothing the search answers, limits included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCutsBfs } from '../../../properties/lattice/bfs-count.js';
import { definitely } from '../../../properties/lattice/definitely.js';
import { countCuts } from '../../../properties/lattice/lexical.js';
import { possibly } from '../../../properties/lattice/possibly.js';
import type { SearchLimits } from '../../../properties/result-types.js';
import { arbComputation, arbPredicateSpec, compilePredicate } from '../../helpers/brute-force.js';

const small = arbComputation({ eventsPerHostMax: 4, hostsMax: 4 });

/** Runs `search` without progress and with it; answers both results and the counts reported. */
function withAndWithout<R>(search: (limits: SearchLimits) => R, limits: SearchLimits, every: number): { plain: R; watched: R; reported: number[] } {
  const reported: number[] = [];
  const watched = search({ ...limits, progressEvery: every, onProgress: (n) => reported.push(n) });
  return { plain: search(limits), watched, reported };
}

describe('progress of lattice searches', () => {
  it('is reported at every multiple of progressEvery below the cuts visited, and changes no answer', () => {
    fc.assert(
      fc.property(small, arbPredicateSpec, fc.integer({ min: 1, max: 7 }), fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }), (exec, spec, every, cutsMax) => {
        const pred = compilePredicate(exec, spec);
        const limits: SearchLimits = cutsMax === undefined ? {} : { cutsMax };
        const searches: Record<string, (l: SearchLimits) => { readonly cutsVisited: number }> = {
          possibly: (l: SearchLimits) => possibly(exec, pred, l),
          definitely: (l: SearchLimits) => definitely(exec, pred, l),
          count: (l: SearchLimits) => countCuts(exec, l),
          bfs: (l: SearchLimits) => countCutsBfs(exec, l),
        };
        for (const search of Object.values(searches)) {
          const { plain, watched, reported } = withAndWithout(search, limits, every);
          expect(watched).toEqual(plain);
          const visited = plain.cutsVisited;
          const expected: number[] = [];
          for (let n = every; n < Math.min(visited, cutsMax ?? Infinity); n += every) expected.push(n);
          // A search may end between two reports; it never reports past what it visited.
          expect(reported.length === expected.length || reported.length === expected.length - 1).toBe(true);
          expect(reported).toEqual(expected.slice(0, reported.length));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a progressEvery that is not a positive integer is refused', () => {
    const exec = fc.sample(small, { numRuns: 1, seed: 1 })[0]!;
    expect(() => countCuts(exec, { onProgress: () => {}, progressEvery: 0 })).toThrow(/progressEvery/);
  });
});
