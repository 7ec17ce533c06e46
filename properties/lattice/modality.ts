import type { Execution } from '../../execution/types.js';
import type { CutPredicate } from '../predicate-types.js';
import type { CheckResult, SearchLimits } from '../result-types.js';
import { strongConjunctive, weakConjunctive } from './conjunctive.js';
import { definitely } from './definitely.js';
import { possibly } from './possibly.js';
import { checkStable } from './stable.js';

/** A modality over the lattice of consistent cuts. */
export type Modality = 'possibly' | 'definitely';

/** How to check a modality. */
export interface ModalityOptions {
  readonly limits?: SearchLimits;
  /**
   * Use the fast algorithm the predicate's shape allows (default true): `conjunctive` → weak or strong conjunctive
   * detection, `stable` → the final cut. False always enumerates (lexical for Possibly, Cooper–Marzullo for
   * Definitely). The result's `algorithm` names what decided.
   */
  readonly fastPaths?: boolean;
}

/** Checks Possibly(φ) or Definitely(φ), choosing the algorithm from `pred.shape` unless fast paths are off. */
export function checkModality(
  exec: Execution,
  modality: Modality,
  pred: CutPredicate,
  options: ModalityOptions = {},
): CheckResult {
  const fast = options.fastPaths ?? true;
  const shape = pred.shape;
  if (fast && shape.kind === 'conjunctive') {
    return modality === 'possibly'
      ? weakConjunctive(exec, pred.text, shape.locals)
      : strongConjunctive(exec, pred.text, shape.locals);
  }
  if (fast && shape.kind === 'stable') return checkStable(exec, modality, pred);
  return modality === 'possibly' ? possibly(exec, pred, options.limits) : definitely(exec, pred, options.limits);
}
