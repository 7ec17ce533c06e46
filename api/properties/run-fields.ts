/**
 * How the cut properties compile their predicates on a run: against the fields the run's events set and the
 * protocol's declared `fields`; a name that is neither (a typo) is the user's mistake, thrown as a `DsimInputError`
 * from `run` / `fuzz`, never reported as a violation of the property.
 *
 * A run that ended early (the events limit, a handler's failure, an observer) may stop before the event that first
 * sets a field, so there the property is undecided instead, saying why: a shrinker's shortened candidates and a run
 * whose protocol failed are not the user's mistake. A run that reaches its natural end (quiet, or its time limit)
 * throws.
 */
import { formatInputError, type InputError } from '../../execution/failable.js';
import type { CompileOptions } from '../../properties/predicate/compile.js';
import { undecided, type PropertyVerdict, type RunOutcome } from '../../scenarios/types.js';
import type { EndReason } from '../../sim/limits.js';
import type { SimulationResult } from '../../sim/simulator.js';
import { DsimInputError } from '../errors.js';

/** What an unknown field's sentence adds when the protocol declares no fields. */
export const DECLARE_FIELDS_HINT = "if the protocol sets it only in some runs, list it in the protocol's `fields`";

/** Compile options for predicates checked on `outcome`: its protocol's declared fields, or the hint to declare them. */
export function compileOptionsFor(outcome: RunOutcome): CompileOptions {
  const declared = (outcome as RunOutcome & Pick<SimulationResult, 'fieldsDeclared'>).fieldsDeclared;
  return declared === undefined ? { unknownFieldHint: DECLARE_FIELDS_HINT } : { fieldsDeclared: declared };
}

/** A property's predicate that does not compile on a run, as the error `run` and `fuzz` throw. */
export function propertyInputError(property: string, error: InputError): DsimInputError {
  return new DsimInputError({ ...error, source: `property "${property}": ${error.source}` });
}

/** End reasons of a run cut short before its natural end. */
const ENDED_EARLY: readonly EndReason[] = ['events-limit', 'storage-limit', 'protocol-error', 'observer-stop'];

/** What a property answers when its predicate does not compile on `outcome`: undecided on a run cut short, else a throw. */
export function uncompiledVerdict(property: string, error: InputError, outcome: RunOutcome): PropertyVerdict {
  if (ENDED_EARLY.includes(outcome.endReason)) {
    return undecided(`cannot check this run, which ended early (${outcome.endReason}): ${formatInputError(error)}`);
  }
  throw propertyInputError(property, error);
}
