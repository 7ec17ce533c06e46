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
 * - `havoc`: a few flips at once.
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
export const MUTATIONS = ['suffix', 'flip', 'splice', 'move', 'havoc'] as const;
export type MutationName = (typeof MUTATIONS)[number];

/** A fault-like chance: the choices whose coming true is a fault. */
export function isFaultKind(kind: string): boolean {
  return kind.startsWith('fault:') || kind === 'drop' || kind === 'duplicate';
}

/** Draws one mutant of `parent` (and `other`, for a splice) with `random`. */
export function mutate(parent: CompactSchedule, other: CompactSchedule, random: Random): { name: MutationName; plan: MutantPlan } {
  const length = parent.values.length;
  const kinds: (string | null)[] = Array.from(parent.kindOf, (k) => parent.kinds[k]!);
  const values: number[] = Array.from(parent.values);
  if (length === 0) return { name: 'suffix', plan: { kinds: [], values: [] } };
  const name = MUTATIONS[random.intBelow(MUTATIONS.length)]!;
  const at = random.intBelow(length);
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
    case 'havoc': {
      const flips = 2 + random.intBelow(4);
      for (let f = 0; f < flips; f++) flip(kinds, values, random.intBelow(length));
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
