import type { Execution } from '../execution/types.js';

/**
 * A global predicate compiled against one execution: `evaluate(cut)` reads the state of the cut, where cut[h] is
 * the number of host h's events included. It must not keep or modify `cut` (the engine reuses the array).
 */
export interface CutPredicate {
  /** The source text or a name, for reports. */
  readonly text: string;
  readonly evaluate: (cut: Int32Array) => boolean;
  /** What the engine may exploit; `general` when nothing is known. */
  readonly shape: PredicateShape;
}

/**
 * A local predicate of one host: `holds(k)` is its value on the host's state after its first k events
 * (k = 0: before its first event).
 */
export interface LocalPredicate {
  readonly host: number;
  readonly holds: (k: number) => boolean;
}

/**
 * Shapes with fast algorithms:
 * - `conjunctive`: the predicate is the conjunction of the local predicates (at most one per host; a host with none
 *   is unconstrained). Possibly by Garg–Waldecker weak conjunctive detection, Definitely by strong conjunctive.
 * - `stable`: once true at a cut, true at every later cut (declared by the user, or a known stable form); Possibly
 *   and Definitely both reduce to evaluating the final cut.
 */
export type PredicateShape =
  | { readonly kind: 'general' }
  | { readonly kind: 'conjunctive'; readonly locals: readonly LocalPredicate[] }
  | { readonly kind: 'stable' };

/** Compiles something into a CutPredicate for a given execution. */
export type PredicateCompiler = (exec: Execution) => CutPredicate;
