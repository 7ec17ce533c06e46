/**
 * `parseShiViz`: reads GoVector/ShiViz logs the way ShiViz does. The text is trimmed, split into executions on the
 * delimiter regex (a `trace` group names each), each execution scanned with the parser regex, checked against
 * ShiViz's validity rules and ordered by happened-before.
 */
import type { Failable } from '../execution/failable.js';
import { fail, succeed } from '../execution/failable.js';
import type { Execution } from '../execution/types.js';
import type { BoundedRegex } from './bounded-regex.js';
import { countNewlines, findLongLine, LineCursor } from './shiviz-lines.js';
import { orderExecution } from './shiviz-order.js';
import {
  compileDelimiter,
  compileParser,
  GOVECTOR_PARSER,
  isShiVizUploadFormat,
  splitUploadFormat,
} from './shiviz-regex.js';
import type { RegexOrigin } from './shiviz-regex.js';
import { next, scanSegment } from './shiviz-scan.js';
import type { Segment } from './shiviz-scan.js';
import { CLOCK_CELLS_MAX_DEFAULT, validateEvents } from './shiviz-validate.js';

/** Limits that keep garbage input from costing time or memory; each failure names the limit it hit. */
export interface ShiVizLimits {
  /** Longest line accepted, in characters (a longer one means the input is not a log). */
  readonly lineCharsMax: number;
  /** An execution must have its first event within this many characters. */
  readonly unmatchedPrefixCharsMax: number;
  /** Events × hosts of one execution (the dense vector-clock array). */
  readonly clockCellsMax: number;
}

export const SHIVIZ_LIMITS_DEFAULT: ShiVizLimits = {
  lineCharsMax: 1024 * 1024,
  unmatchedPrefixCharsMax: 4 * 1024 * 1024,
  clockCellsMax: CLOCK_CELLS_MAX_DEFAULT,
};

/** How to read a ShiViz log. */
export interface ShiVizOptions {
  /** The file name (or other name of the input), used in errors and as the execution label. */
  readonly source: string;
  /** Parser regex with named groups host, clock, event (default: GoVector's format, or the upload header's). */
  readonly parser?: string;
  /** Execution delimiter regex; a `trace` group names each execution. */
  readonly delimiter?: string;
  /** Also read `key=value` pairs from each event's text as fields. */
  readonly kv?: boolean;
  /** Line 1 is the parser, line 2 the delimiter, the log follows; detected from line 1 when not given. */
  readonly uploadFormat?: boolean;
  readonly limits?: Partial<ShiVizLimits>;
}

function fileName(source: string): string {
  return source.split(/[\\/]/).pop() ?? source;
}

function splitExecutions(text: string, firstLine: number, delimiter: BoundedRegex | undefined, base: string): Segment[] {
  if (delimiter === undefined) return [{ text, firstLine, label: base }];
  const cursor = new LineCursor(text, firstLine);
  const pieces: { start: number; end: number; trace: string | undefined }[] = [];
  let start = 0;
  let trace: string | undefined;
  for (let m = delimiter.exec(text, 0); m !== null; m = delimiter.exec(text, next(m))) {
    if (m.end === m.index) continue;
    pieces.push({ start, end: m.index, trace });
    start = m.end;
    trace = m.groups['trace'];
  }
  pieces.push({ start, end: text.length, trace });
  const kept = pieces.filter((p) => text.slice(p.start, p.end).trim().length > 0);
  return kept.map((p, i) => ({
    text: text.slice(p.start, p.end),
    firstLine: cursor.at(p.start).line,
    label: p.trace ?? (kept.length === 1 ? base : `${base} #${i + 1}`),
  }));
}

/**
 * Reads a GoVector/ShiViz log: one Execution per execution of the log (one unless a delimiter splits it). Errors
 * name the source and the line (and column) of the offending clock. `\r\n` line ends are read as `\n`.
 */
export function parseShiViz(input: string, options: ShiVizOptions): Failable<Execution[]> {
  const { source } = options;
  // Windows line ends would keep `.*\n` from matching; they change no line numbers.
  const text = input.includes('\r\n') ? input.replaceAll('\r\n', '\n') : input;
  const limits = { ...SHIVIZ_LIMITS_DEFAULT, ...options.limits };
  const long = findLongLine(text, limits.lineCharsMax);
  if (long !== undefined) {
    const message = `the line has ${long.chars} characters, more than the limit of ${limits.lineCharsMax}`;
    return fail({ source, line: long.line, message: `${message}; expected a log` });
  }
  const upload = options.uploadFormat ?? isShiVizUploadFormat(text);
  const header = upload ? splitUploadFormat(text) : undefined;
  const fromHeader = (option: string | undefined, line: number, flag: string): RegexOrigin =>
    option === undefined && header ? { source, line } : { source: flag };
  const parserOrigin = fromHeader(options.parser, 1, '--parser');
  const delimiterOrigin = fromHeader(options.delimiter, 2, '--delimiter');
  const parser = compileParser(options.parser ?? header?.parser ?? GOVECTOR_PARSER, parserOrigin);
  if (!parser.ok) return parser;
  const delimiterPattern = options.delimiter ?? header?.delimiter;
  let delimiter: BoundedRegex | undefined;
  if (delimiterPattern !== undefined && delimiterPattern.trim() !== '') {
    const compiled = compileDelimiter(delimiterPattern, delimiterOrigin);
    if (!compiled.ok) return compiled;
    delimiter = compiled.value;
  }
  const body = header?.body ?? text;
  const start = body.length - body.trimStart().length;
  const trimmed = body.trim();
  const firstLine = (header?.bodyFirstLine ?? 1) + countNewlines(body, 0, start);
  if (trimmed.length === 0) return fail({ source, message: 'the log is empty, expected vector-clocked events' });
  const segments = splitExecutions(trimmed, firstLine, delimiter, fileName(source));
  if (segments.length === 0) return fail({ source, message: 'the log holds only delimiters, expected events' });
  const executions: Execution[] = [];
  for (const segment of segments) {
    const scanOptions = { source, kv: options.kv ?? false, unmatchedPrefixCharsMax: limits.unmatchedPrefixCharsMax };
    const raw = scanSegment(segment, parser.value, scanOptions);
    if (!raw.ok) return raw;
    const hosts = [...new Set(raw.value.map((e) => e.host))];
    const valid = validateEvents(source, hosts, raw.value, limits.clockCellsMax);
    if (!valid.ok) return valid;
    const execution = orderExecution(source, segment.label, raw.value, valid.value);
    if (!execution.ok) return execution;
    executions.push(execution.value);
  }
  return succeed(executions);
}
