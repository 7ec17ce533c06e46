import type { CutSpace } from './cut-space.js';

/** Bits one packed word holds: a double represents every integer below 2^53 exactly. */
export const WORD_BITS = 53;
const TWO_TO_32 = 4294967296;

/** How a host's count is read back from a word: from its low 32 bits, its high 21 bits, or across both. */
const IN_LOW = 0;
const IN_HIGH = 1;
const ACROSS = 2;

/**
 * The layout of a cut packed into a few doubles ("words"): host h's count takes just the bits its event count
 * needs, at bit `shiftOfHost[h]` of word `wordOfHost[h]`, and a host never straddles two words. A cut whose bits
 * sum to at most 53 packs into one number (ewd998 #3: 49 bits; chord: 53), else into two or more. Adding host h's
 * next event to a packed cut is one addition, `word[wordOfHost[h]] += unitOfHost[h]`, with no carry as long as the
 * count stays within the host's event count. Unpacking splits a word into its low 32 bits (`word | 0`) and high
 * 21 bits (`word / 2^32 | 0`), then shifts and masks in 32-bit integers: no allocation, no floating division per
 * host. The search's hot loop never unpacks: it keeps each cut's counts beside its key; unpacking serves the few
 * cuts a pass hands back.
 */
export class CutPacking {
  /** Words (doubles) per packed cut. */
  readonly words: number;
  readonly wordOfHost: Int32Array;
  /** 2^(bit of host h in its word), as a double. */
  readonly unitOfHost: Float64Array;
  private readonly shiftOfHost: Int32Array;
  private readonly maskOfHost: Int32Array;
  private readonly modeOfHost: Int8Array;
  private readonly low: Int32Array;
  private readonly high: Int32Array;

  /** `wordBits` below 53 only to exercise several words in tests; at least the widest host's bits. */
  constructor(
    readonly space: CutSpace,
    wordBits: number = WORD_BITS,
  ) {
    const n = space.hostCount;
    this.wordOfHost = new Int32Array(n);
    this.unitOfHost = new Float64Array(n);
    this.shiftOfHost = new Int32Array(n);
    this.maskOfHost = new Int32Array(n);
    this.modeOfHost = new Int8Array(n);
    if (!(wordBits >= 1 && wordBits <= WORD_BITS)) throw new Error(`a packed word holds 1 to ${WORD_BITS} bits, not ${wordBits}`);
    let word = 0;
    let bit = 0;
    for (let h = 0; h < n; h++) {
      const bits = Math.max(1, 32 - Math.clz32(space.eventsPerHost[h]!));
      if (bits > wordBits) throw new Error(`host ${h} needs ${bits} bits, more than a word of ${wordBits}`);
      if (bit + bits > wordBits) {
        word++;
        bit = 0;
      }
      this.wordOfHost[h] = word;
      this.unitOfHost[h] = 2 ** bit;
      this.shiftOfHost[h] = bit >= 32 ? bit - 32 : bit;
      this.maskOfHost[h] = 2 ** bits - 1;
      this.modeOfHost[h] = bit >= 32 ? IN_HIGH : bit + bits <= 32 ? IN_LOW : ACROSS;
      bit += bits;
    }
    this.words = word + 1;
    this.low = new Int32Array(this.words);
    this.high = new Int32Array(this.words);
  }

  /** Writes `cut` packed into `out[at .. at + words)`. */
  pack(cut: ArrayLike<number>, out: Float64Array, at: number): void {
    out.fill(0, at, at + this.words);
    for (let h = 0; h < cut.length; h++) out[at + this.wordOfHost[h]!]! += cut[h]! * this.unitOfHost[h]!;
  }

  /** Writes the packed cut at `keys[at .. at + words)` into `cut`. */
  unpack(keys: Float64Array, at: number, cut: Int32Array): void {
    const low = this.low;
    const high = this.high;
    for (let w = 0; w < this.words; w++) {
      const word = keys[at + w]!;
      low[w] = word | 0;
      high[w] = (word / TWO_TO_32) | 0;
    }
    const n = cut.length;
    for (let h = 0; h < n; h++) {
      const w = this.wordOfHost[h]!;
      const s = this.shiftOfHost[h]!;
      const mode = this.modeOfHost[h]!;
      const bits = mode === IN_LOW ? low[w]! >>> s : mode === IN_HIGH ? high[w]! >>> s : (low[w]! >>> s) | (high[w]! << (32 - s));
      cut[h] = bits & this.maskOfHost[h]!;
    }
  }

  /** A fresh packed copy of `cut`. */
  packed(cut: ArrayLike<number>): Float64Array {
    const out = new Float64Array(this.words);
    this.pack(cut, out, 0);
    return out;
  }
}
