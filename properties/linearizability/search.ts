/**
 * Wing & Gong's linearizability search with Lowe's memoisation (the "WGL" algorithm), resumable in slices of steps
 * so that the parts of a split history can be searched in turns (see `turns.ts`).
 *
 * Scanning the entry list from its head, a call entry is an operation that may be linearized now: if the model
 * accepts it and the configuration (linearized set, state) is new, it is linearized (its entries are lifted out) and
 * the scan restarts. A return entry is an operation that had to be linearized before this point and was not: undo
 * the last choice and try the next call after it. Operations of unknown outcome return at +∞ and are optional: the
 * search succeeds as soon as every required operation is linearized.
 *
 * One pruning beyond WGL: a read-only operation that reaches the scan, is legal in the current state and leaves it
 * unchanged is linearized without branching ("forced"). Reaching the scan means every unlinearized operation returns after it
 * was invoked, so in any linearization that places it later it can be moved to now: it leaves the state unchanged,
 * and nothing in between had to precede it. So if nothing completes the history after a forced read, nothing
 * completes it without the read either, and backtracking skips the alternatives at that level.
 *
 * Costs: every list entry visited is a step, and so is every word of a cache key built or compared, every word
 * scanned to move a set's frontier and the model's own `work` on a state (the members of a nondeterministic
 * model's set of states), so a step limit bounds all the work of the search. Besides steps, the search
 * estimates the bytes it holds from counts (`bytes`), for a deterministic memory limit.
 */
import { ConfigurationCache } from './cache.js';
import { buildEntryList, lift, unlift, type EntryList } from './entry-list.js';
import { LinearizedSet } from './linearized-set.js';
import type { Model } from './model.js';
import type { Operation } from './operations.js';

/** How a search ended. For `violation`: the deepest linearization reached and the operation that blocked it. */
export type SearchEnd<S> =
  | { readonly kind: 'linearizable'; readonly order: readonly number[] }
  | { readonly kind: 'violation'; readonly prefix: readonly number[]; readonly stateAfterPrefix: S; readonly blocked: number }
  | { readonly kind: 'stopped'; readonly limit: 'cache entries' | 'memory' };

/** Bytes per operation of the search's own arrays (entry list, stacks, sets, flags), for `bytes`. */
export const SEARCH_BYTES_PER_OPERATION = 64;

/** Limits of one `run` of a search. */
export interface RunLimits {
  /** Steps this run may take (it stops, resumable, when they are spent). */
  readonly steps: number;
  /** The search stops with `stopped` once its cache holds this many configurations. */
  readonly cacheEntriesMax: number;
  /** The search stops with `stopped` rather than let its estimated `bytes` pass this. */
  readonly bytesMax: number;
}

/** A WGL search over `ops` (indices into `ops` in its answers), run by `run(limits)` slices. */
export class LinearizationSearch<S> {
  /** Steps taken so far. */
  steps = 0;
  private readonly list: EntryList;
  private readonly required: Uint8Array;
  private readonly readOnly: Uint8Array;
  private requiredLeft = 0;
  private readonly linearized: LinearizedSet;
  private readonly cache: ConfigurationCache<S>;
  private readonly stackOps: Int32Array;
  private readonly stackForced: Uint8Array;
  private readonly stackStates: S[];
  private depth = 0;
  private state: S;
  private entry: number;
  // For the explanation: the deepest stack seen, and the operation whose return stopped it.
  private bestDepth = 0;
  /** bestOps[0..bestDepth) is the deepest stack seen; its first `bestShared` entries are still on the stack. */
  private readonly bestOps: Int32Array;
  private bestShared = 0;
  private bestState: S;
  private blocked = -1;

