import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { ExecEvent, Execution } from '../../execution/types.js';
import type { CheckResult } from '../result-types.js';
import { buildAutomaton, type LabelAutomaton } from './automaton.js';
import { buildCausalDag, type CausalDag } from './causal-dag.js';
import { parseLabelPattern, type PatternAst } from './label-pattern.js';
import { PATH_STEPS_MAX_DEFAULT, stepsStoppedBy, type PathLimits } from './limits.js';

/** Names an event for patterns; `null` makes it unlabelled: a path passes through it and its label is left out. */
export type EventLabeller = (event: ExecEvent) => string | null;

/** A pattern verdict; when it holds, a causal path whose label sequence the pattern matches. */
export interface PatternResult extends CheckResult {
  /** Event ids of the path, each an immediate causal successor of the one before. */
  readonly path?: readonly number[];
  /** The labels of the path's labelled events, in order. */
  readonly labels?: readonly string[];
}

const has = (bits: Uint32Array, offset: number, s: number): boolean => ((bits[offset + (s >>> 5)]! >>> (s & 31)) & 1) === 1;

/**
 * Does some causal path's label sequence match the pattern (the pattern's Pos)? A path is a non-empty sequence of
 * events, each an immediate causal successor of the previous (next event of the host, or the receive of a message
 * it sent); it may start and end anywhere. Decided by propagating automaton-state sets along the events in
 * topological order (never enumerating paths); the witness is read back from the stored sets.
 */
export function matchCausalPattern(
  exec: Execution,
  pattern: string,
  label: EventLabeller,
  limits: PathLimits = {},
): Failable<PatternResult> {
  const parsed = parseLabelPattern(pattern);
  if (!parsed.ok) return fail(parsed.error);
  return succeed(matchParsedPattern(exec, parsed.value, pattern, label, limits));
}

/** `matchCausalPattern` for a pattern already parsed (`text` names it in the result). */
export function matchParsedPattern(
  exec: Execution,
  ast: PatternAst,
  text: string,
  label: EventLabeller,
  limits: PathLimits = {},
): PatternResult {
  const automaton = buildAutomaton(ast);
  const dag = buildCausalDag(exec);
  const labels = exec.events.map(label);
  const stepsMax = limits.stepsMax ?? PATH_STEPS_MAX_DEFAULT;
  const { words, follow, accepting } = automaton;
  const out = new Uint32Array(exec.events.length * words);
  const incoming = new Uint32Array(words);
  const base = { modality: 'pattern', predicate: text, algorithm: `automaton-dag (${dag.messageEdges})`, cutsVisited: 0 };
  let steps = 0;
  for (let f = 0; f < exec.events.length; f++) {
    incoming.fill(0);
    incoming[0] = 1; // a path may start at f
    for (let i = dag.predecessorStart[f]!; i < dag.predecessorStart[f + 1]!; i++) {
      const p = dag.predecessors[i]! * words;
      for (let w = 0; w < words; w++) incoming[w]! |= out[p + w]!;
    }
    steps += (dag.predecessorStart[f + 1]! - dag.predecessorStart[f]! + 1) * words;
    const row = f * words;
    const l = labels[f]!;
    if (l === null) {
      out.set(incoming, row);
    } else {
      const entered = automaton.entered(l);
      for (let s = 0; s < automaton.stateCount; s++) {
        if (!has(incoming, 0, s)) continue;
        for (let w = 0; w < words; w++) out[row + w]! |= follow[s * words + w]! & entered[w]!;
      }
      steps += automaton.stateCount * words;
    }
    for (let w = 0; w < words; w++) {
      const hit = out[row + w]! & accepting[w]!;
      if (hit !== 0) {
        const path = witnessPath(automaton, dag, labels, out, f, w * 32 + (31 - Math.clz32(hit & -hit)));
        return {
          ...base,
          verdict: 'holds',
          witness: { cut: exec.events[f]!.clock.slice() },
          path,
          labels: path.map((e) => labels[e]).filter((x): x is string => x !== null),
        };
      }
    }
    if (steps > stepsMax) {
      return { ...base, verdict: 'unknown', stoppedBy: stepsStoppedBy(stepsMax, f + 1, exec.events.length) };
    }
  }
  return { ...base, verdict: 'fails' };
}

/** Walks back from (end, state) through stored state sets to a start, returning the path in forward order. */
function witnessPath(
  automaton: LabelAutomaton,
  dag: CausalDag,
  labels: readonly (string | null)[],
  out: Uint32Array,
  end: number,
  endState: number,
): number[] {
  const { words, follow } = automaton;
  const path: number[] = [];
  let e = end;
  let q = endState;
  for (;;) {
    path.push(e);
    const labelled = labels[e] !== null;
    // The path can start at e: unlabelled with nothing matched yet, or labelled and entering a first position.
    if (labelled ? has(follow, 0, q) : q === 0) break;
    let moved = false;
    for (let i = dag.predecessorStart[e]!; i < dag.predecessorStart[e + 1]! && !moved; i++) {
      const p = dag.predecessors[i]!;
      if (!labelled) {
        if (has(out, p * words, q)) [e, moved] = [p, true];
        continue;
      }
      for (let s = 1; s < automaton.stateCount; s++) {
        if (has(out, p * words, s) && has(follow, s * words, q)) {
          [e, q, moved] = [p, s, true];
          break;
        }
      }
    }
    if (!moved) throw new Error(`pattern witness: no predecessor of event ${e} explains state ${q}`);
  }
  return path.reverse();
}
