/**
 * The regular expressions of a ShiViz log: the parser (one match per event, with named groups `host`, `clock`,
 * `event` and optional field groups) and the execution delimiter, and the ShiViz upload format that carries both in
 * its first two lines.
 */
import type { Failable } from '../execution/failable.js';
import { fail, succeed } from '../execution/failable.js';
import { compileBounded } from './bounded-regex.js';
import type { BoundedRegex } from './bounded-regex.js';

/** GoVector's log format: `host {"host":1, ...}` on one line, the event text on the next. */
export const GOVECTOR_PARSER = String.raw`(?<host>\S*) (?<clock>{.*})\n(?<event>.*)`;

/** Where a regex came from, for error messages: `--parser`, or a file and line (the upload format's header). */
export interface RegexOrigin {
  readonly source: string;
  readonly line?: number;
}

/** A compiled parser regex and the names of its field groups (every named group but host, clock and event). */
export interface CompiledParser {
  /** Runs in linear time (see `bounded-regex.ts`). */
  readonly regex: BoundedRegex;
  readonly fieldNames: readonly string[];
}

const REQUIRED_GROUPS = ['host', 'clock', 'event'] as const;

function compile(pattern: string, what: string, origin: RegexOrigin): Failable<BoundedRegex> {
  const compiled = compileBounded(pattern);
  if (typeof compiled === 'string') return fail({ ...origin, message: `the ${what} ${compiled}` });
  return succeed(compiled);
}

/** Compiles a parser regex, requiring the groups `host`, `clock` and `event`. */
export function compileParser(pattern: string, origin: RegexOrigin): Failable<CompiledParser> {
  const compiled = compile(pattern, 'parser regex', origin);
  if (!compiled.ok) return compiled;
  const names = compiled.value.groupNames;
  const missing = REQUIRED_GROUPS.filter((g) => !names.includes(g));
  if (missing.length > 0) {
    const list = missing.map((g) => `(?<${g}>...)`).join(', ');
    const message = `the parser regex lacks the named group ${list}; it needs host, clock and event`;
    return fail({ ...origin, message });
  }
  const required: readonly string[] = REQUIRED_GROUPS;
  return succeed({ regex: compiled.value, fieldNames: names.filter((n) => !required.includes(n)) });
}

/** Compiles an execution delimiter regex (multi-line); a `trace` group, if any, names each execution. */
export function compileDelimiter(pattern: string, origin: RegexOrigin): Failable<BoundedRegex> {
  return compile(pattern, 'delimiter regex', origin);
}

/** The ShiViz upload format split into its header (parser, delimiter) and the log. */
export interface UploadFormat {
  readonly parser: string;
  /** Undefined when line 2 is blank. */
  readonly delimiter: string | undefined;
  /** The log: everything after line 2. */
  readonly body: string;
  /** 1-based line of the file where `body` starts. */
  readonly bodyFirstLine: number;
}

function nextLine(text: string, from: number): { line: string; next: number } {
  const end = text.indexOf('\n', from);
  const stop = end === -1 ? text.length : end;
  return { line: text.slice(from, stop).replace(/\r$/, ''), next: end === -1 ? text.length : end + 1 };
}

/** True when line 1 of `text` is a parser regex (it names the groups host, clock and event): ShiViz's upload format. */
export function isShiVizUploadFormat(text: string): boolean {
  const first = nextLine(text, 0).line;
  return REQUIRED_GROUPS.every((g) => first.includes(`(?<${g}>`));
}

/** Splits the ShiViz upload format: line 1 the parser regex, line 2 the delimiter (may be blank), then the log. */
export function splitUploadFormat(text: string): UploadFormat {
  const first = nextLine(text, 0);
  const second = nextLine(text, first.next);
  const delimiter = second.line.trim() === '' ? undefined : second.line;
  return { parser: first.line, delimiter, body: text.slice(second.next), bodyFirstLine: 3 };
}
