import type { Execution } from '../../execution/types.js';
import type { LocalPredicate } from '../predicate-types.js';
import type { CheckResult } from '../result-types.js';
import { CutSpace } from './cut-space.js';
import { nextTrueIndex, tabulateLocals } from './local-states.js';
import { assertConsistent, linearizeCut } from './path.js';

/**
 * Possibly of a conjunction of local predicates (Garg–Waldecker weak conjunctive predicate, "wcp"), O(n²m):
 * start each host at its first state where its local predicate holds; while some host j's chosen state depends
 * on more of host i's events than host i's chosen state includes, move host i to its first satisfying state at
 * or after what is needed. Ends at the least satisfying cut, or fails when a host runs out of states.
 * `cutsVisited` counts the candidate cuts considered (one per move, plus the first).
 */
export function weakConjunctive(exec: Execution, text: string, locals: readonly LocalPredicate[]): CheckResult {
  const space = new CutSpace(exec);
  const n = space.hostCount;
  const next = tabulateLocals(exec, locals).map(nextTrueIndex);
  const base = { modality: 'possibly', predicate: text, algorithm: 'weak-conjunctive' } as const;
  const cut = new Int32Array(n);
  for (let h = 0; h < n; h++) {
    const k = next[h]![0]!;
    if (k < 0) return { ...base, verdict: 'fails', cutsVisited: 1 };
    cut[h] = k;
  }
  let candidates = 1;
  const rows = space.clockRows;
  for (let changed = true; changed; ) {
    changed = false;
    for (let j = 0; j < n; j++) {
      const kj = cut[j]!;
      if (kj === 0) continue;
      const row = space.rowStart(j, kj);
      for (let i = 0; i < n; i++) {
        const needed = rows[row + i]!;
        if (i === j || needed <= cut[i]!) continue;
        const k = next[i]![needed]!;
        if (k < 0) return { ...base, verdict: 'fails', cutsVisited: candidates };
        cut[i] = k;
        candidates++;
        changed = true;
      }
    }
  }
  assertConsistent(exec, cut);
  return { ...base, verdict: 'holds', cutsVisited: candidates, witness: { cut, path: linearizeCut(exec, cut) } };
}

/**
 * Definitely of a conjunction of local predicates (Garg–Waldecker strong conjunctive predicate), O(n²m). On each
 * host the predicate holds over maximal intervals of states; an interval starts with the event that enters its
 * first state (none for the initial state) and ends with the event that leaves its last state (none for the final
 * state). Definitely holds iff one interval per host can be chosen with every start happened-before every other
 * host's end: then every observation has all hosts inside their intervals at once. If host i's start does not
 * precede host j's end, no later interval of i can pair with j's, so j's interval is dropped.
 * `cutsVisited` counts the interval combinations considered.
 */
export function strongConjunctive(exec: Execution, text: string, locals: readonly LocalPredicate[]): CheckResult {
  const space = new CutSpace(exec);
  const n = space.hostCount;
  const table = tabulateLocals(exec, locals);
  const base = { modality: 'definitely', predicate: text, algorithm: 'strong-conjunctive' } as const;
  // Intervals of host h as state ranges: starts[h][t] .. ends[h][t] (inclusive).
  const starts: number[][] = [];
  const ends: number[][] = [];
  for (let h = 0; h < n; h++) {
    const holds = table[h]!;
    const s: number[] = [];
    const e: number[] = [];
    for (let k = 0; k < holds.length; k++) {
      if (holds[k] === 1 && (k === 0 || holds[k - 1] === 0)) s.push(k);
      if (holds[k] === 1 && (k === holds.length - 1 || holds[k + 1] === 0)) e.push(k);
    }
    if (s.length === 0) return { ...base, verdict: 'fails', cutsVisited: 1 };
    starts.push(s);
    ends.push(e);
  }
  const chosen = new Int32Array(n);
  const rows = space.clockRows;
  let combinations = 1;
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < n; i++) {
      const start = starts[i]![chosen[i]!]!;
      if (start === 0) continue; // the initial state: before every event
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const last = ends[j]![chosen[j]!]!;
        if (last === space.eventsPerHost[j]) continue; // holds to the end: every event precedes "the end"
        // Does host i's event `start` happen before host j's event `last + 1`?
        if (rows[space.rowStart(j, last + 1) + i]! >= start) continue;
        chosen[j]!++;
        combinations++;
        if (chosen[j]! >= starts[j]!.length) return { ...base, verdict: 'fails', cutsVisited: combinations };
        changed = true;
      }
    }
  }
  return { ...base, verdict: 'holds', cutsVisited: combinations };
}
