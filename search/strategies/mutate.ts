/**
 * Mutating a run by editing its choices, as a coverage campaign does (and as AFL does to bytes, or Hypothesis to
 * its choice sequence). A mutant is a parent's schedule with an edit; the mutant run takes the edited values
 * position by position while each still fits (same kind, value in range) and draws from its own seed from the first
 * position past the edited list, or where a value no longer fits. Edits:
 * - `suffix`: keep the first `at` choices, re-draw the rest;
 * - `flip`: one choice takes another value (a fault that did not happen now happens, a delay changes);
 * - `splice`: the first `at` choices of one run, then another run's choices from `at` on;
 * - `move`: a fault (a chance of kind `fault:*`, `drop` or `duplicate` that came true) moves to a nearby choice of
 *   the same kind;
 * - `havoc`: a few flips at once;
 * - `fault`: a fault chance at one of the fault steps turns (a crash, partition, loss or duplicate that did not happen
 *   now happens, or one that did does not): most choices are delays, so a flip at a random position seldom lands on
 *   a fault, and most hard bugs need one at the right moment.
 */
import type { ChoiceDecider } from '../../sim/decider.js';
import type { Ratio } from '../../sim/plan.js';
import type { Random } from '../../sim/random.js';

/** A schedule in compact form: a kind table, each choice's kind index, and its value. */
export interface CompactSchedule {
  readonly kinds: readonly string[];
  readonly kindOf: Uint16Array;
  readonly values: Int32Array;
}

/** Packs a schedule (a list of `{kind, value}`). */
export function compactSchedule(schedule: readonly { readonly kind: string; readonly value: number }[]): CompactSchedule {
  const kinds: string[] = [];
  const index = new Map<string, number>();
  const kindOf = new Uint16Array(schedule.length);
  const values = new Int32Array(schedule.length);
  for (let i = 0; i < schedule.length; i++) {
    const c = schedule[i]!;
    let k = index.get(c.kind);
    if (k === undefined) {
      k = kinds.length;
      kinds.push(c.kind);
      index.set(c.kind, k);
    }
    kindOf[i] = k;
    values[i] = c.value;
  }
  return { kinds, kindOf, values };
}

/** Unpacks a compact schedule into the list of choices a replay takes. */
export function expandSchedule(c: CompactSchedule): { kind: string; value: number }[] {
  return Array.from(c.values, (value, i) => ({ kind: c.kinds[c.kindOf[i]!]!, value }));
}

/** The choices a mutant run is asked to take: `kinds[i]`, `values[i]` for position i (`null`: draw). */
export interface MutantPlan {
  readonly kinds: readonly (string | null)[];
  readonly values: readonly number[];
}

/** The mutation operators, in the order a campaign draws them. */
export const MUTATIONS = ['suffix', 'flip', 'splice', 'move', 'havoc', 'fault'] as const;
export type MutationName = (typeof MUTATIONS)[number];

/** The chances whose coming true is a fault (sim/faults.ts, sim/simulator.ts): yes/no choices, 1 when it happens. */
const FAULT_CHANCES: ReadonlySet<string> = new Set([
  'fault:crash',
  'fault:pause',
  'fault:restart',
  'fault:resume',
  'fault:partition',
  'fault:heal',
  'fault:clog',
  'fault:unclog',
  'drop',
  'duplicate',
]);

/** A fault-like chance: a yes/no choice whose coming true is a fault. */
export function isFaultKind(kind: string): boolean {
  return FAULT_CHANCES.has(kind);
}

/**
 * Draws one mutant of `parent` (and `other`, for a splice) with `random`. `focus` is the position of the parent's
 * first choice after the point where it reached its new coverage. An edit falls anywhere in one case of four, after
 * the focus in one (the mutant keeps the prefix that got there and explores on from it, as AFL works a new path's
 * tail), and near it, on either side, in two (what led to the new coverage is where a bug's next step often is).
 */
