/**
 * Jepsen's `jepsen.independent` histories: every client operation's value is a tuple `[k v]` (on the invoke as on
 * the completion), `k` an integer or a string naming an independent key and `v` the value the model usually takes.
 * Such a history is split per key, and each key's sub-history (values unwrapped) is checked as a history of its own.
 *
 * Whether a history is one is explicit (`true`: it must be; `false`: it is read as it stands) or judged (`'auto'`)
 * by this rule, so that a `:cas` history whose values are `[old new]` pairs is never taken for one:
 * - every client event's value is a two-element vector whose first element is an integer or a string, and
 * - read as it stands, the history does not fit the model (`buildOperations` rejects it).
 * When both readings fit (a history of `:cas` pairs only, say) it is read as it stands; when neither does, the
 * errors are those of the per-key reading, which name the key.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { History, HistoryEvent, HistoryValue } from '../../execution/history.js';
import type { Model } from './model.js';
import { buildOperations } from './operations.js';
import { ModelError } from './user-model.js';

/** An independent key: an integer or a string, as Jepsen writes it. */
export type IndependentKey = number | string;

/** `true`: the history must be independent; `false`: never unpacked; `'auto'`: the rule above. */
export type IndependentMode = boolean | 'auto';

/** One key's sub-history. */
export interface KeyHistory {
  readonly key: IndependentKey;
  readonly history: History;
}

/** Keys in a fixed order: integers ascending, then strings by code unit. */
export function compareKeys(a: IndependentKey, b: IndependentKey): number {
  if (typeof a === 'number') return typeof b === 'number' ? a - b : -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The key as printed: `3`, `"a"`. */
export function keyLabel(key: IndependentKey): string {
  return typeof key === 'number' ? String(key) : JSON.stringify(key);
}

function isTuple(value: HistoryValue): value is readonly [IndependentKey, HistoryValue] {
  if (!Array.isArray(value) || value.length !== 2) return false;
  const key = value[0] as HistoryValue;
  return typeof key === 'string' || (typeof key === 'number' && Number.isSafeInteger(key));
}

/** The event of `history` whose value is not a `[k v]` tuple, or -1. */
function firstNonTuple(history: History): number {
  return history.findIndex((event) => !isTuple(event.value));
}

/**
 * Splits an independent history per key, keys in `compareKeys` order, each sub-history in the history's order with
 * its events' lines. An event whose value is no `[k v]` tuple is an error naming it.
 */
export function splitIndependent(history: History, source: string): Failable<KeyHistory[]> {
  const bad = firstNonTuple(history);
  if (bad !== -1) {
    const event = history[bad] as HistoryEvent;
    const message = `expected every operation's value to be an independent tuple [key value] (key an integer or a string), found ${JSON.stringify(event.value)}`;
    return fail(event.line === undefined ? { source, message: `event ${bad + 1}: ${message}` } : { source, line: event.line, message });
  }
  const byKey = new Map<IndependentKey, HistoryEvent[]>();
  for (const event of history) {
    const [key, value] = event.value as readonly [IndependentKey, HistoryValue];
    const events = byKey.get(key) ?? [];
    if (events.length === 0) byKey.set(key, events);
    events.push({ ...event, value });
  }
  const keys = [...byKey.keys()].sort(compareKeys);
  return succeed(keys.map((key) => ({ key, history: byKey.get(key) as HistoryEvent[] })));
}

/**
 * The history as checked: one part (no key) when it is read as it stands, or one per key. `mode` as above; with
 * `true`, a value that is no tuple is an error.
 */
export function independentParts(history: History, model: Model<unknown>, mode: IndependentMode, source: string): Failable<KeyHistory[] | undefined> {
  if (mode === false) return succeed(undefined);
  if (mode === true) return splitIndependent(history, source);
  if (history.length === 0 || firstNonTuple(history) !== -1) return succeed(undefined);
  if (fitsModel(history, model, source)) return succeed(undefined);
  return splitIndependent(history, source);
}

/** Whether the model takes every operation of `history` (a user's model that throws does not). */
function fitsModel(history: History, model: Model<unknown>, source: string): boolean {
  try {
    return buildOperations(history, model, source).ok;
  } catch (error) {
    if (error instanceof ModelError) return false;
    throw error;
  }
}
