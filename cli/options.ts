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

/** Shell-quotes one argument when it needs it, so a printed command can be pasted as it is. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** `npx dsim run <scenario> --seed N [--bug B] [--nodes K]`: the exact command that reproduces a run. */
export function runCommandLine(run: {
  readonly scenario: string;
  readonly seed: number;
  readonly bug?: string | undefined;
  readonly nodes?: number | undefined;
  readonly swarm?: boolean | undefined;
}): string {
  const parts = ['npx', 'dsim', 'run', run.scenario, '--seed', String(run.seed)];
  if (run.bug !== undefined) parts.push('--bug', run.bug);
  if (run.nodes !== undefined) parts.push('--nodes', String(run.nodes));
  if (run.swarm === true) parts.push('--swarm');
  return parts.map(shellQuote).join(' ');
}
