/**
 * Matchers on executions and histories: `toPossibly(φ)`, `toDefinitely(φ)` over the lattice of consistent cuts, and
 * `toBeLinearizable(model)`. A predicate that does not compile, a malformed history, or a search stopped by a limit
 * (verdict `unknown`) fails the assertion whichever way it is negated: none of them is an answer.
 */
import type { MatcherState } from 'vitest';
import { decide, explainDecision, type PredicateSource } from '../api/modality.js';
import { formatInputError } from '../execution/failable.js';
import { checkHistory, formatExplanation, type CheckHistoryOptions } from '../properties/linearizability/check.js';
import type { ModelChoice } from '../properties/linearizability/resolve-model.js';
import type { Modality } from '../properties/lattice/modality.js';
import type { SearchLimits } from '../properties/result-types.js';
import { executionOf, historyOf } from './received.js';
import type { MatcherOutcome } from './run-matchers.js';

/** The first line of a failure message: what was expected of the execution, and what was found. */
function headline(modality: Modality, holds: boolean, label: string, text: string): string {
  if (modality === 'possibly') {
    return holds
      ? `expected no consistent cut of ${label} to satisfy ${text}, but one does:`
      : `expected some consistent cut of ${label} to satisfy ${text}, but none does:`;
  }
  return holds
    ? `expected some path of cuts of ${label} to avoid ${text}, but every path passes a cut satisfying it:`
    : `expected every path of cuts of ${label} to pass a cut satisfying ${text}, but one avoids it:`;
}

function modalityMatcher(received: unknown, modality: Modality, source: PredicateSource, limits: SearchLimits | undefined): MatcherOutcome {
  const name = modality === 'possibly' ? 'toPossibly' : 'toDefinitely';
  const exec = executionOf(received, name);
  const answer = decide(exec, modality, source, limits);
  if (!answer.ok) throw new Error(`${name}: ${formatInputError(answer.error)}`);
  const decision = answer.value;
  const verdict = decision.result.verdict;
  if (verdict === 'unknown') throw new Error(`${name}: could not decide on ${exec.label}: ${explainDecision(exec, decision)}`);
  const holds = verdict === 'holds';
  return {
    pass: holds,
    message: () => `${headline(modality, holds, exec.label, decision.result.predicate)}\n${explainDecision(exec, decision)}`,
  };
}

/** `expect(execution).toPossibly('count(role == "leader") >= 2')`: some consistent cut satisfies the predicate. */
export function toPossibly(this: MatcherState, received: unknown, predicate: PredicateSource, limits?: SearchLimits): MatcherOutcome {
  return modalityMatcher(received, 'possibly', predicate, limits);
}

/** `expect(execution).toDefinitely('all(decided)')`: every path from the empty to the final cut passes such a cut. */
export function toDefinitely(this: MatcherState, received: unknown, predicate: PredicateSource, limits?: SearchLimits): MatcherOutcome {
  return modalityMatcher(received, 'definitely', predicate, limits);
}

/** `expect(history).toBeLinearizable('register')`: the client history is linearizable with respect to the model (a name or `defineModel`'s). */
export function toBeLinearizable(
  this: MatcherState,
  received: unknown,
  choice: ModelChoice,
  options: CheckHistoryOptions = {},
): MatcherOutcome {
  const history = historyOf(received, 'toBeLinearizable');
  const checked = checkHistory(history, choice, options);
  const model = typeof choice === 'string' ? choice : choice.name;
  if (!checked.ok) throw new Error(`toBeLinearizable: ${formatInputError(checked.error)}`);
  const r = checked.value;
  const counts = `${r.operations} operations, ${r.steps} search steps`;
  if (r.verdict === 'unknown') throw new Error(`toBeLinearizable: could not decide (${counts}): ${r.stoppedBy ?? 'a limit was reached'}`);
  const pass = r.verdict === 'linearizable';
  return {
    pass,
    message: () =>
      pass
        ? `expected the history not to be linearizable (model ${model}), but it is (${counts})`
        : [`expected the history to be linearizable (model ${model}), but it is not (${counts}):`, ...formatExplanation(r.explanation!)].join('\n'),
  };
}
