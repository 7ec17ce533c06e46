/**
 * Cut-lattice questions for the user API: compile a predicate (text in the predicate language, a compiled
 * `CutPredicate`, or a function building one for an execution), decide Possibly or Definitely with the fastest
 * algorithm its shape allows, and explain the answer with the witness cut and the path to it.
 */
import { fail, succeed, type Failable } from '../execution/failable.js';
import type { Execution } from '../execution/types.js';
import { checkModality, type Modality } from '../properties/lattice/modality.js';
import type { CutPredicate } from '../properties/predicate-types.js';
import { compilePredicate, type CompileOptions } from '../properties/predicate/compile.js';
import type { CheckResult, SearchLimits } from '../properties/result-types.js';
import { describeCut, describePath, formatCut } from './describe.js';

/** A global predicate as the API takes it: predicate-language text, or a `CutPredicate` (built for `exec`). */
export type PredicateSource = string | CutPredicate | ((exec: Execution) => CutPredicate);

/**
 * Compiles `source` against `exec`; text with a syntax or name error is an `InputError` (with its column).
 * `options` (for text): fields the execution's source declares (see `CompileOptions`).
 */
export function compileFor(exec: Execution, source: PredicateSource, options: CompileOptions = {}): Failable<CutPredicate> {
  if (typeof source === 'string') return compilePredicate(source, exec, options);
  if (typeof source === 'function') return succeed(source(exec));
  const ok = typeof source === 'object' && source !== null && typeof source.evaluate === 'function' && typeof source.shape === 'object';
  if (ok) return succeed(source);
  return fail({ source: 'predicate', message: `got ${typeof source}; expected predicate text, a CutPredicate or a function of the execution returning one` });
}

/** An answer with what it was computed from, so it can be explained (see `explainDecision`). */
export interface Decision {
  readonly result: CheckResult;
  readonly predicate: CutPredicate;
  readonly limits: SearchLimits | undefined;
}

/**
 * Decides `modality(φ)` on `exec` (fast paths on; `limits` bound the search, reaching one answers `unknown`).
 * `compile`: how text is compiled (`compileFor`).
 */
export function decide(
  exec: Execution,
  modality: Modality,
  source: PredicateSource,
  limits?: SearchLimits,
  compile: CompileOptions = {},
): Failable<Decision> {
  const pred = compileFor(exec, source, compile);
  if (!pred.ok) return fail(pred.error);
  const result = checkModality(exec, modality, pred.value, limits === undefined ? {} : { limits });
  return succeed({ result, predicate: pred.value, limits });
}

/**
 * `explainResult` of a decision. A fast path that decided without a counterexample (strong conjunctive detection
 * proves ¬Definitely without a path) is re-run by enumeration, within the same limits, to find one: worth it only
 * when a property or an assertion has failed, which is when this is called.
 */
export function explainDecision(exec: Execution, d: Decision): string {
  const r = d.result;
  const modality = r.modality as Modality;
  const interesting = (modality === 'possibly' && r.verdict === 'holds') || (modality === 'definitely' && r.verdict === 'fails');
  if (r.witness !== undefined || !interesting) return explainResult(exec, r);
  const options = d.limits === undefined ? { fastPaths: false } : { fastPaths: false, limits: d.limits };
  const again = checkModality(exec, modality, d.predicate, options);
  if (again.verdict !== r.verdict || again.witness === undefined) return explainResult(exec, r);
  return `${explainResult(exec, r)}
${explainResult(exec, again).split('\n').slice(1).join('\n')}`;
}

/**
 * The answer in words: the verdict and the algorithm that reached it, then, when there is a witness, the cut (one
 * line per host: its last event in the cut and its state there) and the path of events from the empty cut.
 * For Possibly the witness satisfies φ; for a failed Definitely it ends a path on which φ never holds.
 */
export function explainResult(exec: Execution, result: CheckResult): string {
  const head = `${result.modality}(${result.predicate}) ${result.verdict} (${result.algorithm}, cuts visited: ${result.cutsVisited})`;
  const lines = [result.verdict === 'unknown' ? `${head}: ${result.stoppedBy ?? 'a limit was reached'}` : head];
  const w = result.witness;
  if (w !== undefined) {
    const what = result.modality === 'possibly' ? 'witness cut' : 'last cut of a path avoiding the predicate';
    lines.push(`${what} ${formatCut(w.cut)} (events per host):`);
    for (const line of describeCut(exec, w.cut)) lines.push(`  ${line}`);
    if (w.path !== undefined) lines.push(`path: ${w.path.length === 0 ? '(the empty cut)' : describePath(exec, w.path)}`);
  }
  return lines.join('\n');
}
