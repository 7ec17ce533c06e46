/**
 * The cache key of a set of linearized operations is its frontier (`low`) and the words of its window: it must
 * determine the set exactly (equal keys iff equal sets), whatever the order of pushes and pops that built it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrontierSet } from '../../../properties/linearizability/bitset.js';

const SEED = 20_261_202;

function key(set: FrontierSet): string {
  const first = set.keyWordFirst;
  return [set.low, ...Array.from(set.words.subarray(first, first + set.keyWordCount))].join(',');
}

describe(`FrontierSet (fast-check seed ${SEED})`, () => {
  it('keeps low = the first absent index and high = the largest member + 1, and its key determines the set', () => {
    const size = 72;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -8, max: size - 1 }), { minLength: 1, maxLength: 400 }), (moves) => {
        const set = new FrontierSet(size);
        const stack: number[] = [];
        const keyOf = new Map<string, string>(); // members (sorted) → key, and key → members
        for (const move of moves) {
          // A negative move pops the last member; i pushes the first non-member at or after i (wrapping), so that
          // runs of members, and words of all ones, form.
          if (move < 0 || stack.length === size) {
            if (stack.length > 0) set.pop(stack.pop() as number);
          } else {
            let i = move;
            while (stack.includes(i)) i = (i + 1) % size;
            set.push(i);
            stack.push(i);
          }
          const members = [...stack].sort((a, b) => a - b);
          let low = 0;
          while (members.includes(low)) low++;
          expect(set.low).toBe(low);
          expect(set.high).toBe(members.length === 0 ? 0 : (members[members.length - 1] as number) + 1);
          const k = key(set);
          const m = `members ${members.join(',')}`;
          if (keyOf.has(m)) expect(keyOf.get(m)).toBe(k);
          if (keyOf.has(k)) expect(keyOf.get(k)).toBe(m);
          keyOf.set(m, k);
          keyOf.set(k, m);
        }
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('moves low across words of all ones to the next absent index, bit 31 of a word included', () => {
    const set = new FrontierSet(100);
    for (let i = 1; i < 96; i++) if (i !== 63) set.push(i);
    expect([set.low, set.high, set.keyWordFirst, set.keyWordCount]).toEqual([0, 96, 0, 3]);
    set.push(0);
    expect([set.low, set.high, set.keyWordFirst, set.keyWordCount]).toEqual([63, 96, 1, 2]);
    set.push(63);
    expect([set.low, set.keyWordCount]).toEqual([96, 0]);
    set.pop(63);
    expect(set.low).toBe(63);
  });

  it('refuses to push a member or pop a non-member', () => {
    const set = new FrontierSet(40);
    set.push(3);
    expect(() => set.push(3)).toThrow(/already a member/);
    expect(() => set.pop(4)).toThrow(/not a member/);
  });
});