export function mutate(parent: CompactSchedule, other: CompactSchedule, random: Random, focus = 0): { name: MutationName; plan: MutantPlan } {
  const length = parent.values.length;
  const kinds: (string | null)[] = Array.from(parent.kindOf, (k) => parent.kinds[k]!);
  const values: number[] = Array.from(parent.values);
  if (length === 0) return { name: 'suffix', plan: { kinds: [], values: [] } };
  const name = MUTATIONS[random.intBelow(MUTATIONS.length)]!;
  const from = Math.min(Math.max(0, focus), length - 1);
  const position = (): number => {
    const where = random.intBelow(4);
    if (where === 0) return random.intBelow(length);
    if (where === 1) return from + random.intBelow(length - from);
    // Near the focus, on either side: what led to the new coverage, and what follows it.
    const spread = 1 + (length >> (1 + random.intBelow(5)));
    const offset = random.intBelow(2 * spread + 1) - spread;
    return Math.min(length - 1, Math.max(0, from + offset));
  };
  const at = position();
  switch (name) {
    case 'suffix':
      kinds.length = at;
      values.length = at;
      break;
    case 'flip':
      flip(kinds, values, at);
      break;
    case 'splice': {
      kinds.length = at;
      values.length = at;
      for (let i = at; i < other.values.length; i++) {
        kinds.push(other.kinds[other.kindOf[i]!]!);
        values.push(other.values[i]!);
      }
      break;
    }
    case 'move':
      move(kinds, values, at, random);
      break;
    case 'fault': {
      // A kind of fault first (crash, partition, loss, ...), then 1 to 3 of its chances, mostly past the focus: a
      // run has many more loss and duplicate chances than crash chances, and a bug needs the right kind.
      const byKind = new Map<string, number[]>();
      for (let i = 0; i < length; i++) {
        const kind = kinds[i];
        if (kind === null || kind === undefined || !isFaultKind(kind)) continue;
        let at = byKind.get(kind);
        if (at === undefined) byKind.set(kind, (at = []));
        at.push(i);
      }
      const present = [...byKind.keys()].sort();
      if (present.length === 0) break;
      const positions = byKind.get(present[random.intBelow(present.length)]!)!;
      const after = positions.filter((i) => i >= from);
      const pool = after.length > 0 && random.intBelow(4) !== 0 ? after : positions;
      const count = 1 + random.intBelow(3);
      for (let k = 0; k < count; k++) {
        const i = pool[random.intBelow(pool.length)]!;
        values[i] = values[i] === 1 ? 0 : 1;
      }
      break;
    }
    case 'havoc': {
      const flips = 2 + random.intBelow(4);
      for (let f = 0; f < flips; f++) flip(kinds, values, position());
      break;
    }
  }
  return { name, plan: { kinds, values } };
}

/** Position `at` takes another value: a chance its opposite, a range a fresh draw (marked `null` kind: draw). */
function flip(kinds: (string | null)[], values: number[], at: number): void {
  const kind = kinds[at];
  if (kind === null || kind === undefined) return;
  if (isFaultKind(kind) || kind === 'fault:split-side') {
    values[at] = values[at] === 1 ? 0 : 1;
    return;
  }
  // Another value of a range: the mutant draws it (the range is known only when the run gets there).
  kinds[at] = null;
}

/** A fault that came true at or after `at` moves to another choice of its kind within 64 positions either side. */
function move(kinds: (string | null)[], values: number[], at: number, random: Random): void {
  let from = -1;
  for (let i = 0; i < kinds.length; i++) {
    const j = (at + i) % kinds.length;
    if (values[j] === 1 && kinds[j] !== null && isFaultKind(kinds[j]!)) {
      from = j;
      break;
    }
  }
  if (from < 0) return flip(kinds, values, at);
  const kind = kinds[from]!;
  const near: number[] = [];
  for (let j = Math.max(0, from - 64); j < Math.min(kinds.length, from + 65); j++) {
    if (j !== from && kinds[j] === kind && values[j] === 0) near.push(j);
  }
  if (near.length === 0) return;
  values[from] = 0;
  values[near[random.intBelow(near.length)]!] = 1;
}

/**
 * Decides a mutant run: position i takes `plan.values[i]` when the run's i-th choice has `plan.kinds[i]` and the
 * value fits; anything else is drawn from the run's seed.
 */
export class MutantDecider implements ChoiceDecider {
  private position = 0;

  constructor(private readonly plan: MutantPlan) {}

  intRange(kind: string, min: number, max: number): number | undefined {
    const v = this.take(kind);
    return v !== undefined && v >= min && v <= max ? v : undefined;
  }

  chance(kind: string, _ratio: Ratio): boolean | undefined {
    const v = this.take(kind);
    return v === 0 || v === 1 ? v === 1 : undefined;
  }

  private take(kind: string): number | undefined {
    const i = this.position++;
    return this.plan.kinds[i] === kind ? this.plan.values[i] : undefined;
  }
}

/**
 * Wraps a coverage run's decider (or none, for a fresh run) and notes the tick at which each choice was made, so the
 * corpus can find the choice position where a run reached its new coverage. Choices of a fault step carry the tick of
 * the event before it (a fault step tells the decider nothing), which keeps the ticks in order.
 */
export class TickingDecider implements ChoiceDecider {
  readonly ticks: number[] = [];
  private nowTicks = 0;

  constructor(private readonly inner: ChoiceDecider | undefined) {}

  onEvent(node: number, nowTicks: number, from: number): void {
    this.nowTicks = nowTicks;
    this.inner?.onEvent?.(node, nowTicks, from);
  }

  onSend(from: number, to: number, nowTicks: number): void {
    this.nowTicks = nowTicks;
    this.inner?.onSend?.(from, to, nowTicks);
  }

  intRange(kind: string, min: number, max: number): number | undefined {
    this.ticks.push(this.nowTicks);
    return this.inner?.intRange(kind, min, max);
  }

  chance(kind: string, ratio: Ratio): boolean | undefined {
    this.ticks.push(this.nowTicks);
    return this.inner?.chance(kind, ratio);
  }
}

/** The first position whose tick is at least `tick` (ticks ascending); the length when none is. */
export function firstPositionAt(ticks: ArrayLike<number>, tick: number): number {
  let lo = 0;
  let hi = ticks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ticks[mid]! < tick) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
