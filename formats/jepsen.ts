/**
 * Readers of client histories, each returning `Failable<History>` with the line of any malformed line:
 * - Jepsen's etcd log lines: `INFO  jepsen.util - 3\t:invoke\t:read\tnil` (process, type, f, value; values are
 *   nil, integers, `[a b]` vectors or keywords such as `:timed-out`; fields separated by tabs or spaces);
 * - Jepsen's EDN history, one map per line: `{:process 0, :type :invoke, :f :append, :key "0", :value "x 0 0 y"}`;
 * - dsim's own JSON: `{"format": "dsim-history", "version": 1, "history": [HistoryEvent, ...]}`.
 * Lines whose process is a keyword (`:nemesis`) are not client operations and are skipped.
 */
import { fail, succeed, type Failable } from '../execution/failable.js';
import type { History, HistoryEvent, HistoryEventType, HistoryValue } from '../execution/history.js';
import { parseDsimHistory } from '../properties/linearizability/dsim-history.js';

export type HistoryFormat = 'jepsen-log' | 'jepsen-edn' | 'dsim-json';

const TYPES: ReadonlySet<string> = new Set(['invoke', 'ok', 'fail', 'info']);

/** The format of `text` judged from its first non-blank line, or `undefined` when none fits. */
export function detectHistoryFormat(text: string): HistoryFormat | undefined {
  const first = text.split('\n').find((line) => line.trim() !== '')?.trim();
  if (first === undefined) return undefined;
  if (/^\{\s*"/.test(first) || first === '{') return 'dsim-json';
  if (first.startsWith('{:')) return 'jepsen-edn';
  if (/jepsen\.util\s+-\s/.test(first) || /^\d+\s+:\w+\s+:/.test(first)) return 'jepsen-log';
  return undefined;
}

/** Reads a history in any of the three formats, detected from the content. */
export function parseHistory(text: string, source: string): Failable<History> {
  const format = detectHistoryFormat(text);
  if (format === 'jepsen-log') return parseJepsenLog(text, source);
  if (format === 'jepsen-edn') return parseJepsenEdn(text, source);
  if (format === 'dsim-json') return parseDsimHistory(text, source);
  if (text.trim() === '') return succeed([]); // an empty history (no operations) is a valid one
  const line = text.split('\n').findIndex((l) => l.trim() !== '') + 1;
  return fail({
    source,
    line,
    message:
      'cannot tell the history format: expected a Jepsen log line (`INFO  jepsen.util - 3 :invoke :read nil`), an EDN map (`{:process 0, ...}`) or dsim JSON (`{"format": "dsim-history", ...}`)',
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
    const value = parseEdnValue(valueText === '' ? 'nil' : valueText, 0);
    if (!value.ok) return bad(`bad value \`${valueText}\`: ${value.message}`);
    if (value.end !== valueText.length && valueText !== '') return bad(`unexpected text after the value: \`${valueText.slice(value.end)}\``);
    events.push({ process: Number(processText), type: type as HistoryEventType, f, value: value.value, line });
  }
  return succeed(events);
}

function keyword(text: string): string | undefined {
  return /^:[A-Za-z_][\w\-?!*.]*$/.test(text) ? text.slice(1) : undefined;
}

// ---- EDN --------------------------------------------------------------------------------------------------------

type Parsed<T> = { readonly ok: true; readonly value: T; readonly end: number } | { readonly ok: false; readonly message: string };

/** An EDN keyword as a history value: the string `:name`. */
type EdnValue = HistoryValue;

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === ',' || text[i] === '\t')) i++;
  return i;
}

