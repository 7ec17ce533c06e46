import type { CutSpace } from './cut-space.js';

const EMPTY_SLOT = 0;
const INITIAL_CAPACITY = 1024;

/**
 * A hash set of cuts (optionally each with an integer tag), packed into 32-bit words: each host's count takes just
 * the bits its event count needs. Entries are numbered 0, 1, 2, ... in insertion order; `clear` keeps the memory
 * for reuse by the next level. Open addressing with linear probing, load at most one half.
 */
export class CutStore {
  /** Words per entry: the packed cut, plus one for the tag when tagged. */
  readonly wordsPerEntry: number;
  private readonly cutWords: number;
  private readonly wordOfHost: Int32Array;
  private readonly shiftOfHost: Int32Array;
  private readonly maskOfHost: Int32Array;
  private keys: Int32Array;
  private slots: Int32Array;
  private capacity: number;
  /** Number of entries. */
  size = 0;
  /** Whether the last `add` inserted a new entry. */
  added = false;

  constructor(
    private readonly space: CutSpace,
    readonly tagged: boolean,
  ) {
    const n = space.hostCount;
    this.wordOfHost = new Int32Array(n);
    this.shiftOfHost = new Int32Array(n);
    this.maskOfHost = new Int32Array(n);
    let word = 0;
    let bit = 0;
    for (let h = 0; h < n; h++) {
      const bits = Math.max(1, 32 - Math.clz32(space.eventsPerHost[h]!));
      if (bit + bits > 32) {
        word++;
        bit = 0;
      }
      this.wordOfHost[h] = word;
      this.shiftOfHost[h] = bit;
      this.maskOfHost[h] = bits === 32 ? -1 : (1 << bits) - 1;
      bit += bits;
    }
    this.cutWords = n === 0 ? 1 : word + 1;
    this.wordsPerEntry = this.cutWords + (tagged ? 1 : 0);
    this.capacity = INITIAL_CAPACITY;
    this.keys = new Int32Array(this.capacity * this.wordsPerEntry);
    this.slots = new Int32Array(this.capacity * 2);
  }

  /** Adds (cut, tag) if absent; returns its entry number and sets `added`. */
  add(cut: Int32Array, tag: number): number {
    const w = this.wordsPerEntry;
    if (this.size >= this.capacity) this.grow();
    const at = this.size * w;
    const keys = this.keys;
    keys.fill(0, at, at + w);
    const n = this.space.hostCount;
    for (let h = 0; h < n; h++) {
      const i = at + this.wordOfHost[h]!;
      keys[i] = keys[i]! | (cut[h]! << this.shiftOfHost[h]!);
    }
    if (this.tagged) keys[at + this.cutWords] = tag;
    const hash = hashWords(keys, at, w);
    const slotMask = this.slots.length - 1;
    let slot = hash & slotMask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY_SLOT) break;
      const other = (entry - 1) * w;
      let same = true;
      for (let i = 0; i < w; i++) {
        if (keys[other + i] !== keys[at + i]) {
          same = false;
          break;
        }
      }
      if (same) {
        this.added = false;
        return entry - 1;
      }
      slot = (slot + 1) & slotMask;
    }
    this.slots[slot] = this.size + 1;
    this.added = true;
    return this.size++;
  }

  /** Writes entry `index`'s cut into `out` and returns its tag (0 when untagged). */
  read(index: number, out: Int32Array): number {
    const at = index * this.wordsPerEntry;
    const n = this.space.hostCount;
    for (let h = 0; h < n; h++) {
      out[h] = (this.keys[at + this.wordOfHost[h]!]! >>> this.shiftOfHost[h]!) & this.maskOfHost[h]!;
    }
    return this.tagged ? this.keys[at + this.cutWords]! : 0;
  }

  /** Empties the set, keeping its memory. */
  clear(): void {
    this.size = 0;
    this.slots.fill(EMPTY_SLOT);
  }

  /** Bytes held by the set's arrays. */
  bytes(): number {
    return this.keys.byteLength + this.slots.byteLength;
  }

  private grow(): void {
    const w = this.wordsPerEntry;
    this.capacity *= 2;
    const keys = new Int32Array(this.capacity * w);
    keys.set(this.keys.subarray(0, this.size * w));
    this.keys = keys;
    this.slots = new Int32Array(this.capacity * 2);
    const slotMask = this.slots.length - 1;
    for (let e = 0; e < this.size; e++) {
      const hash = hashWords(keys, e * w, w);
      let slot = hash & slotMask;
      while (this.slots[slot] !== EMPTY_SLOT) slot = (slot + 1) & slotMask;
      this.slots[slot] = e + 1;
    }
  }
}

/** Hash of `count` words from `at`: multiply-xor per word, then murmur3's finalizer so the low bits mix well. */
function hashWords(keys: Int32Array, at: number, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < count; i++) hash = Math.imul(hash ^ keys[at + i]!, 0x9e3779b1) ^ (hash >>> 13);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash;
}
