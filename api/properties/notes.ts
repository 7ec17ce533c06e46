/**
 * Notes a run's cut properties leave about how they decided: a property that had to enumerate the lattice of
 * consistent cuts (its predicate has no shape with a polynomial algorithm) says so once per run, with the algorithm
 * and the cuts it visited, so a slow check is never silent.
 *
 * A property's verdict has no place for a note that is not a violation, so the notes are kept beside the run's
 * execution (weakly: they go when it goes) and read back with `propertyNotes(result)`; the CLI's run output prints
 * them. Deterministic: the same run leaves the same notes.
 */
import type { Execution } from '../../execution/types.js';
import type { CheckResult } from '../../properties/result-types.js';

/** A property's note about one run. */
export interface PropertyNote {
  readonly property: string;
  /** One line: `enumerated the lattice of consistent cuts (lexical, 48213 cuts visited): ...`. */
  readonly note: string;
}

/** The algorithms that enumerate the lattice (exponential in the number of hosts in the worst case). */
export const ENUMERATING_ALGORITHMS: readonly string[] = ['lexical', 'cooper-marzullo'];

const NOTES = new WeakMap<Execution, Map<string, string>>();

/** Keeps `note` for `property` on `exec`, replacing an earlier note of the same property. */
export function addNote(exec: Execution, property: string, note: string): void {
  let notes = NOTES.get(exec);
  if (notes === undefined) NOTES.set(exec, (notes = new Map()));
  notes.set(property, note);
}

/** Notes that `property` enumerated the lattice to reach `result`, when it did. */
export function noteEnumeration(exec: Execution, property: string, result: CheckResult): void {
  if (!ENUMERATING_ALGORITHMS.includes(result.algorithm)) return;
  addNote(
    exec,
    property,
    `enumerated the lattice of consistent cuts (${result.algorithm}, ${result.cutsVisited} cuts visited): the predicate ` +
      'has no shape with a polynomial algorithm; atMostOne, mutualExclusion, a conjunction of one-node terms ' +
      'or a stable: predicate are decided without enumerating',
  );
}

/**
 * The notes the properties of a run left, in the order they were first made: pass a `run` result (or its
 * `execution`). Empty when every property was decided without enumerating the lattice.
 */
export function propertyNotes(of: Execution | { readonly execution: Execution }): readonly PropertyNote[] {
  const exec = 'execution' in of ? of.execution : of;
  return [...(NOTES.get(exec) ?? new Map<string, string>())].map(([property, note]) => ({ property, note }));
}
