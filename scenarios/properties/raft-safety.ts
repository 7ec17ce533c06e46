/**
 * Election safety of the Raft model: at most one leader per term.
 *
 * Two properties, both over the recorded execution (so they check a real system's log the same way):
 * - `election-safety`: ¬Possibly(∃ i ≠ j, t: leader_i(t) ∧ leader_j(t)) over the lattice of consistent cuts. The
 *   disjunction is split into one conjunctive predicate per pair of hosts and term, each decided by the engine's
 *   conjunctive fast path (Garg–Waldecker); disjuncts whose local predicates never hold are skipped (they are false).
 * - `one-leader-per-term`: no two hosts are ever leader in the same term, at any times, which also catches a leader
 *   that crashed before the other won (no consistent cut holds both, yet the term had two leaders).
 */
import type { Execution } from '../../execution/types.js';
import { checkModality } from '../../properties/lattice/index.js';
import type { CutPredicate, LocalPredicate } from '../../properties/predicate-types.js';
import { undecided, type Property, type PropertyVerdict } from '../types.js';

/** True when host h, after its first k events, is up and leader of `term`. A crash event's state is "down". */
function leaderOf(exec: Execution, h: number, term: number): (k: number) => boolean {
  const states = exec.hostStates[h]!;
  const own = exec.byHost[h]!;
  return (k) => {
    if (k === 0 || exec.events[own[k - 1]!]!.kind === 'crash') return false;
    const s = states[k]!;
    return s['leader'] === 1 && s['term'] === term;
  };
}

/** For each term, the hosts that were ever leader in it, each with the first event at which it was. */
export function leadersByTerm(exec: Execution): Map<number, { host: number; eventId: number }[]> {
  const out = new Map<number, { host: number; eventId: number }[]>();
  for (let h = 0; h < exec.hosts.length; h++) {
    const own = exec.byHost[h]!;
    const seen = new Set<number>();
    for (let k = 1; k <= own.length; k++) {
      const s = exec.hostStates[h]![k]!;
      const term = s['term'];
      if (s['leader'] !== 1 || typeof term !== 'number' || seen.has(term)) continue;
      if (exec.events[own[k - 1]!]!.kind === 'crash') continue;
      seen.add(term);
      const list = out.get(term) ?? [];
      list.push({ host: h, eventId: own[k - 1]! });
      out.set(term, list);
    }
  }
  return out;
}

/** The conjunctive predicate "host i and host j are both leader of `term`". */
export function twoLeadersPredicate(exec: Execution, i: number, j: number, term: number): CutPredicate {
  const locals: LocalPredicate[] = [
    { host: i, holds: leaderOf(exec, i, term) },
    { host: j, holds: leaderOf(exec, j, term) },
  ];
  return {
    text: `leader@${exec.hosts[i]} && term@${exec.hosts[i]} == ${term} && leader@${exec.hosts[j]} && term@${exec.hosts[j]} == ${term}`,
    evaluate: (cut) => locals.every((l) => l.holds(cut[l.host]!)),
    shape: { kind: 'conjunctive', locals },
  };
}

/** "p2 after its event 7 (id 31, tick 120)": where host h stands in a cut. */
function frontier(exec: Execution, h: number, k: number): string {
  const e = exec.events[exec.byHost[h]![k - 1]!]!;
  return `${exec.hosts[h]} after its event ${k} (id ${e.id}${e.timeTicks === undefined ? '' : `, tick ${e.timeTicks}`})`;
}

function checkElectionSafety(exec: Execution): PropertyVerdict {
  let stopped: PropertyVerdict | undefined; // a pair the search could not decide; the other pairs still count
  for (const [term, leaders] of [...leadersByTerm(exec)].sort((a, b) => a[0] - b[0])) {
    for (let a = 0; a < leaders.length; a++) {
      for (let b = a + 1; b < leaders.length; b++) {
        const i = leaders[a]!.host;
        const j = leaders[b]!.host;
        const result = checkModality(exec, 'possibly', twoLeadersPredicate(exec, i, j, term));
        if (result.verdict === 'holds' && result.witness !== undefined) {
          const cut = result.witness.cut;
          return {
            ok: false,
            message:
              `${exec.hosts[i]} and ${exec.hosts[j]} are both leader of term ${term} at the consistent cut ` +
              `[${Array.from(cut).join(', ')}] (events per host; ${frontier(exec, i, cut[i]!)}, ` +
              `${frontier(exec, j, cut[j]!)}; found by ${result.algorithm} detection)`,
            witness: result.witness,
          };
        }
        if (result.verdict === 'unknown') {
          stopped ??= undecided(`two leaders of term ${term}: the search stopped: ${result.stoppedBy ?? 'a limit was reached'}`);
        }
      }
    }
  }
  return stopped ?? { ok: true };
}

function checkOneLeaderPerTerm(exec: Execution): PropertyVerdict {
  for (const [term, leaders] of [...leadersByTerm(exec)].sort((a, b) => a[0] - b[0])) {
    if (leaders.length < 2) continue;
    const who = leaders.map(({ host, eventId }) => {
      const e = exec.events[eventId]!;
      return `${exec.hosts[host]} (event ${eventId}${e.timeTicks === undefined ? '' : `, tick ${e.timeTicks}`})`;
    });
    return { ok: false, message: `term ${term} had ${leaders.length} leaders: ${who.join(' and ')}` };
  }
  return { ok: true };
}

/** ¬Possibly(two leaders of one term) over the lattice of consistent cuts. */
export const electionSafety: Property = {
  name: 'election-safety',
  safety: true,
  description: 'no consistent cut has two leaders of the same term (¬Possibly, conjunctive fast path per pair and term)',
  check: (outcome) => checkElectionSafety(outcome.execution),
};

/** No two hosts are ever leader of the same term, even at different times. */
export const oneLeaderPerTerm: Property = {
  name: 'one-leader-per-term',
  safety: true,
  description: 'no two hosts are leader of the same term at any times, even one after the other',
  check: (outcome) => checkOneLeaderPerTerm(outcome.execution),
};
