/**
 * Readers of client histories, each returning `Failable<History>` with the line of any malformed line:
 * - Jepsen's etcd log lines: `INFO  jepsen.util - 3\t:invoke\t:read\tnil` (process, type, f, value; values are
 *   nil, integers, `[a b]` vectors or keywords such as `:timed-out`; fields separated by tabs or spaces);
 * - Jepsen/Knossos EDN: maps such as `{:process 0, :type :invoke, :f :append, :key "0", :value "x 0 0 y"}`, one per
 *   line, spread over lines, or the whole history as one vector or list (formats/jepsen-edn.ts);
 * - Jepsen JSON as elle-cli reads it: an array of operation objects, or one per line (formats/jepsen-json.ts);
 * - dsim's own JSON: `{"format": "dsim-history", "version": 1, "history": [HistoryEvent, ...]}`.
 * Lines whose process is a keyword (`:nemesis`) are not client operations and are skipped.
 */
import { fail, succeed, type Failable } from '../execution/failable.js';
import type { History, HistoryEvent, HistoryEventType, HistoryValue } from '../execution/history.js';
import { parseDsimHistory } from '../properties/linearizability/dsim-history.js';
import { readEdn } from './edn.js';
import { historyValue, isNotAValue, parseJepsenEdn } from './jepsen-edn.js';
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

/** Parses the text of one EDN value (a log line's value column). */
function parseOneValue(text: string, source: string, line: number): Failable<HistoryValue> {
  const read = readEdn(text, source);
  if (!read.ok) return fail({ source, line, message: `bad value \`${text}\`: ${read.error.message}` });
  if (read.value.length !== 1) return fail({ source, line, message: `expected one value, found ${read.value.length} in \`${text}\`` });
  const value = historyValue(read.value[0]!, new Set());
  return isNotAValue(value) ? fail({ source, line, message: value.error }) : succeed(value as HistoryValue);
}


export { parseJepsenEdn, parseJepsenEdnOps } from './jepsen-edn.js';

// dsim's own JSON format is read by properties/linearizability/dsim-history.ts (re-exported here).
export { parseDsimHistory } from '../properties/linearizability/dsim-history.js';
