/**
 * The set of linearized operations: a bitset over operation indices with an incrementally maintained Zobrist hash
 * (the XOR of a fixed pseudo-random key per member), so adding or removing an operation costs O(1).
 */
import { mix32 } from './models/values.js';

/** A fixed pseudo-random 32-bit key for member `i`. */
export function zobristKey(i: number): number {
  return mix32(Math.imul(i + 1, 0x9e3779b9) ^ 0x5bd1e995);
}

/** Bitset of operation indices 0..size-1 with its Zobrist hash. */
export class OpSet {
  readonly words: Uint32Array;
  hash = 0;
  private readonly keys: Int32Array;

  constructor(size: number) {
    this.words = new Uint32Array(Math.max(1, Math.ceil(size / 32)));
    this.keys = new Int32Array(size);
    for (let i = 0; i < size; i++) this.keys[i] = zobristKey(i);
  }

  add(i: number): void {
    const word = i >>> 5;
    const bit = 1 << (i & 31);
    if (((this.words[word] as number) & bit) !== 0) throw new Error(`OpSet.add: ${i} is already a member`);
    this.words[word] = (this.words[word] as number) | bit;
    this.hash ^= this.keys[i] as number;
  }

  remove(i: number): void {
    const word = i >>> 5;
    const bit = 1 << (i & 31);
    if (((this.words[word] as number) & bit) === 0) throw new Error(`OpSet.remove: ${i} is not a member`);
    this.words[word] = (this.words[word] as number) & ~bit;
    this.hash ^= this.keys[i] as number;
  }

  has(i: number): boolean {
    return (((this.words[i >>> 5] as number) >>> (i & 31)) & 1) === 1;
  }
}

/** Word-by-word equality of two bitsets of the same length. */
export function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
