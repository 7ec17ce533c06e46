/**
 * Jepsen/Knossos EDN histories (formats/edn.ts reads the EDN): operation maps, one per line, spread over lines, or
 * the whole history as one vector or list. `parseJepsenEdn` gives dsim's `History` (no map values);
 * `parseJepsenEdnOps` keeps maps and `:time` for Jepsen's own checkers (properties/jepsen-checkers/).
 */
import { fail, succeed, type Failable } from '../execution/failable.js';
import type { History, HistoryEventType, JepsenEvent, JepsenHistory, JepsenValue } from '../execution/history.js';
import { ednText, readEdn, type EdnValue } from './edn.js';

const TYPES: ReadonlySet<string> = new Set(['invoke', 'ok', 'fail', 'info']);

/**
 * One EDN value as a history value: nil → null, keywords (and booleans) → `":name"` strings, vectors, lists and sets
 * → arrays, a tagged literal → its value (with a note). A map is a value only for Jepsen's checkers (`maps`).
 */
export function historyValue(v: EdnValue, notes: Set<string>, maps = false): JepsenValue | NotAValue {
  switch (v.kind) {
    case 'nil':
      return null;
    case 'number':
    case 'string':
      return v.value;
    case 'char':
      return v.value;
    case 'boolean':
      return `:${v.value}`;
    case 'keyword':
      return `:${v.name}`;
    case 'symbol':
      return { error: `expected nil, an integer, a string, a keyword or a collection, found the symbol \`${v.name}\`` };
    case 'tagged':
      notes.add(`the tag #${v.tag} was read as the value it tags`);
      return historyValue(v.value, notes, maps);
    case 'map': {
      if (!maps) return { error: `a map is not a history value, found \`${ednText(v).slice(0, 40)}\`` };
      const entries: (readonly [JepsenValue, JepsenValue])[] = [];
      for (const [k, x] of v.entries) {
        const key = historyValue(k, notes, maps);
        const value = historyValue(x, notes, maps);
        if (isNotAValue(key)) return key;
        if (isNotAValue(value)) return value;
        entries.push([key, value]);
      }
      return { entries };
    }
    default: {
      const items: JepsenValue[] = [];
      for (const item of v.items) {
        const x = historyValue(item, notes, maps);
        if (isNotAValue(x)) return x;
        items.push(x);
      }
      return items;
    }
  }
}

/** Why an EDN value is not a history value. */
export interface NotAValue {
  readonly error: string;
}

export function isNotAValue(x: JepsenValue | NotAValue): x is NotAValue {
  return typeof x === 'object' && x !== null && 'error' in x;
}

/**
 * Reads a Jepsen/Knossos EDN history in any of its shapes: one operation map per line, maps spread over several
 * lines, or the whole history as one vector `[...]` or list `(...)` of maps; `;` comments, commas, sets and tagged
 * literals (read as the value they tag) anywhere. Operations of a keyword process (`:nemesis`) are skipped.
 */
export function parseJepsenEdn(text: string, source: string): Failable<History> {
  return readJepsenEdn(text, source, false) as Failable<History>;
}

/** `parseJepsenEdn` for Jepsen's own checkers: map values (bank reads and transfers) and `:time` are kept. */
export function parseJepsenEdnOps(text: string, source: string): Failable<JepsenHistory> {
  return readJepsenEdn(text, source, true);
}

function readJepsenEdn(text: string, source: string, maps: boolean): Failable<JepsenHistory> {
  const read = readEdn(text, source);
  if (!read.ok) return read;
  const top = read.value;
  const ops = top.length === 1 && (top[0]!.kind === 'vector' || top[0]!.kind === 'list') ? top[0]!.items : top;
  const events: JepsenEvent[] = [];
  const notes = new Set<string>();
  for (const op of ops) {
    const { line, column } = op.at;
    if (op.kind !== 'map') return fail({ source, line, column, message: `expected an operation map \`{:process P, :type :invoke, :f :read, :value V}\`, found \`${ednText(op).slice(0, 40)}\`` });
    const event = ednEvent(op, notes, maps);
    if (typeof event === 'string') return fail({ source, line, column, message: event });
    if (event !== undefined) events.push(event);
  }
  return succeed(events);
}

function ednEvent(op: Extract<EdnValue, { kind: 'map' }>, notes: Set<string>, maps: boolean): JepsenEvent | string | undefined {
  const map = new Map<string, JepsenValue>();
  for (const [k, v] of op.entries) {
    if (k.kind !== 'keyword') return `expected keyword keys such as :process, found \`${ednText(k).slice(0, 40)}\``;
    if (!OP_KEYS.has(k.name)) continue; // :error, :index and the like say nothing a checker reads
    const value = historyValue(v, notes, maps);
    if (isNotAValue(value)) return `bad value of :${k.name}: ${value.error}`;
    map.set(k.name, value);
  }
  // Jepsen's checkers read a history without processes (a long-fork history) as Jepsen does: all of nil's, -1 here.
  const process = maps && !map.has('process') ? -1 : map.get('process');
  if (typeof process === 'string') return undefined; // :nemesis
  if (typeof process !== 'number' || !Number.isInteger(process) || (process < 0 && !(maps && process === -1 && !map.has('process')))) return 'expected :process to be a non-negative integer';
  const type = map.get('type');
  if (typeof type !== 'string' || !TYPES.has(type.slice(1))) return 'expected :type to be :invoke, :ok, :fail or :info';
  const f = map.get('f');
  if (typeof f !== 'string') return 'expected :f to be a keyword such as :read';
  // Jepsen leaves :value out of invokes of reads (and of mutex operations): nil, as Jepsen reads it; but an :ok
  // read without one says nothing about what was read.
  if (!map.has('value') && type === ':ok' && (f === ':read' || f === ':get')) return `missing :value in an :ok ${f}`;
  const key = map.get('key');
  if (key !== undefined && key !== null && typeof key !== 'string' && typeof key !== 'number') return 'expected :key to be a string or an integer';
  const time = map.get('time');
  const base = {
    process,
    type: type.slice(1) as HistoryEventType,
    f: f.startsWith(':') ? f.slice(1) : f,
    value: map.get('value') ?? null,
    line: op.at.line,
    ...(maps && typeof time === 'number' && Number.isSafeInteger(time) ? { timeNanos: time } : {}),
  };
  return key === undefined || key === null ? base : { ...base, key: String(key) };
}

/** The keys of an operation map that are read; the others (`:index`, `:error`, `:op-index`, ...) are skipped. */
const OP_KEYS: ReadonlySet<string> = new Set(['process', 'type', 'f', 'value', 'key', 'time']);
