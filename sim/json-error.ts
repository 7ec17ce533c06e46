/** Turns a JSON.parse failure into an InputError with the line and column of the bad position. */
import type { InputError } from '../execution/failable.js';

/**
 * `source, line L, column C: not valid JSON (<reason>)`. The position comes from V8's message: either
 * "at position N", or the excerpt of "Unexpected token 'x', ..."excerpt"..." (10 characters of context before the
 * token when the excerpt is cut at its start).
 */
export function jsonError(text: string, e: unknown, source: string): InputError {
  const reason = e instanceof Error ? e.message : String(e);
  const pos = errorPosition(text, reason);
  const short = reason.replace(/ in JSON at position \d+.*$/s, '').replace(/, (\.\.\.)?".*$/s, '');
  if (pos === undefined) return { source, message: `not valid JSON (${short})` };
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return { source, line, column, message: `not valid JSON (${short})` };
}

function errorPosition(text: string, reason: string): number | undefined {
  const at = /position (\d+)/.exec(reason);
  if (at !== null) return Number(at[1]);
  const token = /^Unexpected token '(.+?)', (\.\.\.)?"(.*?)"(\.\.\.)? is not valid JSON$/s.exec(reason);
  if (token === null) return undefined;
  const [, tok, cutStart, excerpt] = token;
  const start = text.indexOf(excerpt!);
  if (start < 0) return undefined;
  return cutStart === undefined ? start + excerpt!.lastIndexOf(tok!) : start + 10;
}
