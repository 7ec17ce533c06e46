/**
 * Lowe's memoisation for the Wing & Gong search: the configurations already explored, each a pair (set of
 * linearized operations, model state). Reaching a configuration twice cannot lead anywhere new, since what can
 * follow depends only on which operations remain and on the state.
 *
 * The sets are two `FrontierSet`s (operations of known and of unknown outcome), keyed by their frontiers and key
 * windows, stored in a word pool of fixed-size chunks (no copy on growth) behind an open-addressing hash table.
 * Its size in bytes is estimated from counts (`bytes`), so a memory limit gives the same verdict on every machine.
 */
import type { FrontierSet } from './bitset.js';
import { mix32 } from './models/values.js';

const CHUNK_WORDS = 1 << 18;
/** The first chunk starts this small and doubles up to `CHUNK_WORDS` (a small part's cache stays small). */
const FIRST_CHUNK_WORDS = 256;
/**
 * Bytes per entry besides its key words: a hash-table slot (4, at a load between ¼ and ½), hash and key address (4
 * each), state reference (8), and the slack of arrays that grow by doubling (measured: about 40 in all).
 */
export const CACHE_ENTRY_BYTES = 40;

/** A hash set of configurations. */
export class ConfigurationCache<S> {
  size = 0;
  /** Key words stored, over all entries (each set's `low` and window length, then its window). */
  keyWords = 0;
  private slots: Int32Array = new Int32Array(64).fill(-1);
  private hashes: Int32Array = new Int32Array(32);
  private addresses: Int32Array = new Int32Array(32);
  private readonly states: S[] = [];
  private readonly chunks: Uint32Array[] = [new Uint32Array(FIRST_CHUNK_WORDS)];
  private chunkUsed = 0;

  constructor(
    private readonly equal: (a: S, b: S) => boolean,
    private readonly hashState: (s: S) => number,
  ) {}

  /** Estimated bytes held: key words and per-entry overhead. */
  get bytes(): number {
    return 4 * this.keyWords + CACHE_ENTRY_BYTES * this.size;
  }

  /** Estimated bytes that adding a configuration with these sets would add. */
  static entryBytes(sets: readonly FrontierSet[]): number {
    let words = 0;
    for (let s = 0; s < sets.length; s++) words += 2 + (sets[s] as FrontierSet).keyWordCount;
    return 4 * words + CACHE_ENTRY_BYTES;
  }

  /**
   * Adds (sets, state) and returns true, or returns false when it is already present. `setHash` is the Zobrist hash
   * of the sets' members. Copies the sets' key windows.
   */
  addIfAbsent(setHash: number, sets: readonly FrontierSet[], state: S): boolean {
    const hash = mix32(setHash ^ Math.imul(this.hashState(state), 0x27d4eb2d));
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let id = this.slots[slot] as number; id !== -1; id = this.slots[slot] as number) {
      if (this.hashes[id] === hash && this.equal(this.states[id] as S, state) && this.sameKey(id, sets)) return false;
      slot = (slot + 1) & mask;
    }
    this.store(hash, sets, state, slot);
    return true;
  }

  private sameKey(id: number, sets: readonly FrontierSet[]): boolean {
    const address = this.addresses[id] as number;
    const chunk = this.chunks[address >>> 18] as Uint32Array;
    let at = address & (CHUNK_WORDS - 1);
    for (let s = 0; s < sets.length; s++) {
      const set = sets[s] as FrontierSet;
      const count = set.keyWordCount;
      if (chunk[at] !== set.low || chunk[at + 1] !== count) return false;
      at += 2;
      const first = set.keyWordFirst;
      for (let w = 0; w < count; w++) if (chunk[at + w] !== set.words[first + w]) return false;
      at += count;
    }
    return true;
  }

  private store(hash: number, sets: readonly FrontierSet[], state: S, slot: number): void {
    let length = 0;
    for (let s = 0; s < sets.length; s++) length += 2 + (sets[s] as FrontierSet).keyWordCount;
    const last = this.chunks.length - 1;
    if (this.chunkUsed + length > (this.chunks[last] as Uint32Array).length) {
      if (last === 0 && this.chunkUsed + length <= CHUNK_WORDS) {
        // The first chunk grows by doubling (a copy) until it is a full chunk; addresses in it stay valid.
        let size = 2 * (this.chunks[0] as Uint32Array).length;
        while (size < this.chunkUsed + length) size *= 2;
        const grown = new Uint32Array(size);
        grown.set(this.chunks[0] as Uint32Array);
        this.chunks[0] = grown;
      } else {
        this.chunks.push(new Uint32Array(Math.max(CHUNK_WORDS, length)));
        this.chunkUsed = 0;
      }
    }
    const chunk = this.chunks[this.chunks.length - 1] as Uint32Array;
    const id = this.size;
    if (id === this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.addresses = grow(this.addresses);
    }
    this.hashes[id] = hash;
    this.addresses[id] = (this.chunks.length - 1) * CHUNK_WORDS + this.chunkUsed;
    this.states.push(state);
    let at = this.chunkUsed;
    for (let s = 0; s < sets.length; s++) {
      const set = sets[s] as FrontierSet;
      const count = set.keyWordCount;
      const first = set.keyWordFirst;
      chunk[at] = set.low;
      chunk[at + 1] = count;
      for (let w = 0; w < count; w++) chunk[at + 2 + w] = set.words[first + w] as number;
      at += 2 + count;
    }
    this.chunkUsed = at;
    this.keyWords += length;
    this.slots[slot] = id;
    this.size++;
    if (2 * this.size > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Int32Array(2 * this.slots.length).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = (this.hashes[id] as number) & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(2 * array.length);
  grown.set(array);
  return grown;
}
