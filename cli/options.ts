import { findConfigFile } from '../scenarios/user/load.js';
import { displayPath } from '../scenarios/user/import-file.js';
import type { Argv } from 'yargs';
import { fail, succeed, type Failable } from '../execution/failable.js';
import { UsageError } from './exit.js';

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

/**
 * Adds to a command's parser the check that no single-valued flag is given twice (`--seed 1 --seed 2`, which yargs
 * turns into an array): a usage error naming the flag, instead of a crash on the array later.
 */
export function singleValued(y: Argv): Argv {
  return y.check((argv: Record<string, unknown>) => {
    const arrays = new Set(arrayOptions(y));
    for (const [key, value] of Object.entries(argv)) {
      if (key === '_' || key === '$0' || !Array.isArray(value) || arrays.has(key) || /[A-Z]/.test(key)) continue;
      throw new UsageError(`--${key} is given ${value.length} times (${value.map(String).join(', ')}); it takes one value`);
    }
    return true;
  });
}

function arrayOptions(y: Argv): string[] {
  // yargs has getOptions() at run time, but its type declarations leave it out.
  return (y as unknown as { getOptions(): { array: string[] } }).getOptions().array;
}

/**
 * The last of a switch's spellings on the command line (before `--`): true for one of `on`, false for one of
 * `off`, undefined when it is not given. Read before yargs parses, for what is decided before a command runs.
 */
export function lastSwitch(argv: readonly string[], on: readonly string[], off: readonly string[]): boolean | undefined {
  const end = argv.indexOf('--');
  for (let i = (end < 0 ? argv.length : end) - 1; i >= 0; i--) {
    if (on.includes(argv[i]!)) return true;
    if (off.includes(argv[i]!)) return false;
  }
  return undefined;
}
