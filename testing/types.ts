/**
 * Typings of the dsim matchers, merged into vitest's `expect(...)` so `expect(result).toHoldEverywhere()` type-checks
 * in any file of a project that imports `dsim/testing` (or this file) once.
 */
import type { PredicateSource } from '../api/modality.js';
import type { CheckHistoryOptions } from '../properties/linearizability/check.js';
import type { ModelChoice } from '../properties/linearizability/resolve-model.js';
import type { SearchLimits } from '../properties/result-types.js';

/** Options of `toHoldEverywhere`. */
export interface HoldEverywhereOptions {
  /**
   * Properties that may stay undecided without failing the assertion (a liveness bound a long run may not reach, a
   * search a limit stopped): their names, or `'any'`. A name that is not a property of the scenario is an error.
   */
  readonly accept?: { readonly undecided: readonly string[] | 'any' };
}

/** The dsim matchers. `R`: what an assertion returns (vitest's own type). */
export interface DsimMatchers<R = unknown> {
  /**
   * On `run()` or `fuzz()` results: every property held and no handler threw (on every seed). The failure message
   * lists every violation with its counterexample and the call that replays the failing seed. A property a seed
   * could not decide (`unknown`) fails it too, unless named in `accept.undecided` (or `'any'`).
   */
  toHoldEverywhere(options?: HoldEverywhereOptions): R;
  /** On `run()` or `fuzz()` results: the named property (or, without a name, some property) was violated. */
  toViolate(property?: string): R;
  /**
   * On an `Execution` or a run result: some consistent cut satisfies the predicate (Possibly). `.not.toPossibly(φ)`
   * fails with the witness cut, each host's state in it and the path of events that reaches it.
   */
  toPossibly(predicate: PredicateSource, limits?: SearchLimits): R;
  /** On an `Execution` or a run result: every path of cuts passes a cut satisfying the predicate (Definitely). */
  toDefinitely(predicate: PredicateSource, limits?: SearchLimits): R;
  /** On a client `History` or a run result: linearizable with respect to the model (a built-in's name, or `defineModel`'s). */
  toBeLinearizable(model: ModelChoice, options?: CheckHistoryOptions): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends DsimMatchers<T> {}
}
