/**
 * User-supplied regular expressions (ShiViz parser and delimiter regexes) run on RE2's linear-time engine (the
 * pure-JavaScript port `re2js`), so no regex and no log line can make a match take more than time proportional to
 * the text it reads: `(a+)+b` on a line of `a`s costs a pass, not 2^n backtracking steps. The regex is written in
 * JavaScript syntax and means what it means in JavaScript (see `regex-re2-syntax.ts`), except that lines end only
 * at `\n`: beside a lone `\r`, U+2028 or U+2029, `^` and `$` do not match as JavaScript's would.
 *
 * A search looks at a window of the text at a time (about `SEARCH_WINDOW_CHARS` characters, to a line end, plus as
 * many lines as one match can span), which keeps each step on RE2's fast bounded backtracker; a regex that can span
 * any number of lines (`\s*`, `[^x]+`) searches the rest of the text at once, still in linear time.
 */
import { RE2JS } from 're2js';
import { Re2SyntaxError, toRe2Syntax } from './regex-re2-syntax.js';

/** Longest regex accepted, in characters. */
export const REGEX_CHARS_MAX = 8192;

/** Characters of text a search step looks at before extending to the end of the line (see the module note). */
export const SEARCH_WINDOW_CHARS = 512;

/** One match: where it starts and ends in the text searched, and its named groups. */
export interface BoundedMatch {
  readonly index: number;
  readonly end: number;
  readonly groups: Readonly<Record<string, string | undefined>>;
  /** Where each matched named group starts in the text. */
  readonly groupStarts: Readonly<Record<string, number>>;
  /** Every capture group by number (entry i - 1 is group i, named or not), undefined where it did not match. */
  readonly numbered: readonly (string | undefined)[];
}

/** A regex compiled for linear-time matching. */
export interface BoundedRegex {
  /** The regex as the user wrote it (JavaScript syntax). */
  readonly pattern: string;
  /** Names of its named groups, in the order they appear. */
  readonly groupNames: readonly string[];
  /** The leftmost match starting at or after `from` (as `RegExp.exec` with `lastIndex` = `from`), or null. */
  exec(text: string, from: number): BoundedMatch | null;
}

/**
 * Compiles `pattern` (multi-line, as JavaScript's flag `m`), or answers what is wrong with it as a phrase that
 * follows "the parser regex": `uses a backreference (\1), which dsim's linear-time matcher cannot run`.
 */
export function compileBounded(pattern: string): BoundedRegex | string {
  if (pattern.length > REGEX_CHARS_MAX) {
    return `has ${pattern.length} characters, more than the limit of ${REGEX_CHARS_MAX}`;
  }
  try {
    new RegExp(pattern, 'm');
  } catch (e) {
    return `is not a valid JavaScript regular expression (${(e as Error).message})`;
  }
  let translated;
  let re2: RE2JS;
  try {
    translated = toRe2Syntax(pattern);
    re2 = RE2JS.compile(translated.source, RE2JS.MULTILINE);
  } catch (e) {
    if (e instanceof Re2SyntaxError) return `${e.message}, which dsim's linear-time matcher cannot run`;
    return `cannot run on dsim's linear-time matcher (${(e as Error).message})`;
  }
  const names = Object.entries(re2.namedGroups()).sort((a, b) => a[1] - b[1]).map(([name]) => name);
  const newlinesMax = translated.newlinesMax;
  return { pattern, groupNames: names, exec: (text, from) => search(re2, names, newlinesMax, text, from) };
}

function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
}

function search(re2: RE2JS, names: readonly string[], newlinesMax: number, text: string, from: number) {
  for (let pos = from; pos <= text.length; ) {
    // Starts up to `coreEnd` are decided inside the window: every match from them ends by the window's end.
    const coreEnd = newlinesMax === Infinity ? text.length : lineEnd(text, Math.min(pos + SEARCH_WINDOW_CHARS, text.length));
    let end = coreEnd;
    for (let k = 0; k < newlinesMax && end < text.length; k++) end = lineEnd(text, end + 1);
    // One character before `pos` (two for a surrogate pair) keeps `^` and `\b` at `pos` as in the whole text.
    const context = pos === 0 ? 0 : pos - (pos >= 2 && /[\udc00-\udfff]/.test(text[pos - 1]!) ? 2 : 1);
    const matcher = re2.matcher(text.slice(context, end));
    if (matcher.find(pos - context) && context + matcher.start() <= coreEnd) {
      return toMatch(matcher, names, context);
    }
    if (coreEnd >= text.length) return null;
    pos = coreEnd + 1;
  }
  return null;
}

function toMatch(matcher: ReturnType<RE2JS['matcher']>, names: readonly string[], offset: number): BoundedMatch {
  const groups: Record<string, string | undefined> = {};
  const groupStarts: Record<string, number> = {};
  for (const name of names) {
    const value = matcher.group(name);
    groups[name] = value ?? undefined;
    if (value !== null && value !== undefined) groupStarts[name] = offset + matcher.start(name);
  }
  const numbered: (string | undefined)[] = [];
  for (let i = 1; i <= matcher.groupCount(); i++) numbered.push(matcher.group(i) ?? undefined);
  return { index: offset + matcher.start(), end: offset + matcher.end(), groups, groupStarts, numbered };
}
