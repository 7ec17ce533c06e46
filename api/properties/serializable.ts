/**
 * `serializable(options)`: the run's client history of transactions — operations invoked with `f: 'txn'` and a
 * value listing micro-operations (`[['append', 'x', 1], ['r', 'y', null]]` for list-append, `['w', 'x', 1]` for
 * rw-register; a completion carries what the reads returned) — satisfies a consistency model (default
 * serializable; strict serializable with `realtime`), judged by the Elle-style cycle checker (docs/isolation.md).
 */
import { formatInputError } from '../../execution/failable.js';
import { checkIsolation } from '../../properties/isolation/check.js';
import { formatIsolationResult } from '../../properties/isolation/explain.js';
import { transactionsOfHistory } from '../../properties/isolation/read.js';
import type { DataModel, IsolationOptions } from '../../properties/isolation/types.js';
import { undecided, type Property } from '../../scenarios/types.js';
import { property, safety } from './state.js';

/** Options of `serializable`: the checker's options (data model default `list-append`) and the property's name. */
export interface SerializableOptions extends Omit<IsolationOptions, 'model'> {
  readonly model?: DataModel;
  /** Default: the consistency model checked (`serializable`, `strict-serializable`, ...). */
  readonly name?: string;
}

/**
 * The transactions of the client history satisfy the consistency model. A violation names the anomalies, a cycle
 * step by step and the strongest model still satisfied; a check stopped by a limit leaves it undecided.
 */
export function serializable(options: SerializableOptions = {}): Property {
  const { name, model = 'list-append', ...rest } = options;
  const consistencyModel = rest.consistencyModel ?? (rest.realtime === true ? 'strict-serializable' : 'serializable');
  const checkOptions: IsolationOptions = { ...rest, model, consistencyModel };
  return safety(property(
    name ?? consistencyModel,
    ({ history }) => {
      const txns = transactionsOfHistory(history, model);
      if (!txns.ok) return `the history is malformed: ${formatInputError(txns.error)}`;
      const r = checkIsolation(txns.value, checkOptions);
      if (r.valid === true) return true;
      if (r.valid === 'unknown') return undecided(`${r.transactions} transactions: the check stopped: ${r.stoppedBy ?? 'a limit was reached'}`);
      return `not ${consistencyModel} (${model}): ${formatIsolationResult(r)}`;
    },
    `the client history's transactions are ${consistencyModel} (${model})`,
  ));
}
