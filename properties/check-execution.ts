/**
 * What `dsim check` asks of one execution: count its consistent cuts, and decide Possibly / Definitely of
 * predicates and Pos / Def of sequences, each with the algorithm the predicate's shape allows.
 */
import { fail, succeed, type Failable } from '../execution/failable.js';
import type { Execution } from '../execution/types.js';
import { checkModality, type Modality } from './lattice/modality.js';
import { countCuts, type CutCount } from './lattice/lexical.js';
import { LockTable, type LockModel } from './locks/lock-model.js';
import { definitelyUnderLocks, possiblyUnderLocks } from './locks/modalities.js';
import type { CutPredicate } from './predicate-types.js';
import { compilePredicate } from './predicate/compile.js';
import type { CheckResult, SearchLimits } from './result-types.js';
import { matchParsedPattern, type EventLabeller } from './patterns/match-pattern.js';
import { parseLabelPattern } from './patterns/label-pattern.js';
import { compileSequence } from './sequence-syntax.js';
import { sequenceDefinitely, sequencePossibly } from './temporal/sequence.js';

/**
 * One question about an execution, in the predicate language; or a regular pattern over event labels on causal
 * paths (labels: each event's text, or the value of its field `labelField`; an event without it is unlabelled).
 */
export type Question =
  | { readonly kind: Modality; readonly text: string }
  | { readonly kind: 'sequence'; readonly modality: 'pos' | 'def'; readonly text: string }
  | { readonly kind: 'pattern'; readonly text: string; readonly labelField?: string | undefined };

export interface CheckRequest {
  readonly questions: readonly Question[];
  readonly countCuts?: boolean;
  readonly limits?: SearchLimits;
  /** Let predicate shapes choose fast algorithms (default true). */
  readonly fastPaths?: boolean;
  /**
   * Decide Possibly and Definitely under these locking constraints (possiblyUnderLocks / definitelyUnderLocks,
   * no fast paths); sequences and patterns are unaffected.
   */
  readonly locks?: LockModel;
}

/** The answers for one execution, in the order the questions were asked. */
export interface ExecutionCheck {
  readonly label: string;
  readonly hosts: number;
  readonly events: number;
  readonly cuts?: CutCount;
  readonly results: readonly CheckResult[];
}

/**
 * Compiles every question first (a syntax or name error is an input error before any search starts), then
 * answers them. A search stopped by a limit answers `unknown` with the counts it reached.
 */
export function checkExecution(exec: Execution, request: CheckRequest): Failable<ExecutionCheck> {
  const compiled: (() => CheckResult)[] = [];
  const table = request.locks === undefined ? undefined : new LockTable(exec, request.locks);
  for (const q of request.questions) {
    const answer = compileQuestion(exec, q, request, table);
    if (!answer.ok) return answer;
    compiled.push(answer.value);
  }
  const cuts = request.countCuts === true ? countCuts(exec, request.limits) : undefined;
  const results = compiled.map((answer) => answer());
  return succeed({
    label: exec.label,
    hosts: exec.hosts.length,
    events: exec.events.length,
    ...(cuts === undefined ? {} : { cuts }),
    results,
  });
}

function compileQuestion(exec: Execution, q: Question, request: CheckRequest, table: LockTable | undefined): Failable<() => CheckResult> {
  const limits = request.limits;
  if (q.kind === 'pattern') {
    const parsed = parseLabelPattern(q.text);
    if (!parsed.ok) return parsed;
    const field = q.labelField;
    const label: EventLabeller =
      field === undefined ? (e) => e.label : (e) => (e.fields[field] === undefined ? null : String(e.fields[field]));
    return succeed(() => matchParsedPattern(exec, parsed.value, q.text, label));
  }
  if (q.kind === 'sequence') {
    const seq = compileSequence(q.text, exec);
    if (!seq.ok) return seq;
    const { steps, tailGuard } = seq.value;
    const decide = q.modality === 'pos' ? sequencePossibly : sequenceDefinitely;
    return succeed(() => ({ ...decide(exec, steps, tailGuard, limits), predicate: q.text }));
  }
  const pred = compilePredicate(q.text, exec);
  if (!pred.ok) return pred;
  const p: CutPredicate = pred.value;
  if (table !== undefined) {
    const underLocks = q.kind === 'possibly' ? possiblyUnderLocks : definitelyUnderLocks;
    return succeed(() => underLocks(exec, p, table, limits));
  }
  const options = { ...(limits === undefined ? {} : { limits }), fastPaths: request.fastPaths ?? true };
  return succeed(() => checkModality(exec, q.kind as Modality, p, options));
}

/** Rejects an empty request: `dsim check` with nothing to check or count. */
export function requireQuestions(request: CheckRequest): Failable<CheckRequest> {
  if (request.questions.length === 0 && request.countCuts !== true) {
    return fail({ source: 'check', message: 'nothing to check; give --possibly, --definitely, --sequence, --pattern or --count-cuts' });
  }
  return succeed(request);
}

