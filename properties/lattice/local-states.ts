import type { Execution } from '../../execution/types.js';
import type { LocalPredicate } from '../predicate-types.js';

/**
 * The local predicates of a conjunctive predicate, tabulated: holds[h][k] is 1 when host h's local predicate holds
 * in its state after k events (hosts with no local predicate are unconstrained: always 1).
 */
export function tabulateLocals(exec: Execution, locals: readonly LocalPredicate[]): Uint8Array[] {
  const n = exec.hosts.length;
  const table = exec.byHost.map((own) => new Uint8Array(own.length + 1).fill(1));
  const seen = new Uint8Array(n);
  for (const local of locals) {
    if (!(Number.isInteger(local.host) && local.host >= 0 && local.host < n)) {
      throw new Error(`a local predicate names host ${local.host}, but there are ${n} hosts`);
    }
    if (seen[local.host] === 1) throw new Error(`two local predicates name host ${local.host}`);
    seen[local.host] = 1;
    const row = table[local.host]!;
    for (let k = 0; k < row.length; k++) row[k] = local.holds(k) ? 1 : 0;
  }
  return table;
}

/** nextTrue[k] = least k' ≥ k with holds[k'] = 1, or -1; one extra slot past the end holds -1. */
export function nextTrueIndex(holds: Uint8Array): Int32Array {
  const next = new Int32Array(holds.length + 1);
  next[holds.length] = -1;
  for (let k = holds.length - 1; k >= 0; k--) next[k] = holds[k] === 1 ? k : next[k + 1]!;
  return next;
}
