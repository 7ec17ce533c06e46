/**
 * Readers of client histories, each returning `Failable<History>` with the line of any malformed line:
 * - Jepsen's etcd log lines: `INFO  jepsen.util - 3\t:invoke\t:read\tnil` (process, type, f, value; values are
 *   nil, integers, `[a b]` vectors or keywords such as `:timed-out`; fields separated by tabs or spaces);
 * - Jepsen/Knossos EDN: maps such as `{:process 0, :type :invoke, :f :append, :key "0", :value "x 0 0 y"}`, one per
 *   line, spread over lines, or the whole history as one vector or list (formats/edn.ts reads the EDN);
 * - dsim's own JSON: `{"format": "dsim-history", "version": 1, "history": [HistoryEvent, ...]}`.
 * Lines whose process is a keyword (`:nemesis`) are not client operations and are skipped.
 */
import { fail, succeed, type Failable } from '../execution/failable.js';
import type { History, HistoryEvent, HistoryEventType, HistoryValue, JepsenEvent, JepsenHistory, JepsenValue } from '../execution/history.js';
import { parseDsimHistory } from '../properties/linearizability/dsim-history.js';
import { ednText, readEdn, type EdnValue } from './edn.js';
import { parseJepsenJson, plainHistory } from './jepsen-json.js';

export type HistoryFormat = 'jepsen-log' | 'jepsen-edn' | 'jepsen-json' | 'dsim-json';

const TYPES: ReadonlySet<string> = new Set(['invoke', 'ok', 'fail', 'info']);

/** The format of `text` judged from its first non-blank line, or `undefined` when none fits. */
export function detectHistoryFormat(text: string): HistoryFormat | undefined {
  const first = text.split('\n').find((line) => line.trim() !== '' && !line.trim().startsWith(';'))?.trim();
  if (first === undefined) return undefined;
  const json = jsonShape(text);
  if (json !== undefined) return json;
  if (/^\{\s*"/.test(first) || first === '{') return 'dsim-json';
  if (/^(\{\s*:|[[(]\s*(\{|$|;))/.test(first)) return 'jepsen-edn';
  if (/jepsen\.util\s+-\s/.test(first) || /^\d+\s+:\w+\s+:/.test(first)) return 'jepsen-log';
  return undefined;
}

/**
 * JSON told apart by its first key: dsim's file opens with `"format"` (or `"version"`, `"history"`); a Jepsen JSON
 * history is an array of operation objects or one object per line (`{"process": 0, "type": "invoke", ...}`).
 */
function jsonShape(text: string): HistoryFormat | undefined {
  const head = text.trimStart();
  if (/^\[\s*\{\s*"/.test(head)) return 'jepsen-json';
  const key = /^\{\s*"([^"]*)"/.exec(head)?.[1];
  if (key === undefined) return undefined;
  return key === 'format' || key === 'version' || key === 'history' ? 'dsim-json' : 'jepsen-json';
}

/** Reads a history in any of the four formats, detected from the content. */
export function parseHistory(text: string, source: string): Failable<History> {
  const format = detectHistoryFormat(text);
  if (format === 'jepsen-json') {
    const read = parseJepsenJson(text, source);
    return read.ok ? plainHistory(read.value, source) : read;
  }
  if (format === 'jepsen-log') return parseJepsenLog(text, source);
  if (format === 'jepsen-edn') return parseJepsenEdn(text, source);
  if (format === 'dsim-json') return parseDsimHistory(text, source);
  if (text.trim() === '') return succeed([]); // an empty history (no operations) is a valid one
  const line = text.split('\n').findIndex((l) => l.trim() !== '') + 1;
  return fail({
    source,
    line,
    message:
      'cannot tell the history format: expected a Jepsen log line (`INFO  jepsen.util - 3 :invoke :read nil`), an EDN map (`{:process 0, ...}`), Jepsen JSON (`{"process": 0, "type": "invoke", ...}`) or dsim JSON (`{"format": "dsim-history", ...}`)',
  });
}

// ---- Jepsen etcd log --------------------------------------------------------------------------------------------

const LOG_PREFIX = /^\S+\s+jepsen\.util\s+-\s+/;
const LOG_FIELDS = /^(\S+)\s+(\S+)\s+(\S+)\s*(.*?)\s*$/;

/** Reads Jepsen's log format (the etcd histories): one operation event per non-blank line. */
export function parseJepsenLog(text: string, source: string): Failable<History> {
  const events: HistoryEvent[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).replace(/\r$/, '');
    if (raw.trim() === '') continue;
    const line = i + 1;
    const bad = (message: string): Failable<History> => fail({ source, line, message });
    const match = LOG_FIELDS.exec(raw.replace(LOG_PREFIX, '').trim());
    if (match === null) return bad('expected `<process> :<type> :<f> <value>`, e.g. `INFO  jepsen.util - 3\t:invoke\t:read\tnil`');
    const [, processText, typeText, fText, valueText] = match as unknown as [string, string, string, string, string];
    if (processText.startsWith(':')) continue; // :nemesis and other non-client processes
    if (!/^\d+$/.test(processText)) return bad(`expected a process number, found \`${processText}\``);
    const type = keyword(typeText);
    if (type === undefined || !TYPES.has(type)) return bad(`expected the type :invoke, :ok, :fail or :info, found \`${typeText}\``);
    const f = keyword(fText);
    if (f === undefined) return bad(`expected the operation as a keyword such as :read, found \`${fText}\``);
    // Jepsen prints the invoke of a read with nil, and its :ok with the value read (nil for none): a value may be
    // left out of any other event, but an :ok read without one says nothing about what was read.
    if (valueText === '' && type === 'ok' && f === 'read') return bad('an :ok :read must carry the value read (nil when there was none), found no value');
    const value = parseOneValue(valueText === '' ? 'nil' : valueText, source, line);
    if (!value.ok) return value;
    events.push({ process: Number(processText), type: type as HistoryEventType, f, value: value.value, line });
  }
  return succeed(events);
}

function keyword(text: string): string | undefined {
  return /^:[A-Za-z_][\w\-?!*.]*$/.test(text) ? text.slice(1) : undefined;
}

// ---- EDN --------------------------------------------------------------------------------------------------------

/**
 * One EDN value as a history value: nil → null, keywords (and booleans) → `":name"` strings, vectors, lists and sets
 * → arrays, a tagged literal → its value (with a note). A map is a value only for Jepsen's checkers (`maps`).
 */
function historyValue(v: EdnValue, notes: Set<string>, maps = false): JepsenValue | NotAValue {
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
interface NotAValue {
  readonly error: string;
}

function isNotAValue(x: JepsenValue | NotAValue): x is NotAValue {
  return typeof x === 'object' && x !== null && 'error' in x;
}

/** Parses the text of one EDN value (a log line's value column). */
function parseOneValue(text: string, source: string, line: number): Failable<HistoryValue> {
  const read = readEdn(text, source);
  if (!read.ok) return fail({ source, line, message: `bad value \`${text}\`: ${read.error.message}` });
  if (read.value.length !== 1) return fail({ source, line, message: `expected one value, found ${read.value.length} in \`${text}\`` });
  const value = historyValue(read.value[0]!, new Set());
  return isNotAValue(value) ? fail({ source, line, message: value.error }) : succeed(value as HistoryValue);
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

// dsim's own JSON format is read by properties/linearizability/dsim-history.ts (re-exported here).
export { parseDsimHistory } from '../properties/linearizability/dsim-history.js';
