/**
 * Scans the text of one execution with the parser regex, match after match (ShiViz's way: flags `gm`, unanchored),
 * and turns each match into a raw event: host, clock (JSON; TLA+'s escaped quotes tolerated), text and fields.
 */
import type { Failable, InputError } from '../execution/failable.js';
import { fail, succeed } from '../execution/failable.js';
import type { StateValue } from '../execution/types.js';
import { fieldValue, parseKeyValues } from './kv.js';
import type { BoundedMatch } from './bounded-regex.js';
import type { CompiledParser } from './shiviz-regex.js';
import { LineCursor } from './shiviz-lines.js';
import type { LinePosition } from './shiviz-lines.js';
import type { RawEvent } from './shiviz-validate.js';

/** One execution's text and where it sits in the file. */
export interface Segment {
  readonly text: string;
  /** 1-based line of the file where `text` starts. */
  readonly firstLine: number;
  readonly label: string;
}

export interface ScanOptions {
  readonly source: string;
  readonly kv: boolean;
  /** An execution whose first event starts after this many characters is rejected (garbage input fails fast). */
  readonly unmatchedPrefixCharsMax: number;
}

const CLOCK_SHOWN_CHARS = 40;

function clockError(source: string, at: LinePosition, clockText: string, expected: string): InputError {
  const shown = clockText.length > CLOCK_SHOWN_CHARS ? `${clockText.slice(0, CLOCK_SHOWN_CHARS)}...` : clockText;
  return { source, line: at.line, column: at.column, message: `the clock ${JSON.stringify(shown)} ${expected}` };
}

/** Parses a clock; returns its non-zero entries, or what is wrong with it. */
function parseClock(text: string, host: string): { entries: [string, number][]; own: number } | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (first) {
    try {
      value = JSON.parse(text.replaceAll('\\"', '"'));
    } catch {
      return `is not JSON, expected an object of host → event count (${(first as Error).message})`;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'is not a JSON object, expected an object of host → event count';
  }
  const record = value as Record<string, unknown>;
  if (!Object.hasOwn(record, host)) return `lacks an entry for its own host "${host}"`;
  const entries: [string, number][] = [];
  for (const [name, count] of Object.entries(record)) {
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      return `gives ${JSON.stringify(count)} for "${name}", expected a whole number of events`;
    }
    if (count > 0) entries.push([name, count]);
  }
  const own = record[host] as number;
  if (own === 0) return `gives 0 for its own host "${host}", expected its count of events, from 1`;
  return { entries, own };
}

function firstMatchWithin(parser: CompiledParser, text: string, charsMax: number): boolean {
  if (text.length <= charsMax) return true;
  let end = charsMax;
  for (let extraLines = 0; extraLines < 16 && end !== -1; extraLines++) end = text.indexOf('\n', end + 1);
  return parser.regex.exec(end === -1 ? text : text.slice(0, end), 0) !== null;
}

/** Where the search after match `m` starts: its end, or one further after an empty match (as `RegExp` does). */
export function next(m: BoundedMatch): number {
  return m.end === m.index ? m.end + 1 : m.end;
}

/** The raw events of one execution, in the order the log writes them. */
export function scanSegment(segment: Segment, parser: CompiledParser, options: ScanOptions): Failable<RawEvent[]> {
  const { source } = options;
  const noEvent = `the parser regex matched no event in execution "${segment.label}"`;
  if (!firstMatchWithin(parser, segment.text, options.unmatchedPrefixCharsMax)) {
    const within = `within its first ${options.unmatchedPrefixCharsMax} characters`;
    return fail({ source, line: segment.firstLine, message: `${noEvent} ${within}, expected a log the regex fits` });
  }
  const cursor = new LineCursor(segment.text, segment.firstLine);
  const events: RawEvent[] = [];
  for (let m = parser.regex.exec(segment.text, 0); m !== null; m = parser.regex.exec(segment.text, next(m))) {
    const groups = m.groups;
    const clockStart = m.groupStarts['clock'] ?? m.index;
    const at = cursor.at(clockStart);
    const host = groups['host'] ?? '';
    const clockText = groups['clock'] ?? '';
    const clock = parseClock(clockText, host);
    if (typeof clock === 'string') return fail(clockError(source, at, clockText, clock));
    const text = groups['event'] ?? '';
    const fields = new Map<string, StateValue>();
    for (const name of parser.fieldNames) {
      const value = groups[name];
      if (value !== undefined) fields.set(name, fieldValue(value));
    }
    if (options.kv) {
      for (const [key, value] of parseKeyValues(text)) {
        if (!parser.fieldNames.includes(key)) fields.set(key, value);
      }
    }
    const frozen = Object.freeze(Object.fromEntries(fields));
    events.push({ host, own: clock.own, clock: clock.entries, text, fields: frozen, ...at });
  }
  if (events.length === 0) {
    return fail({ source, line: segment.firstLine, message: `${noEvent}, expected at least one` });
  }
  return succeed(events);
}
