/**
 * `key=value` pairs in log event text (`uid=alice location=kansas`), and the typing of log field values.
 *
 * Reading: a pair starts at the beginning of the text or after whitespace. A key is an identifier (`[A-Za-z_]`
 * then word characters, `.` or `-`) or a JSON string. A value is a JSON string (always a string) or the run of
 * non-space characters after `=`: a finite decimal number becomes a number, `true`/`false` a boolean, anything else a
 * string. Writing does the reverse, quoting whatever would not read back as itself.
 */
import type { StateValue } from '../execution/types.js';

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const IDENTIFIER = /^[A-Za-z_][\w.-]*$/;
const KEY = String.raw`[A-Za-z_][\w.\-]*|"(?:[^"\\]|\\.)*"`;
const PAIR = new RegExp(String.raw`(?<!\S)(${KEY})=(?:("(?:[^"\\]|\\.)*")(?!\S)|(\S*))`, 'g');
const KEY_EQUALS = new RegExp(String.raw`(?<!\S)(${KEY})=`, 'g');

/** A named-group field's value: a finite decimal number (`42`, `-1.5`, `1e3`) is a number, anything else a string. */
export function fieldValue(text: string): number | string {
  if (NUMBER.test(text)) {
    const n = Number(text);
    if (Number.isFinite(n)) return n;
  }
  return text;
}

function unquote(quoted: string): string {
  try {
    const value: unknown = JSON.parse(quoted);
    if (typeof value === 'string') return value;
  } catch {
    // Not valid JSON (a bad escape): keep the text between the quotes as it is.
  }
  return quoted.slice(1, -1);
}

/** The `key=value` pairs of `text`, in order (a key that repeats keeps each occurrence). */
export function parseKeyValues(text: string): [string, StateValue][] {
  const pairs: [string, StateValue][] = [];
  for (const m of text.matchAll(PAIR)) {
    const rawKey = m[1]!;
    const quotedValue = m[2];
    const rawValue = m[3] ?? '';
    const key = rawKey.startsWith('"') ? unquote(rawKey) : rawKey;
    let value: StateValue;
    if (quotedValue !== undefined) value = unquote(quotedValue);
    else if (rawValue === 'true' || rawValue === 'false') value = rawValue === 'true';
    else value = fieldValue(rawValue);
    pairs.push([key, value]);
  }
  return pairs;
}

/** JSON string literal that also escapes U+2028/U+2029, which would otherwise end a log line for a regex `.`. */
function quote(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function formatValue(value: StateValue): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  const plain =
    /^\S+$/.test(value) && !value.startsWith('"') && !NUMBER.test(value) && value !== 'true' && value !== 'false';
  return plain ? value : quote(value);
}

/** `key=value`, quoted where needed so that `parseKeyValues` reads back the same key and value. */
export function formatKeyValue(key: string, value: StateValue): string {
  return `${IDENTIFIER.test(key) ? key : quote(key)}=${formatValue(value)}`;
}

/** `text` with every `=` that would start a pair turned into `:`, so it adds no pairs when read back. */
export function neutralizeKeyValues(text: string): string {
  let previous: string;
  let current = text;
  do {
    previous = current;
    current = current.replace(KEY_EQUALS, '$1:');
  } while (current !== previous);
  return current;
}
