/**
 * P-compositionality (Herlihy & Wing's locality, generalised by Horn & Kroening): when a model is a product of
 * independent per-key models, a history is linearizable iff each per-key sub-history is, so the parts are checked
 * separately. This turns one search over all operations into many small ones.
 */
import type { Model } from './model.js';
import type { Operation } from './operations.js';

/** One part of a history; `key` is absent when the history was not split. */
export interface HistoryPart {
  readonly key?: string;
  readonly ops: readonly Operation[];
}

/** Splits `ops` by the model's partition key (parts in key order), or returns one part. */
export function splitOperations(ops: readonly Operation[], model: Model<unknown>, split: boolean): HistoryPart[] {
  const keyOf = model.partitionKey;
  if (!split || keyOf === undefined) return [{ ops }];
  const byKey = new Map<string, Operation[]>();
  for (const op of ops) {
    const key = keyOf.call(model, op.input);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [op]);
    else list.push(op);
  }
  const keys = [...byKey.keys()].sort();
  return keys.map((key) => ({ key, ops: byKey.get(key) as Operation[] }));
}
