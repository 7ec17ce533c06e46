/**
 * What the Jepsen checkers (counter, set, set-full, bank, long-fork; see docs/jepsen-checkers.md) share: Jepsen's
 * `:valid?` (true, false or unknown), the pairing of an invoke with its completion, and values written as EDN.
 */
import type { JepsenEvent, JepsenHistory, JepsenValue } from '../../execution/history.js';
import { isJepsenMap } from '../../execution/history.js';

/** Jepsen's `:valid?`: `'unknown'` when the history cannot decide (never read, an illegal history, a limit). */
export type JepsenValid = boolean | 'unknown';

/** The names `dsim check-history --model` takes for these checkers, as elle-cli names them. */
export type JepsenCheckerName = 'counter' | 'set' | 'set-full' | 'bank' | 'long-fork';

export const JEPSEN_CHECKER_NAMES: readonly JepsenCheckerName[] = ['counter', 'set', 'set-full', 'bank', 'long-fork'];

export function isJepsenCheckerName(name: string): name is JepsenCheckerName {
  return (JEPSEN_CHECKER_NAMES as readonly string[]).includes(name);
}

/** Options every checker takes. */
export interface JepsenCheckOptions {
  /** Names the history in input errors (default `history`). */
  readonly source?: string;
}

/**
 * An operation a result points at: its position in the history (Jepsen's `:index`), line, process (-1 for a history
 * without processes), type, and value written as EDN.
 */
export interface OpRef {
  readonly index: number;
  readonly line?: number;
  readonly process: number;
  readonly type: JepsenEvent['type'];
  readonly value: string;
}

export function opRef(history: JepsenHistory, index: number): OpRef {
  const e = history[index] as JepsenEvent;
  return { index, process: e.process, type: e.type, value: valueText(e.value), ...(e.line === undefined ? {} : { line: e.line }) };
}

/** `line 12` when the operation came from a file, else `operation 5` (its 0-based index). */
export function where(op: { readonly index: number; readonly line?: number }): string {
  return op.line === undefined ? `operation ${op.index}` : `line ${op.line}`;
}

/**
 * For each event, the index of its partner: an invoke's completion (the next event of the same process), a
 * completion's invoke; -1 when there is none (an invoke never completed, a completion with no invoke).
 */
export function partners(history: JepsenHistory): Int32Array {
  const partner = new Int32Array(history.length).fill(-1);
  const open = new Map<number, number>();
  history.forEach((e, i) => {
    if (e.type === 'invoke') {
      open.set(e.process, i);
      return;
    }
    const invoke = open.get(e.process);
    if (invoke === undefined) return;
    open.delete(e.process);
    partner[invoke] = i;
    partner[i] = invoke;
  });
  return partner;
}

/** A value written as EDN (`nil`, `3`, `"x"`, `:ok`, `[0 1]`, `{0 10, 1 90}`); equal values are equal texts. */
export function valueText(v: JepsenValue): string {
  if (v === null) return 'nil';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return /^:[^\s,]+$/.test(v) ? v : JSON.stringify(v);
  if (isJepsenMap(v)) return `{${v.entries.map(([k, x]) => `${valueText(k)} ${valueText(x)}`).join(', ')}}`;
  return `[${v.map(valueText).join(' ')}]`;
}

/** Jepsen's sort of elements: numbers by value before everything else, the rest by their text. */
export function compareValues(a: JepsenValue, b: JepsenValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  const x = valueText(a);
  const y = valueText(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The elements of a collection value (a read of a set): a vector, list or set; nil is empty. */
export function elementsOf(v: JepsenValue): readonly JepsenValue[] | undefined {
  if (v === null) return [];
  return Array.isArray(v) ? v : undefined;
}
