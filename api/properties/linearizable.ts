/**
 * `linearizable(model)`: the run's client history (what nodes `invoke`d and `complete`d through their context) is
 * linearizable with respect to a sequential model: a built-in's name (`register`, `cas-register`, `kv`, `set`,
 * `queue`, `mutex`, `multi-register`, `counter`) or a model of your own (`defineModel`).
 */
import { formatInputError } from '../../execution/failable.js';
import { checkHistory, formatExplanation, type CheckHistoryOptions } from '../../properties/linearizability/check.js';
import { resolveModel, withInitial, type ModelChoice } from '../../properties/linearizability/resolve-model.js';
import { undecided, type Property } from '../../scenarios/types.js';
import { valueOrThrow } from '../errors.js';
import { property, safety } from './state.js';

/** Options of `linearizable`: the checker's limits, splitting and `initial` value, and the property's name. */
export interface LinearizableOptions extends CheckHistoryOptions {
  /** Default `linearizable`. */
  readonly name?: string;
}

/**
 * The client history is linearizable. A violation shows the longest linearizable prefix, the model's state after
 * it and the operation that cannot be placed next; a search stopped by a limit leaves it undecided (`unknown`).
 */
export function linearizable(choice: ModelChoice, options: LinearizableOptions = {}): Property {
  const { name = 'linearizable', initial, ...checkOptions } = options;
  // An unknown model or an initial value it cannot take is a mistake in the scenario: thrown at once.
  const resolved = valueOrThrow(resolveModel(choice, 'linearizable'));
  const checked = initial === undefined ? resolved : valueOrThrow(withInitial(resolved, initial, 'linearizable: initial'));
  const model = checked.name;
  return safety(property(
    name,
    ({ history }) => {
      const result = checkHistory(history, checked, checkOptions);
      if (!result.ok) {
        // A user's model that threw names itself; anything else is wrong with the history.
        const text = formatInputError(result.error);
        return `${text.includes(`model "${model}": `) ? 'the model failed' : 'the history is malformed'}: ${text}`;
      }
      const r = result.value;
      if (r.verdict === 'linearizable') return true;
      if (r.verdict === 'unknown') return undecided(`${r.operations} operations: the search stopped: ${r.stoppedBy ?? 'a limit was reached'}`);
      return [`not linearizable (model ${model}, ${r.operations} operations):`, ...formatExplanation(r.explanation!)].join('\n');
    },
    `the client history is linearizable (model ${model})`,
  ));
}
