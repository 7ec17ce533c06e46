/**
 * User mistakes (a malformed log line, a bad regex, a predicate with a syntax error, a bad flag) are values, not
 * exceptions: one sentence that names the input and, where it has them, the line and column.
 */
export interface InputError {
  /** What was being read: a file name, `predicate`, `--seed`, `schedule file x.json`, ... */
  readonly source: string;
  /** 1-based line, where the input has lines. */
  readonly line?: number;
  /** 1-based column. */
  readonly column?: number;
  /** What is wrong and what was expected, as one sentence without a trailing period. */
  readonly message: string;
}

export type Failable<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: InputError };

export function succeed<T>(value: T): Failable<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: InputError): Failable<T> {
  return { ok: false, error };
}

/** `source, line L, column C: message` — the form every command prints after `error: `. */
export function formatInputError(error: InputError): string {
  let where = error.source;
  if (error.line !== undefined) where += `, line ${error.line}`;
  if (error.column !== undefined) where += `, column ${error.column}`;
  return `${where}: ${error.message}`;
}
