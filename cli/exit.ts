import { formatInputError, type InputError } from '../execution/failable.js';
import type { CliIo } from './io.js';

/** Exit codes every command shares. */
export const ExitCode = {
  /** Every asked property holds. */
  Ok: 0,
  /** A property is violated (or a history is not linearizable). */
  Violation: 1,
  /** Usage or input error: unknown scenario, bad seed, unknown flag, malformed log, ... */
  Usage: 2,
  /** A bug in dsim itself. */
  Internal: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A user mistake caught while parsing arguments: reported as one line, exit 2. */
export class UsageError extends Error {}

/** Prints `error: <where>: <what>` and answers exit code 2. */
export function reportInputError(io: CliIo, error: InputError): ExitCode {
  io.err(`error: ${formatInputError(error)}`);
  return ExitCode.Usage;
}

/** Prints a JSON value as one document on standard output. */
export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
