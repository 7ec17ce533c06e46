/**
 * Jepsen histories in JSON, as elle-cli reads them: an array of operation objects, or one object per line, with
 * `"process"`, `"type"`, `"f"`, `"value"` (and optionally `"key"`, `"time"`); `"type"` and `"f"` may be written
 * `"invoke"` or `":invoke"`. A `"process"` that is a string (`"nemesis"`) is not a client and its operations are
 * skipped; a missing `"value"` is nil, except in an `ok` read. Objects become maps (a bank read `{"0": 10}`),
 * booleans the keywords `:true`/`:false` as EDN reads them; other fields (`"index"`, `"error"`) are skipped. An
 * operation without `"f"` whose value is a list of micro-ops (Elle's histories) is a `txn`.
 */
import { fail, succeed, type Failable } from '../execution/failable.js';
import type { History, HistoryEvent, HistoryEventType, HistoryValue, JepsenEvent, JepsenHistory, JepsenValue } from '../execution/history.js';
import { isJepsenMap } from '../execution/history.js';

const TYPES: ReadonlySet<string> = new Set(['invoke', 'ok', 'fail', 'info']);

/** Reads a Jepsen JSON history (an array of operations, or one operation object per line). */
export function parseJepsenJson(text: string, source: string): Failable<JepsenHistory> {
  const items: { readonly raw: unknown; readonly line: number }[] = [];
  if (text.trimStart().startsWith('[')) {
    let root: unknown;
    try {
      root = JSON.parse(text);
    } catch (error) {
      return fail({ source, ...jsonErrorAt(text, error), message: `not valid JSON: ${jsonMessage(error)}` });
    }
    if (!Array.isArray(root)) return fail({ source, line: 1, message: 'expected an array of operation objects' });
    const lines = elementLines(text);
    root.forEach((raw, i) => items.push({ raw, line: lines[i] ?? 1 }));
  } else {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const body = (lines[i] as string).trim().replace(/,$/, '');
      if (body === '') continue;
      try {
        items.push({ raw: JSON.parse(body), line: i + 1 });
      } catch (error) {
        return fail({ source, line: i + 1, message: `not valid JSON: ${jsonMessage(error)}; expected one operation object per line` });
      }
    }
  }
  const events: JepsenEvent[] = [];
  for (const { raw, line } of items) {
    const event = jsonEvent(raw, line);
    if (typeof event === 'string') return fail({ source, line, message: event });
    if (event !== undefined) events.push(event);
  }
  return succeed(events);
}

function jsonEvent(raw: unknown, line: number): JepsenEvent | string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'expected an operation object `{"process": 0, "type": "invoke", "f": "read", "value": null}`';
  const e = raw as Record<string, unknown>;
  if (typeof e['process'] === 'string') return undefined; // "nemesis"
  if (!Number.isSafeInteger(e['process']) || (e['process'] as number) < 0) return 'expected "process" to be a non-negative integer';
  const type = typeof e['type'] === 'string' ? (e['type'] as string).replace(/^:/, '') : '';
  if (!TYPES.has(type)) return 'expected "type" to be "invoke", "ok", "fail" or "info"';
  // Elle's histories may leave out "f": an operation whose value is a list of micro-ops is a transaction.
  const txn = e['f'] === undefined && Array.isArray(e['value']) && (e['value'] as unknown[]).every(Array.isArray);
  const f = txn ? 'txn' : typeof e['f'] === 'string' ? (e['f'] as string).replace(/^:/, '') : '';
  if (f === '') return 'expected "f" to be a non-empty string such as "read"';
  if (!('value' in e) && type === 'ok' && (f === 'read' || f === 'get')) return `missing "value" in an ok ${f}`;
  const value = 'value' in e ? jepsenValue(e['value']) : null;
  if (value === undefined) return 'expected "value" to hold only null, numbers, strings, booleans, arrays and objects';
  const key = e['key'];
  if (key !== undefined && key !== null && typeof key !== 'string' && typeof key !== 'number') return 'expected "key" to be a string or an integer';
  const time = e['time'];
  return {
    process: e['process'] as number,
    type: type as HistoryEventType,
    f,
    value,
    line,
    ...(key === undefined || key === null ? {} : { key: String(key) }),
    ...(Number.isSafeInteger(time) ? { timeNanos: time as number } : {}),
  };
}

function jepsenValue(v: unknown): JepsenValue | undefined {
  if (v === null || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return `:${v}`;
  if (Array.isArray(v)) {
    const items: JepsenValue[] = [];
    for (const x of v) {
      const item = jepsenValue(x);
      if (item === undefined) return undefined;
      items.push(item);
    }
    return items;
  }
  if (typeof v !== 'object') return undefined;
  const entries: (readonly [JepsenValue, JepsenValue])[] = [];
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const item = jepsenValue(x);
    if (item === undefined) return undefined;
    entries.push([k, item]);
  }
  return { entries };
}

/**
 * The history for dsim's linearizability checker, which has no map values: a map in a value is an error naming
 * its line.
 */
export function plainHistory(history: JepsenHistory, source: string): Failable<History> {
  const events: HistoryEvent[] = [];
  for (const e of history) {
    if (hasMap(e.value)) return fail({ source, ...(e.line === undefined ? {} : { line: e.line }), message: 'a map is not a value of a register, key-value or collection history' });
    const { timeNanos: _time, ...rest } = e;
    events.push({ ...rest, value: e.value as HistoryValue });
  }
  return succeed(events);
}

function hasMap(v: JepsenValue): boolean {
  if (isJepsenMap(v)) return true;
  return Array.isArray(v) && v.some(hasMap);
}

/** The 1-based line of each element of a top-level JSON array (a light scan of text that is valid JSON). */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let expect = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') line++;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    if (depth === 1 && expect && c !== ']') lines.push(line);
    expect = false;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expect = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expect = true;
  }
  return lines;
}

function jsonMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}

/** Line and column of a JSON.parse error, from the position V8 names in its message. */
function jsonErrorAt(text: string, error: unknown): { line?: number; column?: number } {
  const position = /position (\d+)/.exec(jsonMessage(error))?.[1];
  if (position === undefined) return {};
  const before = text.slice(0, Number(position)).split('\n');
  return { line: before.length, column: (before[before.length - 1] as string).length + 1 };
}
