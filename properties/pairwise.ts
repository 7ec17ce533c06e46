/**
 * Possibly(φ) for a predicate over the states of two hosts only, without enumerating the lattice of the whole
 * computation.
 *
 * A pair (kA, kB) — host A after its first kA events, host B after its first kB — is consistent iff A's kA-th event
 * knows at most kB events of B and B's kB-th event knows at most kA events of A (k = 0 constrains nothing). Every
 * consistent pair extends to a consistent cut of the whole computation: the least one is the join of the two
 * events' causal pasts, cut[h] = max(VC_A[kA][h], VC_B[kB][h]). So Possibly(φ(A, B)) holds iff some consistent pair
 * satisfies φ, and scanning the pairs costs O(mA·mB) evaluations at most.
 *
 * For a fixed kA the consistent kB form one interval [lo, hi]: lo = VC_A[kA][B] (B's events A has seen) and hi is
 * the last kB whose VC_B[kB][A] ≤ kA (B's knowledge of A only grows). The scan visits exactly those pairs.
 */
import type { Execution, StateValue } from '../execution/types.js';
import { nextTrueIndex } from './lattice/local-states.js';
import { assertConsistent, linearizeCut } from './lattice/path.js';
import { CUTS_MAX_DEFAULT, type CheckResult, type SearchLimits } from './result-types.js';

/** A predicate of host A after kA events and host B after kB events. */
export type PairPredicate = (kA: number, kB: number) => boolean;

/** Entry `of` of host h's k-th event's vector clock (0 for k = 0). */
function clockEntry(exec: Execution, h: number, k: number, of: number): number {
  if (k === 0) return 0;
  const id = exec.byHost[h]![k - 1]!;
  return exec.clocks[id * exec.hosts.length + of]!;
}

/** The least consistent cut containing A's first kA and B's first kB events (a consistent pair). */
export function pairCut(exec: Execution, hostA: number, kA: number, hostB: number, kB: number): Int32Array {
  const n = exec.hosts.length;
  const cut = new Int32Array(n);
  for (let h = 0; h < n; h++) cut[h] = Math.max(clockEntry(exec, hostA, kA, h), clockEntry(exec, hostB, kB, h));
  return cut;
}

/**
 * Possibly(pred) over the consistent pairs of `hostA` and `hostB` (distinct). The witness is the least consistent
 * cut of the whole computation containing the satisfying pair, with a path to it; `cutsVisited` counts pairs.
 */
export function possiblyOnPair(
  exec: Execution,
  hostA: number,
  hostB: number,
  pred: PairPredicate,
  limits?: SearchLimits,
  text = `pair(p${hostA}, p${hostB})`,
): CheckResult {
  const n = exec.hosts.length;
  if (hostA === hostB || hostA < 0 || hostB < 0 || hostA >= n || hostB >= n) {
    throw new Error(`possiblyOnPair needs two distinct hosts of ${n}, got ${hostA} and ${hostB}`);
  }
  const cutsMax = limits?.cutsMax ?? CUTS_MAX_DEFAULT;
  const mA = exec.byHost[hostA]!.length;
  const mB = exec.byHost[hostB]!.length;
  const base = { modality: 'possibly', predicate: text, algorithm: 'pairwise' } as const;
  let visited = 0;
  let hi = 0;
  for (let kA = 0; kA <= mA; kA++) {
    while (hi < mB && clockEntry(exec, hostB, hi + 1, hostA) <= kA) hi++;
    const lo = clockEntry(exec, hostA, kA, hostB);
    for (let kB = lo; kB <= hi; kB++) {
      if (visited >= cutsMax) {
        return { ...base, verdict: 'unknown', cutsVisited: visited, stoppedBy: `cuts limit (${cutsMax}) reached` };
      }
      visited++;
      if (!pred(kA, kB)) continue;
      const cut = pairCut(exec, hostA, kA, hostB, kB);
      assertConsistent(exec, cut);
      return { ...base, verdict: 'holds', cutsVisited: visited, witness: { cut, path: linearizeCut(exec, cut) } };
    }
  }
  return { ...base, verdict: 'fails', cutsVisited: visited };
}

