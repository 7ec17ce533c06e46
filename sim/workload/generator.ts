/**
 * The workload's generator: draws each operation (which kind, which key, which value) and each gap as recorded
 * choices (`workload:*` kinds). Weights are integers: a draw in `[0, Σ weights)` picks the operation whose slice of
 * the sum holds it, so the default draw (0) is the first operation, the first key and the shortest gap.
 */
import type { HistoryValue } from '../../execution/history.js';
import type { Chooser } from '../chooser.js';
import type { Operation } from '../process.js';
import type { ValueDraw, ValueSource, Workload } from './types.js';

export class WorkloadGenerator {
  private uniqueNext = 1;
  private readonly weights: readonly number[];
  private readonly weightTotal: number;
  private readonly keys: readonly string[] | undefined;

  constructor(
    private readonly workload: Workload,
    private readonly chooser: Chooser,
  ) {
    this.weights = workload.operations.map((op) => op.weight ?? 1);
    this.weightTotal = this.weights.reduce((a, b) => a + b, 0);
    this.keys = workload.keys;
  }

  /** The next operation of the mix. */
  next(): Operation {
    const ops = this.workload.operations;
    let r = this.chooser.intRange('workload:op', 0, this.weightTotal - 1);
    let i = 0;
    while (r >= this.weights[i]!) r -= this.weights[i++]!;
    const spec = ops[i]!;
    const key = this.key();
    const value = this.value(spec.value, key);
    return key === undefined ? { f: spec.f, value } : { f: spec.f, key, value };
  }

  /** Ticks to a client's next invoke. */
  gap(): number {
    const min = this.workload.gapTicks ?? 1;
    return this.chooser.intRange('workload:gap', min, this.workload.gapTicksMax ?? min);
  }

  private key(): string | undefined {
    const keys = this.keys;
    if (keys === undefined) return undefined;
    const k = keys.length;
    if (this.workload.keyDistribution !== 'hot' || k < 2) return keys[this.chooser.intRange('workload:key', 0, k - 1)];
    // hot: key 0 weighs k - 1, every other key 1 (integer weights, Σ = 2(k - 1))
    const r = this.chooser.intRange('workload:key', 0, 2 * (k - 1) - 1);
    return keys[r < k - 1 ? 0 : r - (k - 1) + 1];
  }

  private value(source: ValueSource | undefined, key: string | undefined): HistoryValue {
    if (source === undefined) return null;
    if (source === 'unique') return this.uniqueNext++;
    if (typeof source === 'function') return source(this.draw(key));
    if ('constant' in source) return source.constant;
    return this.chooser.intRange('workload:value', source.uniform[0], source.uniform[1]);
  }

  private draw(key: string | undefined): ValueDraw {
    return {
      unique: () => this.uniqueNext++,
      int: (min, max) => this.chooser.intRange('workload:value', min, max),
      key,
    };
  }
}
