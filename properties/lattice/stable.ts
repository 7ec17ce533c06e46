import type { Execution } from '../../execution/types.js';
import type { CutPredicate } from '../predicate-types.js';
import type { CheckResult } from '../result-types.js';
import { CutSpace } from './cut-space.js';
import { completePath } from './path.js';

/**
 * Possibly or Definitely of a stable predicate (once true, true at every later cut): both equal φ at the final
 * cut. Possibly's witness is the final cut; ¬Definitely's counterexample is any path to the final cut, since by
 * stability every cut on it falsifies φ.
 */
export function checkStable(exec: Execution, modality: 'possibly' | 'definitely', pred: CutPredicate): CheckResult {
  const final = new CutSpace(exec).finalCut();
  const holds = pred.evaluate(final);
  const base = { modality, predicate: pred.text, algorithm: 'stable', cutsVisited: 1 } as const;
  const path = completePath(exec, new Int32Array(final.length), []);
  if (holds) return modality === 'possibly' ? { ...base, verdict: 'holds', witness: { cut: final, path } } : { ...base, verdict: 'holds' };
  return modality === 'possibly' ? { ...base, verdict: 'fails' } : { ...base, verdict: 'fails', witness: { cut: final, path } };
}