/** The answer of `possiblyTwoAtOnce`, with the two hosts (and their group) when it holds. */
export interface TwoAtOnce {
  readonly result: CheckResult;
  readonly pair?: { readonly hostA: number; readonly hostB: number; readonly group: StateValue | undefined };
}

/** Host h's states where `holds` is 1 and the group is `group` (any group when `groups` is null), as a mask. */
function maskOf(holds: Uint8Array, groups: readonly (StateValue | undefined)[] | null, group: StateValue | undefined): Uint8Array {
  if (groups === null) return holds;
  return holds.map((v, k) => (v === 1 && groups[k] === group ? 1 : 0));
}

/**
 * Possibly(two distinct hosts hold their condition at once, in the same group): the disjunction, over pairs of
 * hosts and group values g, of the conjunctive predicate `holds_i ∧ group_i = g ∧ holds_j ∧ group_j = g`, each
 * decided by weak conjunctive detection on the two hosts: move the host whose state the other's depends on, O(m_i +
 * m_j). Only hosts whose condition holds somewhere in g are paired, so the cost is polynomial: at most
 * O(groups · hosts² · events). `holds[h][k]`: the condition at host h after its first k events; `groups[h][k]` its
 * group there (undefined: in no group); `groups` null: one group. `cutsVisited` counts the candidate pairs of states
 * over all pairs; `cutsMax` bounds it (then `unknown`).
 */
export function possiblyTwoAtOnce(
  exec: Execution,
  text: string,
  holds: readonly Uint8Array[],
  groups: readonly (readonly (StateValue | undefined)[])[] | null,
  limits?: SearchLimits,
): TwoAtOnce {
  const cutsMax = limits?.cutsMax ?? CUTS_MAX_DEFAULT;
  const base = { modality: 'possibly', predicate: text, algorithm: 'pairwise-conjunctive' } as const;
  const members = new Map<StateValue | undefined, number[]>(); // group → hosts holding in it, in host order
  holds.forEach((row, h) => {
    for (let k = 0; k < row.length; k++) {
      if (row[k] !== 1) continue;
      const g = groups === null ? undefined : groups[h]![k];
      if (groups !== null && g === undefined) continue;
      const list = members.get(g) ?? [];
      if (list[list.length - 1] !== h) list.push(h);
      members.set(g, list);
    }
  });
  let visited = 0;
  for (const [group, hosts] of members) {
    const next = hosts.map((h) => nextTrueIndex(maskOf(holds[h]!, groups === null ? null : groups[h]!, group)));
    for (let a = 0; a < hosts.length; a++) {
      for (let b = a + 1; b < hosts.length; b++) {
        const hostA = hosts[a]!;
        const hostB = hosts[b]!;
        const nextA = next[a]!;
        const nextB = next[b]!;
        let kA = nextA[0]!;
        let kB = nextB[0]!;
        for (visited++; kA >= 0 && kB >= 0; visited++) {
          if (visited > cutsMax) return { result: { ...base, verdict: 'unknown', cutsVisited: visited - 1, stoppedBy: `cuts limit (${cutsMax}) reached` } };
          const needA = clockEntry(exec, hostB, kB, hostA); // events of A that B's state depends on
          if (needA > kA) {
            kA = nextA[needA]!;
            continue;
          }
          const needB = clockEntry(exec, hostA, kA, hostB);
          if (needB > kB) {
            kB = nextB[needB]!;
            continue;
          }
          const cut = pairCut(exec, hostA, kA, hostB, kB);
          assertConsistent(exec, cut);
          const witness = { cut, path: linearizeCut(exec, cut) };
          return { result: { ...base, verdict: 'holds', cutsVisited: visited, witness }, pair: { hostA, hostB, group } };
        }
      }
    }
  }
  return { result: { ...base, verdict: 'fails', cutsVisited: visited } };
}
