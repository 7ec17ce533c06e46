/**
 * The one exception of the user-facing API: a mistake in a scenario definition or a run's options (an unknown bug,
 * an invalid fault plan, a predicate with a syntax error). It carries the `InputError` the engine produced, and its
 * message is that error's one sentence. A property violation is never a throw: it is a result with `ok: false`.
 */
import { formatInputError, type Failable, type InputError } from '../execution/failable.js';

/** A user mistake in a scenario or in the options of a run; `input` says what was read and what was expected. */
export class DsimInputError extends Error {
  /** The structured error: source, optional line and column, message. */
  readonly input: InputError;

  constructor(input: InputError) {
    super(formatInputError(input));
    this.name = 'DsimInputError';
    this.input = input;
  }
}

/** The value of a `Failable`, or a `DsimInputError` thrown with its error. */
export function valueOrThrow<T>(result: Failable<T>): T {
  if (!result.ok) throw new DsimInputError(result.error);
  return result.value;
}

/** Throws a `DsimInputError` for `source` when `problem` is a sentence; does nothing when it is undefined. */
export function rejectIf(source: string, problem: string | undefined): void {
  if (problem !== undefined) throw new DsimInputError({ source, message: problem });
}
