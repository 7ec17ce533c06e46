import type { Execution } from '../../execution/types.js';
import type { CutPredicate } from '../predicate-types.js';
import type { CheckResult, SearchLimits } from '../result-types.js';
import { CutSpace } from './cut-space.js';
import { LexicalCuts } from './lexical.js';
import { nextPause, resolveLimits, stoppedByCuts } from './limits.js';
import { assertConsistent, linearizeCut } from './path.js';

/**
 * Possibly(φ) for a general φ: some consistent cut satisfies φ. Enumerates the cuts in lexical order (space linear
 * in the number of hosts) and stops at the first that satisfies φ; the witness is that cut and a path to it.
 */
export function possibly(exec: Execution, pred: CutPredicate, limits?: SearchLimits): CheckResult {
  const { cutsMax, progress } = resolveLimits(limits);
  const cuts = new LexicalCuts(new CutSpace(exec));
  const cut = cuts.cut;
  const evaluate = pred.evaluate;
  let visited = 0;
  let pause = nextPause(0, cutsMax, progress);
  while (cuts.next()) {
    if (visited >= pause) {
      if (visited >= cutsMax) return unknownPossibly(pred, visited, stoppedByCuts(cutsMax));
      pause = nextPause(visited, cutsMax, progress);
    }
    visited++;
    if (evaluate(cut)) {
      const found = Int32Array.from(cut);
      assertConsistent(exec, found);
      return {
        modality: 'possibly',
        predicate: pred.text,
        verdict: 'holds',
        algorithm: 'lexical',
        cutsVisited: visited,
        witness: { cut: found, path: linearizeCut(exec, found) },
      };
    }
  }
  return { modality: 'possibly', predicate: pred.text, verdict: 'fails', algorithm: 'lexical', cutsVisited: visited };
}

function unknownPossibly(pred: CutPredicate, visited: number, stoppedBy: string): CheckResult {
  return {
    modality: 'possibly',
    predicate: pred.text,
    verdict: 'unknown',
    algorithm: 'lexical',
    cutsVisited: visited,
    stoppedBy,
  };
}
