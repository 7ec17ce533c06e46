/**
 * The set of linearized operations, in a form whose cache key stays small: a bitset over operation indices (in
 * invoke order) with its frontier, `low` (every index below it is a member) and `high` (no member at or above it).
 * The words from `low` to `high` determine the set, and in a Wing & Gong search that window spans only the
 * operations concurrent with the search's position, not the whole history, so a memoised configuration costs a few
 * words instead of n/32. Members are added and removed in stack order (last added, first removed), which lets the
 * frontier be restored in O(1).
 */
import { mix32 } from './models/values.js';

/** A fixed pseudo-random 32-bit key for member `i` (Zobrist hashing: a set's hash is the XOR of its members' keys). */
export function zobristKey(i: number): number {
  return mix32(Math.imul(i + 1, 0x9e3779b9) ^ 0x5bd1e995);
}

/** A bitset over 0..size-1 with its frontier; `push` and `pop` in stack order. */
export class FrontierSet {
  readonly words: Uint32Array;
  /** Every index below `low` is a member; `low` itself is not. */
  low = 0;
  /** No member is at or above `high`. */
  high = 0;
  /** Words scanned while moving `low` forward, over the set's life (work the search counts as steps). */
  wordsScanned = 0;
  private readonly savedLow: Int32Array;
  private readonly savedHigh: Int32Array;
  private depth = 0;

  constructor(readonly size: number) {
    this.words = new Uint32Array(Math.max(1, Math.ceil(size / 32)));
    this.savedLow = new Int32Array(size);
    this.savedHigh = new Int32Array(size);
  }

  /** Adds `i`, which must not be a member. */
  push(i: number): void {
    const word = i >>> 5;
    const bit = 1 << (i & 31);
    if (((this.words[word] as number) & bit) !== 0) throw new Error(`FrontierSet.push: ${i} is already a member`);
    this.words[word] = (this.words[word] as number) | bit;
    this.savedLow[this.depth] = this.low;
    this.savedHigh[this.depth] = this.high;
    this.depth++;
    if (i + 1 > this.high) this.high = i + 1;
    if (i === this.low) this.low = this.firstAbsentFrom(i + 1);
  }

  /** Removes `i`, which must be the member added last. */
  pop(i: number): void {
    const word = i >>> 5;
    const bit = 1 << (i & 31);
    if (((this.words[word] as number) & bit) === 0) throw new Error(`FrontierSet.pop: ${i} is not a member`);
    if (this.depth === 0) throw new Error('FrontierSet.pop: the set is empty');
    this.words[word] = (this.words[word] as number) & ~bit;
    this.depth--;
    this.low = this.savedLow[this.depth] as number;
    this.high = this.savedHigh[this.depth] as number;
  }

  has(i: number): boolean {
    return (((this.words[i >>> 5] as number) >>> (i & 31)) & 1) === 1;
  }

  /**
   * The key window, which with `low` determines the set: the words from the one holding `low` to the one holding
   * `high - 1`. This is its first word.
   */
  get keyWordFirst(): number {
    return this.low >>> 5;
  }

  /** Words in the key window (0 when low ≥ high: the set is then exactly 0..low-1). */
  get keyWordCount(): number {
    return this.high <= this.low ? 0 : ((this.high - 1) >>> 5) - (this.low >>> 5) + 1;
  }

  private firstAbsentFrom(start: number): number {
    let w = start >>> 5;
    let absent = ~(this.words[w] as number) & (0xffffffff << (start & 31));
    while (absent === 0) {
      w++;
      this.wordsScanned++;
      if (w >= this.words.length) return this.size;
      absent = ~(this.words[w] as number);
    }
    return Math.min(this.size, w * 32 + (31 - Math.clz32(absent & -absent)));
  }
}