  constructor(
    private readonly ops: readonly Operation[],
    private readonly model: Model<S>,
  ) {
    const n = ops.length;
    this.list = buildEntryList(ops);
    this.required = new Uint8Array(n);
    this.readOnly = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const op = ops[i] as Operation;
      if (model.readOnly(op.input)) this.readOnly[i] = 1;
      if (op.output.kind === 'ok') {
        this.required[i] = 1;
        this.requiredLeft++;
      }
    }
    this.linearized = new LinearizedSet(this.required);
    this.bestOps = new Int32Array(n);
    this.cache = new ConfigurationCache<S>(model.equal, model.hash);
    this.stackOps = new Int32Array(n);
    this.stackForced = new Uint8Array(n);
    this.stackStates = new Array<S>(n);
    this.state = model.init();
    this.bestState = this.state;
    this.entry = this.list.next[this.list.head] as number;
  }

  /** Memoised configurations held. */
  get cacheEntries(): number {
    return this.cache.size;
  }

  /** Estimated bytes held: the cache and the search's own arrays (model states count as one reference each). */
  get bytes(): number {
    return this.cache.bytes + SEARCH_BYTES_PER_OPERATION * this.ops.length;
  }

  /**
   * Runs at most `limits.steps` more steps; returns how the search ended, or `undefined` when the steps ran out
   * first (call again to resume).
   */
  run(limits: RunLimits): SearchEnd<S> | undefined {
    const { list, ops, model, linearized, cache, stackOps, stackForced, stackStates, required, readOnly } = this;
    const { next, head } = list;
    const work = model.work === undefined ? undefined : model.work.bind(model);
    const stepsEnd = this.steps + limits.steps;
    let { depth, state, entry, steps } = this;
    try {
      for (;;) {
        if (this.requiredLeft === 0) return { kind: 'linearizable', order: Array.from(stackOps.subarray(0, depth)) };
        if (steps >= stepsEnd) return undefined;
        if (cache.size >= limits.cacheEntriesMax) return { kind: 'stopped', limit: 'cache entries' };
        steps++;
        if (entry === head) throw new Error('LinearizationSearch: reached the end of the list with required operations left');
        const op = entry >> 1;
        if ((entry & 1) === 0) {
          const { input, output } = ops[op] as Operation;
          const result = model.step(state, input, output);
          if (work !== undefined) steps += work(state);
          if (!result.ok) {
            entry = next[entry] as number;
            continue;
          }
          // Forced only when the step left the state as it was: a nondeterministic model's read may narrow its set
          // of possible states, and moving such a read earlier could drop states a later placement needs.
          const forced = readOnly[op] === 1 && (result.next === state || model.equal(result.next, state));
          const scanned = linearized.wordsScanned;
          linearized.add(op);
          if (this.bytes + ConfigurationCache.entryBytes(linearized.sets) > limits.bytesMax) {
            linearized.remove(op);
            return { kind: 'stopped', limit: 'memory' };
          }
          const fresh = cache.addIfAbsent(linearized.hash, linearized.sets, result.next);
          steps += linearized.keyWords + linearized.wordsScanned - scanned;
          if (fresh) {
            stackForced[depth] = forced ? 1 : 0;
            stackOps[depth] = op;
            stackStates[depth] = state;
            depth++;
            state = result.next;
            lift(list, op);
            this.requiredLeft -= required[op] as number;
            if (depth > this.bestDepth) this.recordBest(depth, state);
            entry = next[head] as number;
            continue;
          }
          linearized.remove(op);
          if (!forced) {
            entry = next[entry] as number;
            continue;
          }
          // A forced read whose configuration was already explored: this configuration fails too.
        } else if (depth === this.bestDepth && this.blocked === -1) {
          this.blocked = op; // a return entry: `op` should have been linearized by now
        }
        // Backtrack: undo the last choice and try the next call after it; undo forced reads and keep going.
        let undone = -1;
        do {
          if (depth === 0) {
            const blocked = this.blocked === -1 ? op : this.blocked;
            const prefix = Array.from(this.bestOps.subarray(0, this.bestDepth));
            return { kind: 'violation', prefix, stateAfterPrefix: this.bestState, blocked };
          }
          depth--;
          if (depth < this.bestShared) this.bestShared = depth;
          undone = stackOps[depth] as number;
          state = stackStates[depth] as S;
          linearized.remove(undone);
          unlift(list, undone);
          this.requiredLeft += required[undone] as number;
        } while (stackForced[depth] === 1);
        entry = next[2 * undone] as number;
      }
    } finally {
      this.depth = depth;
      this.state = state;
      this.entry = entry;
      this.steps = steps;
    }
  }

  /** A new deepest stack: copy what changed since the last one (amortised O(1) per push, not O(depth)). */
  private recordBest(depth: number, state: S): void {
    this.bestOps.set(this.stackOps.subarray(this.bestShared, depth), this.bestShared);
    this.bestShared = depth;
    this.bestDepth = depth;
    this.bestState = state;
    this.blocked = -1;
  }
}
