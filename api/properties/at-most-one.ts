/**
 * "At most one node at a time": safety properties over the lattice of consistent cuts that stay polynomial.
 *
 * `never(name, 'count(inCS) >= 2')` is a general predicate, and a general predicate is decided by enumerating the
 * lattice, which grows exponentially with the number of nodes. The same question asked pair by pair is a
 * disjunction of conjunctive predicates (node i holds its condition ∧ node j holds it, in the same group), each
 * decided by weak conjunctive detection in time linear in the two nodes' events: the builders below ask it that way
 * (properties/pairwise.ts `possiblyTwoAtOnce`, algorithm `pairwise-conjunctive`), as the built-in Raft election
 * safety does.
 */
import type { StateValue } from '../../execution/types.js';
import { possiblyTwoAtOnce } from '../../properties/pairwise.js';
import { parseFieldName, parseLocalCondition, tabulateField, tabulateLocalCondition } from '../../properties/predicate/local.js';
import { undecided, type Property, type PropertyVerdict, type RunOutcome } from '../../scenarios/types.js';
import { valueOrThrow } from '../errors.js';
import { explainResult } from '../modality.js';
import type { CutPropertyOptions } from './cuts.js';
import { compileOptionsFor, uncompiledVerdict } from './run-fields.js';
import { safety } from './state.js';

/** Options of `atMostOne`. */
export interface AtMostOneOptions extends CutPropertyOptions {
  /**
   * A field that groups the nodes (`epoch`, `term`): only two nodes with equal values of it conflict, so "at most one
   * leader per epoch". A node where the field is unset is in no group. Omitted: every node is in one group.
   */
  readonly per?: string;
}

type Groups = readonly (readonly (StateValue | undefined)[])[] | null;

/**
 * Safety over the cut lattice: no consistent cut of a run has two distinct nodes where `condition` holds (with equal
 * values of `options.per`, when given). `condition` is predicate-language text about one node, its fields bare:
 * `role == "leader"`, `inCS`, `has(lease) && lease > 0`. Decided pair by pair by weak conjunctive detection, in
 * polynomial time (at most groups × nodes² × events steps), never by enumerating the lattice. A violation names the
 * two nodes and the group, with the witness cut and the path to it.
 *
 * The same as `never(name, 'count(condition) >= 2')` without `per`; with `per`, the same as the disjunction over
 * pairs of nodes i ≠ j of `condition_i && condition_j && i.per == j.per`.
 *
 * @example atMostOne('one-leader-per-epoch', 'role == "leader"', { per: 'epoch' })
 */
export function atMostOne(name: string, condition: string, options: AtMostOneOptions = {}): Property {
  const parsed = valueOrThrow(parseLocalCondition(condition, `property "${name}" condition`));
  const per = options.per;
  const perParsed = per === undefined ? undefined : valueOrThrow(parseFieldName(per, `property "${name}" per`));
  const text = per === undefined ? `count(${condition}) >= 2` : `two nodes with ${condition} and equal ${per}`;
  const check = (outcome: RunOutcome): PropertyVerdict => {
    const exec = outcome.execution;
    const compile = compileOptionsFor(outcome);
    const holds = tabulateLocalCondition(parsed, exec, compile);
    if (!holds.ok) return uncompiledVerdict(name, holds.error, outcome);
    let groups: Groups = null;
    if (perParsed !== undefined) {
      const values = tabulateField(perParsed, exec, compile);
      if (!values.ok) return uncompiledVerdict(name, values.error, outcome);
      groups = values.value;
    }
    const { result, pair } = possiblyTwoAtOnce(exec, text, holds.value, groups, options.limits);
    if (result.verdict === 'fails') return { ok: true };
    if (result.verdict === 'unknown' || pair === undefined) return undecided(explainResult(exec, result));
    const group = per === undefined ? '' : ` with ${per} ${JSON.stringify(pair.group)}`;
    const who = `${exec.hosts[pair.hostA]} and ${exec.hosts[pair.hostB]} both hold ${condition}${group}`;
    return { ok: false, message: `violated: ${who} at one consistent cut: ${explainResult(exec, result)}`, witness: result.witness };
  };
  const description =
    per === undefined
      ? `no consistent cut has two nodes where ${condition} (pairwise conjunctive detection)`
      : `no consistent cut has two nodes where ${condition} with equal ${per} (pairwise conjunctive detection)`;
  return safety({ name, description: options.description ?? description, check });
}

/**
 * Mutual exclusion: no consistent cut of a run has two nodes in the critical section, where `inCriticalSection` is
 * a condition about one node (`inCS`, `state == "critical"`). `atMostOne` without groups: `count(φ) <= 1` at every
 * consistent cut, decided pair by pair in polynomial time.
 *
 * @example mutualExclusion('mutex', 'inCS')
 */
export function mutualExclusion(name: string, inCriticalSection: string, options: CutPropertyOptions = {}): Property {
  return atMostOne(name, inCriticalSection, {
    ...options,
    ...(options.description === undefined ? { description: `at most one node at a time where ${inCriticalSection} (mutual exclusion, pairwise conjunctive detection)` } : {}),
  });
}
