import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JepsenEvent, JepsenHistory } from '../../../execution/history.js';
import { checkJepsenLongFork } from '../../../properties/jepsen-checkers/index.js';
import { edn, valueOf } from './helpers.js';

const write = (p: number, k: number): string => `{:process ${p}, :type :invoke, :f :write, :value [[:w ${k} 1]]}\n{:process ${p}, :type :ok, :f :write, :value [[:w ${k} 1]]}`;
const read = (p: number, mops: string): string => `{:process ${p}, :type :invoke, :f :read, :value [${mops.replace(/ \d+\]/g, ' nil]')}]}\n{:process ${p}, :type :ok, :f :read, :value [${mops}]}`;

describe('long-fork (jepsen.tests.long-fork)', () => {
  it('two reads that saw two writes in opposite orders are a fork, named by line and key', () => {
    const h = edn([write(0, 1), write(1, 2), read(2, '[:r 1 1] [:r 2 nil]'), read(3, '[:r 2 1] [:r 1 nil]')].join('\n'));
    const r = valueOf(checkJepsenLongFork(h));
    expect(r).toMatchObject({ valid: false, groupSize: 2, groupSizeFrom: 'first read', readsCount: 2, earlyReadCount: 0, lateReadCount: 0 });
    expect(r.forks).toHaveLength(1);
    expect(r.explanation).toEqual([
      "long fork: the read at line 6 saw key 1 = 1 but not key 2's write; the read at line 8 saw key 2 = 1 but not key 1's: the two writes were seen in opposite orders",
    ]);
  });

  it('reads ordered by what they saw are valid; early (all nil) and late (all seen) reads are counted', () => {
    const h = edn([read(2, '[:r 1 nil] [:r 2 nil]'), write(0, 1), read(2, '[:r 1 1] [:r 2 nil]'), write(1, 2), read(3, '[:r 2 1] [:r 1 1]')].join('\n'));
    expect(valueOf(checkJepsenLongFork(h))).toMatchObject({ valid: true, readsCount: 3, earlyReadCount: 1, lateReadCount: 1, forks: [] });
  });

  it('a key written twice, a read of the wrong group size, and distinct values of one key are unknown (illegal histories)', () => {
    const twice = valueOf(checkJepsenLongFork(edn([write(0, 1), write(1, 1), read(2, '[:r 1 1] [:r 2 nil]')].join('\n'))));
    expect(twice).toMatchObject({ valid: 'unknown', error: 'key 1 is written more than once (at line 3 again); this checker assumes one write per key' });
    const size = valueOf(checkJepsenLongFork(edn(read(2, '[:r 1 1] [:r 2 nil]')), { groupSize: 3 }));
    expect(size.valid).toBe('unknown');
    expect(size.error).toMatch(/should read 3 keys, but the read at line 2 reads 2/);
    const distinct = valueOf(checkJepsenLongFork(edn([read(2, '[:r 1 1] [:r 2 nil]'), read(3, '[:r 1 2] [:r 2 nil]')].join('\n'))));
    expect(distinct.error).toMatch(/saw distinct values of key 1/);
  });
});

/** Valid iff some order of the writes has every read see exactly a prefix of it (one serial order). */
function serialOrderExists(keys: readonly number[], reads: readonly (readonly number[])[]): boolean {
  const permutations = (xs: readonly number[]): number[][] => (xs.length === 0 ? [[]] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));
  return permutations(keys).some((order) => reads.every((seen) => order.slice(0, seen.length).every((k) => seen.includes(k))));
}

describe('long-fork: agrees with a search for one serial order of the writes', () => {
  it('on random reads of one group of 3 keys, each written once', () => {
    let forks = 0;
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }), { maxLength: 6 }), (reads) => {
        const events: JepsenEvent[] = [0, 1, 2].flatMap((k) => [
          { process: 10 + k, type: 'invoke' as const, f: 'write', value: [[':w', k, 1]] },
          { process: 10 + k, type: 'ok' as const, f: 'write', value: [[':w', k, 1]] },
        ]);
        reads.forEach((seen, p) => {
          events.push({ process: p, type: 'invoke', f: 'read', value: [0, 1, 2].map((k) => [':r', k, null]) });
          events.push({ process: p, type: 'ok', f: 'read', value: [0, 1, 2].map((k) => [':r', k, seen.includes(k) ? 1 : null]) });
        });
        const h: JepsenHistory = events;
        const r = valueOf(checkJepsenLongFork(h, { groupSize: 3 }));
        const expected = serialOrderExists([0, 1, 2], reads);
        expect(r.valid).toBe(expected);
        if (!expected) forks++;
      }),
      { numRuns: 400 },
    );
    expect(forks).toBeGreaterThan(50);
  });
});
