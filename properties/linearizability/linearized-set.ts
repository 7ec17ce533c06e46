/**
 * The set of linearized operations of a search, as two `FrontierSet`s: operations of known outcome and operations
 * of unknown outcome (an operation of unknown outcome that is never linearized would otherwise pin the frontier,
 * and so widen every cache key, for the rest of the history). With the Zobrist hash of all members, kept
 * incrementally. Members are added and removed in stack order.
 */
import { FrontierSet, zobristKey } from './bitset.js';

/** Linearized operations, indexed as in the search's operation array. */
export class LinearizedSet {
  /** Known outcome first, then unknown outcome. */
  readonly sets: readonly [FrontierSet, FrontierSet];
  /** XOR of the members' Zobrist keys. */
  hash = 0;
  private readonly setOf: Uint8Array;
  private readonly indexInSet: Int32Array;
  private readonly keys: Int32Array;

  /** `required[i]` is 1 when operation i has a known outcome. */
  constructor(required: Uint8Array) {
    const n = required.length;
    this.setOf = new Uint8Array(n);
    this.indexInSet = new Int32Array(n);
    this.keys = new Int32Array(n);
    const sizes = [0, 0];
    for (let i = 0; i < n; i++) {
      const set = required[i] === 1 ? 0 : 1;
      this.setOf[i] = set;
      this.indexInSet[i] = sizes[set] as number;
      sizes[set] = (sizes[set] as number) + 1;
      this.keys[i] = zobristKey(i);
    }
    this.sets = [new FrontierSet(sizes[0] as number), new FrontierSet(sizes[1] as number)];
  }

  add(op: number): void {
    (this.sets[this.setOf[op] as number] as FrontierSet).push(this.indexInSet[op] as number);
    this.hash ^= this.keys[op] as number;
  }

  /** Removes `op`, which must be the member added last. */
  remove(op: number): void {
    (this.sets[this.setOf[op] as number] as FrontierSet).pop(this.indexInSet[op] as number);
    this.hash ^= this.keys[op] as number;
  }

  /** Words of the cache key of the set as it is (the windows of both parts). */
  get keyWords(): number {
    return this.sets[0].keyWordCount + this.sets[1].keyWordCount;
  }

  /** Words scanned so far to move the frontiers. */
  get wordsScanned(): number {
    return this.sets[0].wordsScanned + this.sets[1].wordsScanned;
  }
}
