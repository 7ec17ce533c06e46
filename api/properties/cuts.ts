/**
 * Properties over the lattice of consistent cuts of a run's execution. A predicate is checked at every consistent
 * cut — every global state the run could have passed through, not only the one interleaving the simulator chose —
 * so a safety property holds for every observer.
 *
 * - `never(name, φ)`: ¬Possibly(φ): no consistent cut satisfies φ (a safety property).
 * - `reachable(name, φ)`: Possibly(φ): some consistent cut satisfies φ.
 * - `inevitable(name, φ)`: Definitely(φ): every path from the empty cut to the final cut passes a cut satisfying φ.
 *
 * A predicate naming a host or field the run does not have (a typo: a field no event of the run sets and the
 * protocol does not declare in its `fields`) throws a `DsimInputError` from `run` / `fuzz`. A property that had to
 * enumerate the lattice leaves a note (see notes.ts).
 */
import { parsePredicate } from '../../properties/predicate/parser.js';
import type { CutPredicate } from '../../properties/predicate-types.js';
import type { SearchLimits } from '../../properties/result-types.js';
import type { Execution } from '../../execution/types.js';
import { undecided, type Property, type PropertyVerdict, type RunOutcome } from '../../scenarios/types.js';
import { valueOrThrow } from '../errors.js';
import { decide, explainDecision } from '../modality.js';
import { noteEnumeration } from './notes.js';
import { compileOptionsFor, uncompiledVerdict } from './run-fields.js';
import { safety } from './state.js';

/** A predicate of a property: text in the predicate language, or a function building a `CutPredicate` per run. */
export type CutPredicateSource = string | ((exec: Execution) => CutPredicate);

/** Options of a cut-lattice property. */
export interface CutPropertyOptions {
  /** Replaces the generated description. */
  readonly description?: string;
  /** Bounds the search; a search stopped by a limit leaves the property undecided (`unknown`, not a violation). */
  readonly limits?: SearchLimits;
}

type Expect = { readonly modality: 'possibly' | 'definitely'; readonly want: 'holds' | 'fails' };

function cutProperty(name: string, source: CutPredicateSource, expect: Expect, description: string, options: CutPropertyOptions): Property {
  if (typeof source === 'string') valueOrThrow(parsePredicate(source)); // a syntax error throws at definition
  const check = (outcome: RunOutcome): PropertyVerdict => {
    const exec = outcome.execution;
    const result = decide(exec, expect.modality, source, options.limits, compileOptionsFor(outcome));
    if (!result.ok) return uncompiledVerdict(name, result.error, outcome);
    noteEnumeration(exec, name, result.value.result);
    const verdict = result.value.result.verdict;
    if (verdict === expect.want) return { ok: true };
    if (verdict === 'unknown') return undecided(explainDecision(exec, result.value));
    return { ok: false, message: `violated: ${explainDecision(exec, result.value)}` };
  };
  return { name, description: options.description ?? description, check };
}

/**
 * Safety over the cut lattice: no consistent cut of a run satisfies `predicate` (¬Possibly). The violation names
 * the witness cut, each host's state in it and the path of events that reaches it.
 *
 * @example never('atomicity', 'any(decision == "commit") && any(decision == "abort")')
 */
export function never(name: string, predicate: CutPredicateSource, options: CutPropertyOptions = {}): Property {
  const text = typeof predicate === 'string' ? predicate : name;
  return safety(cutProperty(name, predicate, { modality: 'possibly', want: 'fails' }, `no consistent cut satisfies ${text}`, options));
}

/** Some consistent cut of a run satisfies `predicate` (Possibly): the run could have been observed in such a state. */
export function reachable(name: string, predicate: CutPredicateSource, options: CutPropertyOptions = {}): Property {
  const text = typeof predicate === 'string' ? predicate : name;
  return cutProperty(name, predicate, { modality: 'possibly', want: 'holds' }, `some consistent cut satisfies ${text}`, options);
}

/** Every observer sees `predicate` hold at some point (Definitely); a violation shows a path that avoids it. */
export function inevitable(name: string, predicate: CutPredicateSource, options: CutPropertyOptions = {}): Property {
  const text = typeof predicate === 'string' ? predicate : name;
  return cutProperty(name, predicate, { modality: 'definitely', want: 'holds' }, `every path of cuts passes a cut satisfying ${text}`, options);
}
