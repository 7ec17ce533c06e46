import type { Execution } from '../../execution/types.js';
import { CutSpace } from '../lattice/cut-space.js';
import { resolveLimits } from '../lattice/limits.js';
import type { CutPredicate } from '../predicate-types.js';
import type { CheckResult, SearchLimits } from '../result-types.js';
import { type FeasibleCounts, searchFeasible } from './feasible-search.js';
import { type LockModel, LockTable } from './lock-model.js';

/** A modality's answer under locking constraints, with the counts the search reached. */
export interface LockCheckResult extends CheckResult, FeasibleCounts {
  /** ¬Definitely: whether the counterexample path ends in a deadlock (a cut short of the final one with no feasible successor). */
  readonly endsInDeadlock?: boolean;
}

/** The lock model, or a table already resolved against `exec` (to share it between checks). */
export type LocksArgument = LockModel | LockTable;

function tableFor(exec: Execution, locks: LocksArgument): LockTable {
  return locks instanceof LockTable ? locks : new LockTable(exec, locks);
}

/**
 * Possibly(φ) under locking constraints: some cut satisfies φ among the consistent cuts that are lock-feasible (no
 * lock held by two threads) and reachable from the empty cut through lock-feasible cuts, one event at a time. The
 * witness is the first such cut in breadth-first order and a shortest feasible path to it.
 */
export function possiblyUnderLocks(exec: Execution, pred: CutPredicate, locks: LocksArgument, limits?: SearchLimits): LockCheckResult {
  const space = new CutSpace(exec);
  const evaluate = pred.evaluate;
  const outcome = searchFeasible(space, tableFor(exec, locks), resolveLimits(limits), { admit: () => true, found: evaluate });
  const { cutsVisited, levelReached, deadlocks } = outcome;
  const base = { modality: 'possibly', predicate: pred.text, algorithm: 'lock-bfs', cutsVisited, levelReached, deadlocks } as const;
  if (outcome.kind === 'stopped') return { ...base, verdict: 'unknown', stoppedBy: outcome.stoppedBy };
  if (outcome.kind === 'exhausted') return { ...base, verdict: 'fails' };
  return { ...base, verdict: 'holds', witness: { cut: outcome.cut, path: outcome.path } };
}

/**
 * Definitely(φ) under locking constraints: every observation passes a φ cut. An observation is a maximal path of
 * lock-feasible cuts from the empty cut: one that reaches the final cut, or one that dead-ends short of it (a
 * deadlock of lock orders, e.g. two threads each holding the lock the other takes next). A dead-end path is judged
 * like a complete one: Definitely fails if some maximal path, complete or not, has ¬φ at every cut. The
 * counterexample is such a path; `endsInDeadlock` says which kind. So when every path deadlocks, Definitely(φ)
 * still says whether φ is unavoidable before the deadlock.
 *
 * `cutsVisited` counts the distinct ¬φ cuts the search entered (φ cuts end a path and are not entered).
 */
export function definitelyUnderLocks(exec: Execution, pred: CutPredicate, locks: LocksArgument, limits?: SearchLimits): LockCheckResult {
  const space = new CutSpace(exec);
  const evaluate = pred.evaluate;
  const outcome = searchFeasible(space, tableFor(exec, locks), resolveLimits(limits), {
    admit: (cut) => !evaluate(cut),
    terminal: () => true,
  });
  const { cutsVisited, levelReached, deadlocks } = outcome;
  const base = { modality: 'definitely', predicate: pred.text, algorithm: 'lock-bfs', cutsVisited, levelReached, deadlocks } as const;
  if (outcome.kind === 'stopped') return { ...base, verdict: 'unknown', stoppedBy: outcome.stoppedBy };
  if (outcome.kind === 'exhausted') return { ...base, verdict: 'holds' };
  return {
    ...base,
    verdict: 'fails',
    witness: { cut: outcome.cut, path: outcome.path },
    endsInDeadlock: !space.isFinal(outcome.cut),
  };
}
