import type { Execution } from '../../execution/types.js';
import { completePath } from '../lattice/path.js';
import type { CutPredicate } from '../predicate-types.js';
import type { CheckResult, SearchLimits } from '../result-types.js';
import { searchProduct, type ProductAutomaton } from './product-search.js';

/**
 * One step `[θ] φ` of an interval-constrained sequence: φ must hold at some global state, and the guard θ must not
 * hold at any global state strictly between the previous step's state and this one's.
 */
export interface SequenceStep {
  readonly guard?: CutPredicate;
  readonly phi: CutPredicate;
}

/** Steps at most: each step and guard takes one bit of a 32-bit valuation. */
export const SEQUENCE_STEPS_MAX = 15;

/**
 * Babaoglu & Raynal's sequences over observations. An observation is a path Σ0 Σ1 ... Σf through the lattice from
 * the empty cut to the final cut, one event at a time. It satisfies `[θ1] φ1 ; ... ; [θk] φk ; [θk+1]` when there
 * are positions i1 < i2 < ... < ik (strictly later: each global state serves at most one step) with φj holding at
 * Σ(ij), θj holding at no Σt with i(j-1) < t < ij (with i0 = -1, so θ1 covers Σ0 .. Σ(i1 - 1)), and θk+1 holding at
 * no Σt with ik < t ≤ f. A simple sequence φ1 ; ... ; φk is the case with no guards. An absent guard never holds.
 *
 * Read as a nondeterministic automaton whose state j means "j steps matched, waiting for φj+1": reading a state
 * where φj+1 holds may move to j+1, and it may stay in j when θj+1 does not hold there; it accepts in state k at Σf.
 */
function automatonParts(steps: readonly SequenceStep[], tailGuard: CutPredicate | undefined) {
  const k = steps.length;
  if (k < 1 || k > SEQUENCE_STEPS_MAX) throw new Error(`a sequence has 1 to ${SEQUENCE_STEPS_MAX} steps, got ${k}`);
  const phis = steps.map((s) => s.phi.evaluate);
  const guards = [...steps.map((s) => s.guard?.evaluate), tailGuard?.evaluate];
  const valuate = (cut: Int32Array): number => {
    let v = 0;
    for (let i = 0; i < k; i++) if (phis[i]!(cut)) v |= 1 << i;
    for (let i = 0; i <= k; i++) {
      const guard = guards[i];
      if (guard !== undefined && guard(cut)) v |= 1 << (k + 1 + i);
    }
    return v;
  };
  /** Automaton states reachable from state j on reading a state of valuation v, as a bit set. */
  const move = (j: number, v: number): number => {
    let out = 0;
    if (j < k && (v & (1 << j)) !== 0) out |= 1 << (j + 1);
    if ((v & (1 << (k + 1 + j))) === 0) out |= 1 << j;
    return out;
  };
  return { k, valuate, move };
}

/** The text of a sequence, for reports: `[θ1] φ1 ; φ2 ; [θ3]`. */
export function sequenceText(steps: readonly SequenceStep[], tailGuard?: CutPredicate): string {
  const parts = steps.map((s) => (s.guard === undefined ? s.phi.text : `[not ${s.guard.text}] ${s.phi.text}`));
  if (tailGuard !== undefined) parts.push(`[not ${tailGuard.text}]`);
  return parts.join(' ; ');
}

/**
 * Pos(sequence): some observation satisfies it. Breadth-first over (cut, automaton state); the witness is the
 * final cut and an observation (path) that satisfies the sequence.
 */
export function sequencePossibly(
  exec: Execution,
  steps: readonly SequenceStep[],
  tailGuard?: CutPredicate,
  limits?: SearchLimits,
): CheckResult {
  const { k, valuate, move } = automatonParts(steps, tailGuard);
  const automaton: ProductAutomaton = {
    valuate,
    initialTag: 0,
    branchingMax: 2,
    step: (tag, value, out) => {
      const bits = move(tag, value);
      let count = 0;
      if ((bits & (1 << tag)) !== 0) out[count++] = tag;
      if ((bits & (1 << (tag + 1))) !== 0) out[count++] = tag + 1;
      return count;
    },
    isGoal: (tag, atFinal) => atFinal && tag === k,
  };
  const base = { modality: 'sequence-pos', predicate: sequenceText(steps, tailGuard), algorithm: 'lattice-automaton' } as const;
  const outcome = searchProduct(exec, automaton, limits);
  if (outcome.kind === 'stopped') return { ...base, verdict: 'unknown', cutsVisited: outcome.cutsVisited, stoppedBy: outcome.stoppedBy };
  if (outcome.kind === 'exhausted') return { ...base, verdict: 'fails', cutsVisited: outcome.cutsVisited };
  const witness = outcome.path === undefined ? { cut: outcome.cut } : { cut: outcome.cut, path: outcome.path };
  return { ...base, verdict: 'holds', cutsVisited: outcome.cutsVisited, witness };
}

/**
 * Def(sequence): every observation satisfies it. Breadth-first over (cut, set of automaton states) — the subset
 * construction, so one tag per path prefix; Def fails iff some path reaches the final cut without the accepting
 * state, or loses every automaton state on the way (then any completion fails). The counterexample is such an
 * observation, ending at the final cut.
 */
export function sequenceDefinitely(
  exec: Execution,
  steps: readonly SequenceStep[],
  tailGuard?: CutPredicate,
  limits?: SearchLimits,
): CheckResult {
  const { k, valuate, move } = automatonParts(steps, tailGuard);
  const accepting = 1 << k;
  const automaton: ProductAutomaton = {
    valuate,
    initialTag: 1,
    branchingMax: 1,
    step: (tag, value, out) => {
      let bits = 0;
      for (let j = 0; j <= k; j++) if ((tag & (1 << j)) !== 0) bits |= move(j, value);
      out[0] = bits;
      return 1;
    },
    isGoal: (tag, atFinal) => tag === 0 || (atFinal && (tag & accepting) === 0),
  };
  const base = { modality: 'sequence-def', predicate: sequenceText(steps, tailGuard), algorithm: 'lattice-automaton' } as const;
  const outcome = searchProduct(exec, automaton, limits);
  if (outcome.kind === 'stopped') return { ...base, verdict: 'unknown', cutsVisited: outcome.cutsVisited, stoppedBy: outcome.stoppedBy };
  if (outcome.kind === 'exhausted') return { ...base, verdict: 'holds', cutsVisited: outcome.cutsVisited };
  const final = Int32Array.from(exec.byHost, (own) => own.length);
  if (outcome.path === undefined) return { ...base, verdict: 'fails', cutsVisited: outcome.cutsVisited, witness: { cut: final } };
  const path = completePath(exec, outcome.cut, outcome.path);
  return { ...base, verdict: 'fails', cutsVisited: outcome.cutsVisited, witness: { cut: final, path } };
}
