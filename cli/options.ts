import { findConfigFile } from '../scenarios/user/load.js';
import { displayPath } from '../scenarios/user/import-file.js';
import { fail, succeed, type Failable } from '../execution/failable.js';

/** Parses a whole-number flag value (`--nodes 5`), naming the flag in the error. */
export function parseCount(text: unknown, flag: string, min: number): Failable<number> {
  const raw = String(text).trim();
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    return fail({ source: `--${flag}`, message: `"${raw}" is not a whole number ≥ ${min}` });
  }
  return succeed(value);
}

/** Parses an optional whole-number flag: undefined stays undefined. */
export function parseOptionalCount(text: unknown, flag: string, min: number): Failable<number | undefined> {
  return text === undefined ? succeed(undefined) : parseCount(text, flag, min);
}

export { runCommandLine, shellQuote } from '../api/command-line.js';

/**
 * The `--config` a printed command needs for a scenario from `file`: none for a built-in or for the config that the
 * working directory's own `dsim.config.*` is.
 */
export function configFlagFor(file: string | undefined): string | undefined {
  if (file === undefined || findConfigFile(process.cwd()) === file) return undefined;
  return displayPath(file);
}
