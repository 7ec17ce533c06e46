import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { ExecEvent, Execution } from '../../execution/types.js';
import type { CheckResult } from '../result-types.js';
import { buildCausalDag, type CausalDag } from './causal-dag.js';
import { PATH_STEPS_MAX_DEFAULT, stepsStoppedBy, type PathLimits } from './limits.js';

/** A test on one event (its host's state after it is `exec.hostStates[event.host][event.index]`). */
export type EventTest = (event: ExecEvent) => boolean;

/**
 * One step `[dont] do` of an atomic sequence `do0; [dont1] do1; ...; [dontN] doN` (Hurfin, Plouzeau, Raynal).
 * `dont` forbids events strictly between the previous step's event and this one; the first step has none.
 */
export interface AtomicStep {
  readonly do: EventTest;
  readonly dont?: EventTest;
  /** For reports. */
  readonly name?: string;
}

/** How many causal paths realise the sequence, and one of them. */
export interface AtomicSequenceResult extends CheckResult {
  readonly count: bigint;
  /** Event ids of one such path, first to last. */
  readonly path?: readonly number[];
}

const STEPS_MAX = 30;

/**
 * Counts the causal paths x0 → x1 → ... → xm (each an immediate causal successor of the one before) that realise
 * the sequence: x0 satisfies do0, xm satisfies doN, and there are positions 0 = i0 < i1 < ... < iN = m with x_ik
 * satisfying do_k and no event strictly between x_i(k-1) and x_ik satisfying dont_k. A path counts once however
 * many ways it realises the sequence.
 *
 * Dynamic programming over events in topological order: for each event, the number of paths ending there per set
 * of sequence steps a path can be at (the set makes the step deterministic, so no path is counted twice).
 */
export function countAtomicSequences(
  exec: Execution,
  steps: readonly AtomicStep[],
  limits: PathLimits = {},
): Failable<AtomicSequenceResult> {
  const source = 'atomic sequence';
  if (steps.length === 0) return fail({ source, message: 'needs at least one step' });
  if (steps.length > STEPS_MAX) return fail({ source, message: `has ${steps.length} steps, at most ${STEPS_MAX} are supported` });
  if (steps[0]!.dont !== undefined) {
    return fail({ source, message: "the first step cannot have a 'dont': nothing comes before it on the path" });
  }
  const last = steps.length - 1;
  const waiting = (1 << last) - 1; // steps 0..N-1: still waiting for the next 'do'
  const doMasks = exec.events.map((e) => steps.reduce((m, s, k) => (s.do(e) ? m | (1 << k) : m), 0));
  // Bit k-1 set when dont_k holds: it stops a path waiting after step k-1.
  const stopMasks = exec.events.map((e) => steps.reduce((m, s, k) => (k > 0 && s.dont?.(e) ? m | (1 << (k - 1)) : m), 0));
  const next = (set: number, f: number): number =>
    (((set & waiting) << 1) & doMasks[f]!) | (set & waiting & ~stopMasks[f]!);
  const dag = buildCausalDag(exec);
  const counts: Map<number, bigint>[] = [];
  const stepsMax = limits.stepsMax ?? PATH_STEPS_MAX_DEFAULT;
  const predicate = steps
    .map((s, k) => `${s.dont !== undefined ? '[dont] ' : ''}${s.name ?? `do${k}`}`)
    .join('; ');
  const base = { modality: 'atomic-sequence', predicate, algorithm: `path-count-dag (${dag.messageEdges})`, cutsVisited: 0 };
  let total = 0n;
  let firstEnd = -1;
  let work = 0;
  for (let f = 0; f < exec.events.length; f++) {
    const here = new Map<number, bigint>();
    const add = (set: number, c: bigint): void => {
      if (set !== 0) here.set(set, (here.get(set) ?? 0n) + c);
    };
    if ((doMasks[f]! & 1) !== 0) add(1, 1n); // the path [f]
    for (let i = dag.predecessorStart[f]!; i < dag.predecessorStart[f + 1]!; i++) {
      const before = counts[dag.predecessors[i]!]!;
      for (const [set, c] of before) add(next(set, f), c);
      work += before.size + 1;
    }
    counts.push(here);
    for (const [set, c] of here) {
      if ((set >>> last) & 1) {
        total += c;
        if (firstEnd < 0) firstEnd = f;
      }
    }
    if (work > stepsMax) {
      return succeed({ ...base, verdict: 'unknown', count: total, stoppedBy: stepsStoppedBy(stepsMax, f + 1, exec.events.length) });
    }
  }
  if (firstEnd < 0) return succeed({ ...base, verdict: 'fails', count: 0n });
  const path = examplePath(dag, counts, doMasks, next, firstEnd, last);
  return succeed({ ...base, verdict: 'holds', count: total, path, witness: { cut: exec.events[firstEnd]!.clock.slice() } });
}

function examplePath(
  dag: CausalDag,
  counts: readonly Map<number, bigint>[],
  doMasks: readonly number[],
  next: (set: number, f: number) => number,
  end: number,
  last: number,
): number[] {
  const path: number[] = [];
  let e = end;
  let set = [...counts[end]!.keys()].find((s) => (s >>> last) & 1)!;
  for (;;) {
    path.push(e);
    if (set === 1 && (doMasks[e]! & 1) !== 0) break; // the path can start here
    let moved = false;
    for (let i = dag.predecessorStart[e]!; i < dag.predecessorStart[e + 1]! && !moved; i++) {
      const p = dag.predecessors[i]!;
      for (const s of counts[p]!.keys()) {
        if (next(s, e) === set) {
          [e, set, moved] = [p, s, true];
          break;
        }
      }
    }
    if (!moved) throw new Error(`atomic sequence witness: no predecessor of event ${e} explains its step set`);
  }
  return path.reverse();
}