/** Parses one EDN value (nil, true/false as keywords, integers, strings, keywords, vectors) starting at `at`. */
function parseEdnValue(text: string, at: number): Parsed<EdnValue> {
  const i = skipSpace(text, at);
  const c = text[i];
  if (c === undefined) return { ok: false, message: 'expected a value, found the end of the line' };
  if (c === '"') {
    let out = '';
    for (let j = i + 1; j < text.length; j++) {
      const d = text[j] as string;
      if (d === '"') return { ok: true, value: out, end: j + 1 };
      if (d === '\\') {
        const e = text[++j];
        const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
        const mapped = e === undefined ? undefined : escapes[e];
        if (mapped === undefined) return { ok: false, message: `unknown escape \`\\${e ?? ''}\` in a string` };
        out += mapped;
      } else out += d;
    }
    return { ok: false, message: 'unterminated string' };
  }
  if (c === '[' || c === '(') {
    const close = c === '[' ? ']' : ')';
    const items: HistoryValue[] = [];
    let j = skipSpace(text, i + 1);
    while (text[j] !== close) {
      if (j >= text.length) return { ok: false, message: `unterminated vector: expected \`${close}\`` };
      const item = parseEdnValue(text, j);
      if (!item.ok) return item;
      items.push(item.value);
      j = skipSpace(text, item.end);
    }
    return { ok: true, value: items, end: j + 1 };
  }
  const token = /^[^\s,\[\](){}"]+/.exec(text.slice(i))?.[0];
  if (token === undefined) return { ok: false, message: `unexpected \`${c}\`` };
  const end = i + token.length;
  if (token === 'nil') return { ok: true, value: null, end };
  if (/^-?\d+$/.test(token)) return { ok: true, value: Number(token), end };
  if (/^:[^:]/.test(token) || token === 'true' || token === 'false') return { ok: true, value: token.startsWith(':') ? token : `:${token}`, end };
  return { ok: false, message: `expected nil, an integer, a string, a keyword or a vector, found \`${token}\`` };
}

/** Reads Jepsen's EDN history format: one `{:process P, :type T, :f F, :key K, :value V}` map per line. */
export function parseJepsenEdn(text: string, source: string): Failable<History> {
  const events: HistoryEvent[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).replace(/\r$/, '').trim();
    if (raw === '') continue;
    const line = i + 1;
    const map = parseEdnMap(raw);
    if (!map.ok) return fail({ source, line, message: map.message });
    const event = ednEvent(map.value, line);
    if (typeof event === 'string') return fail({ source, line, message: event });
    if (event !== undefined) events.push(event);
  }
  return succeed(events);
}

function parseEdnMap(text: string): Parsed<Map<string, EdnValue>> {
  if (!text.startsWith('{')) return { ok: false, message: 'expected an EDN map `{:process P, :type :invoke, :f :read, :value V}`' };
  const map = new Map<string, EdnValue>();
  let j = skipSpace(text, 1);
  while (text[j] !== '}') {
    if (j >= text.length) return { ok: false, message: 'unterminated map: expected `}`' };
    const key = /^:[^\s,\[\](){}"]+/.exec(text.slice(j))?.[0];
    if (key === undefined) return { ok: false, message: `expected a keyword key such as :process, found \`${text.slice(j, j + 12)}\`` };
    const value = parseEdnValue(text, j + key.length);
    if (!value.ok) return { ok: false, message: `bad value of ${key}: ${value.message}` };
    map.set(key.slice(1), value.value);
    j = skipSpace(text, value.end);
  }
  if (skipSpace(text, j + 1) !== text.length) return { ok: false, message: 'unexpected text after the map' };
  return { ok: true, value: map, end: j + 1 };
}

function ednEvent(map: ReadonlyMap<string, EdnValue>, line: number): HistoryEvent | string | undefined {
  const process = map.get('process');
  if (typeof process === 'string') return undefined; // :nemesis
  if (typeof process !== 'number' || process < 0) return 'expected :process to be a non-negative integer';
  const type = map.get('type');
  if (typeof type !== 'string' || !TYPES.has(type.slice(1))) return 'expected :type to be :invoke, :ok, :fail or :info';
  const f = map.get('f');
  if (typeof f !== 'string') return 'expected :f to be a keyword such as :read';
  if (!map.has('value')) return 'missing :value';
  const key = map.get('key');
  if (key !== undefined && typeof key !== 'string' && typeof key !== 'number') return 'expected :key to be a string or an integer';
  const base = { process, type: type.slice(1) as HistoryEventType, f: f.startsWith(':') ? f.slice(1) : f, value: map.get('value') as HistoryValue, line };
  return key === undefined || key === null ? base : { ...base, key: String(key) };
}

// dsim's own JSON format is read by properties/linearizability/dsim-history.ts (re-exported here).
export { parseDsimHistory } from '../properties/linearizability/dsim-history.js';
