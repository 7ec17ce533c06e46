/**
 * Every nondeterministic decision goes through the chooser, which records it. Fresh runs draw from the seed;
 * replays read the recorded schedule. A decision whose outcome is forced (a range of one value, a ratio of 0 or 1)
 * is not a choice and is not recorded, so fresh runs and replays agree on which decisions are choices.
 *
 * Replay is positional. When the schedule has run out, or its next entry has another kind or a value that no longer
 * fits, the chooser uses the documented default (and consumes the entry): `min` for ranges (minimal delay, first
 * option), `false` for chances (no drop, no duplicate, no fault). So an edited schedule always runs.
 */
import type { Choice } from './outcome.js';
import type { Random } from './random.js';
import type { Ratio } from './plan.js';

export class Chooser {
  private readonly kinds: string[] = [];
  private readonly values: number[] = [];
  private position = 0;
  /** Replay entries that did not fit and were replaced by defaults. */
  fallbackCount = 0;

  /** Fresh when `replay` is undefined (draws from `random`), replaying otherwise. */
  constructor(
    private readonly random: Random | undefined,
    private readonly replay: readonly Choice[] | undefined,
  ) {
    if (random === undefined && replay === undefined) throw new Error('chooser needs a generator or a schedule');
  }

  /** A recorded integer in the inclusive range `[min, max]`; default `min`. */
  intRange(kind: string, min: number, max: number): number {
    if (max <= min) return min;
    const value = this.replay === undefined ? this.random!.intRange(min, max) : this.replayed(kind, min, max, min);
    this.kinds.push(kind);
    this.values.push(value);
    return value;
  }

  /** A recorded event of probability `ratio`; default false. */
  chance(kind: string, ratio: Ratio): boolean {
    if (ratio[0] <= 0) return false;
    if (ratio[0] >= ratio[1]) return true;
    const value = this.replay === undefined ? (this.random!.chanceOf(ratio) ? 1 : 0) : this.replayed(kind, 0, 1, 0);
    this.kinds.push(kind);
    this.values.push(value);
    return value === 1;
  }

  private replayed(kind: string, min: number, max: number, fallback: number): number {
    const entry = this.replay![this.position];
    if (entry === undefined) {
      this.fallbackCount++;
      return fallback;
    }
    this.position++;
    if (entry.kind !== kind || !Number.isInteger(entry.value) || entry.value < min || entry.value > max) {
      this.fallbackCount++;
      return fallback;
    }
    return entry.value;
  }

  /** Number of choices made so far. */
  get count(): number {
    return this.values.length;
  }

  /** The schedule: every choice made, in order. Equal choices share one frozen object. */
  schedule(): Choice[] {
    const interned = new Map<string, Choice[]>();
    const out: Choice[] = new Array(this.values.length);
    for (let i = 0; i < out.length; i++) {
      const kind = this.kinds[i]!;
      const value = this.values[i]!;
      let byValue = interned.get(kind);
      if (byValue === undefined) interned.set(kind, (byValue = []));
      const small = value >= 0 && value < 1024;
      out[i] = (small ? byValue[value] : undefined) ?? Object.freeze({ kind, value });
      if (small) byValue[value] = out[i]!;
    }
    return out;
  }
}
