/**
 * Lowe's memoisation for the Wing & Gong search: the configurations already explored, each a pair (set of
 * linearized operations, model state). Reaching a configuration twice cannot lead anywhere new, since what can
 * follow depends only on which operations remain and on the state.
 */
import { sameWords, type OpSet } from './bitset.js';
import { mix32 } from './models/values.js';

interface Node<S> {
  readonly words: Uint32Array;
  readonly state: S;
  readonly next: Node<S> | undefined;
}

/** A hash set of configurations; buckets are chained by hash. */
export class ConfigurationCache<S> {
  private readonly buckets = new Map<number, Node<S>>();
  size = 0;

  constructor(
    private readonly equal: (a: S, b: S) => boolean,
    private readonly hashState: (s: S) => number,
  ) {}

  /** Adds (set, state) and returns true, or returns false when it is already present. Copies the set's words. */
  addIfAbsent(set: OpSet, state: S): boolean {
    const key = mix32(set.hash ^ Math.imul(this.hashState(state), 0x27d4eb2d));
    const head = this.buckets.get(key);
    for (let node = head; node !== undefined; node = node.next) {
      if (sameWords(node.words, set.words) && this.equal(node.state, state)) return false;
    }
    this.buckets.set(key, { words: set.words.slice(), state, next: head });
    this.size++;
    return true;
  }
}
