/**
 * `checkHistory`: is a client history linearizable with respect to a model? Pure and deterministic: budgets are
 * counted in search steps, cache entries and estimated bytes, never in wall-clock time, except for the opt-in time
 * limit, a safety net whose stop is reported as such.
 */
import { fail, succeed, type Failable, type InputError } from '../../execution/failable.js';
import type { History } from '../../execution/history.js';
import type { InitialValue, Model } from './model.js';
import { buildOperations, type Operation } from './operations.js';
import { historyView, type HistoryView } from './history-view.js';
import { splitOperations, type HistoryPart } from './partition.js';
import { resolveModel, withInitial, type ModelChoice } from './resolve-model.js';
import { PROGRESS_STEPS, searchInTurns } from './turns.js';
import { ModelError } from './user-model.js';
import { describeOperation, witnessOf, type WitnessPart } from './witness.js';

export { describeOperation } from './witness.js';

export const STEPS_MAX_DEFAULT = 100_000_000;
export const CACHE_ENTRIES_MAX_DEFAULT = 2_000_000;
/** 512 MiB: what the search's structures may hold, estimated from their sizes (see `LinearizabilityLimits`). */
export const MEMORY_BYTES_MAX_DEFAULT = 512 * 2 ** 20;

/** Limits of a check; reaching one gives the verdict `unknown`. */
export interface LinearizabilityLimits {
  /** Search steps (list entries visited) over all parts of the history (default `STEPS_MAX_DEFAULT`). */
  readonly stepsMax?: number;
  /** Memoised configurations held at once, over all parts (default `CACHE_ENTRIES_MAX_DEFAULT`). */
  readonly cacheEntriesMax?: number;
  /**
   * Bytes the searches may hold at once, over all parts (default `MEMORY_BYTES_MAX_DEFAULT`). Estimated from the
   * sizes of their structures (cache key words, a fixed cost per cache entry and per operation), not measured from
   * the process, so the verdict is the same on every machine; the history itself is not counted.
   */
  readonly memoryBytesMax?: number;
  /**
   * Wall-clock milliseconds before answering `unknown` (no default: off). A safety net only: unlike the others it
   * depends on the machine, and its stop says so (`time limit (… ms) reached`).
   */
  readonly timeMaxMs?: number;
  /**
   * Called with the search steps taken so far every `PROGRESS_STEPS` steps of a long search, to show progress; it
   * changes nothing the search does. Not sent to worker threads (a check there shows none).
   */
  readonly onProgress?: (steps: number) => void;
  /** Steps between two calls of `onProgress` (default `PROGRESS_STEPS`, 2^20). */
  readonly progressEvery?: number;
}

export interface CheckHistoryOptions extends LinearizabilityLimits {
  /** Split the history per key when the model allows it (P-compositionality; default true). */
  readonly split?: boolean;
  /** Names the input in errors (default `history`). */
  readonly source?: string;
  /** The clock of `timeMaxMs`, in milliseconds (default `performance.now`); read only when `timeMaxMs` is set. */
  readonly nowMs?: () => number;
  /** The model's initial state, as a JSON value (see each model's in docs/linearizability.md); default its own. */
  readonly initial?: InitialValue;
  /** Also answer `view`, what a drawing of the history needs (`dsim check-history --html`; default false). */
  readonly view?: boolean;
}

export type LinearizabilityVerdict = 'linearizable' | 'not-linearizable' | 'unknown';

/** The operation that cannot be placed after the longest linearizable prefix. */
export interface BlockedOperation {
  readonly process: number;
  readonly description: string;
  /** Lines of its invoke and completion events, when read from a file. */
  readonly line?: number;
  readonly returnLine?: number;
}

/** Why a history is not linearizable. */
export interface LinearizabilityExplanation {
  /** The key of the part that fails, when the history was split. */
  readonly partition?: string;
  /** The longest linearization found, as operation descriptions (`p3 write 4 (line 12)`). */
  readonly prefix: readonly string[];
  readonly stateAfterPrefix: string;
  readonly blocked: BlockedOperation;
}

export interface LinearizabilityResult {
  readonly verdict: LinearizabilityVerdict;
  /** The model's name (a built-in's `ModelName`, or a user's). */
  readonly model: string;
  /** Operations checked: without `:fail` ones and without read-only ones of unknown outcome. */
  readonly operations: number;
  /** Parts checked independently (1 without splitting). */
  readonly partitions: number;
  readonly steps: number;
  /** Memoised configurations, summed over the parts. */
  readonly cacheEntries: number;
  /** The most bytes the searches held at once, as estimated for `memoryBytesMax`. */
  readonly memoryBytesPeak: number;
  readonly explanation?: LinearizabilityExplanation;
  /** For `unknown`: which limit stopped the search, in words. */
  readonly stoppedBy?: string;
  /** For `linearizable`: the linearization found, one order per part (in key order when split). */
  readonly witness?: readonly WitnessPart[];
  /** With `options.view`: every part's operations and linearization (or longest prefix), for a drawing. */
  readonly view?: HistoryView;
}

/**
 * Checks `history` against a model: a built-in's name or a model value (`defineModel`). Errors: an unknown model,
 * an `initial` value it cannot take, a malformed history (unpaired events, ...), a user's model that threw.
 */
export function checkHistory(history: History, choice: ModelChoice, options: CheckHistoryOptions = {}): Failable<LinearizabilityResult> {
  const resolved = resolveModel(choice);
  if (!resolved.ok) return resolved;
  const initialised = options.initial === undefined ? resolved : withInitial(resolved.value, options.initial);
  if (!initialised.ok) return initialised;
  const source = options.source ?? 'history';
  let ops: readonly Operation[] = [];
  try {
    const built = buildOperations(history, initialised.value, source);
    if (!built.ok) return fail(built.error);
    ops = built.value;
    return checkWith(history, ops, initialised.value, options);
  } catch (error) {
    if (error instanceof ModelError) return fail(located(error, ops, source));
    throw error;
  }
}

/** A user's model's error, where the history has the operation it was called on (its line, or event number). */
function located(error: ModelError, ops: readonly Operation[], source: string): InputError {
  const op = ops.find((o) => o.input === error.operation);
  if (op === undefined) return error.input;
  const message = `${error.input.source}: ${error.input.message}`;
  return op.callLine === undefined ? { source, message: `event ${op.callIndex + 1}: ${message}` } : { source, line: op.callLine, message };
}

function checkWith(history: History, operations: readonly Operation[], model: Model<unknown>, options: CheckHistoryOptions): Failable<LinearizabilityResult> {
  const ops = operations.filter((op) => op.output.kind === 'ok' || !model.readOnly(op.input));
  const parts = splitOperations(ops, model, options.split ?? true);
  const base = { model: model.name, operations: ops.length, partitions: parts.length };
  const end = searchInTurns(parts, model, {
    stepsMax: options.stepsMax ?? STEPS_MAX_DEFAULT,
    cacheEntriesMax: options.cacheEntriesMax ?? CACHE_ENTRIES_MAX_DEFAULT,
    memoryBytesMax: options.memoryBytesMax ?? MEMORY_BYTES_MAX_DEFAULT,
    timeMaxMs: options.timeMaxMs,
    nowMs: options.nowMs ?? (() => performance.now()),
    onProgress: options.onProgress,
    progressEvery: progressEveryOf(options),
  });
  const violation = end.kind === 'violation' ? { part: parts.indexOf(end.part), prefix: end.prefix, blocked: end.blocked } : undefined;
  const view = options.view === true ? { view: historyView(model, history, parts, { finished: end.finished, ...(violation === undefined ? {} : { violation }) }) } : {};
  const counts = { ...base, steps: end.steps, cacheEntries: end.cacheEntries, memoryBytesPeak: end.memoryBytesPeak, ...view };
  if (end.kind === 'unknown') return succeed({ verdict: 'unknown', ...counts, stoppedBy: end.stoppedBy });
  if (end.kind === 'linearizable') {
    const witness = parts.map((part, i) => witnessOf(model, part, end.orders[i] as readonly number[]));
    return succeed({ verdict: 'linearizable', ...counts, witness });
  }
  const explanation = explain(model, end.part, end.prefix, end.stateAfterPrefix, end.blocked);
  return succeed({ verdict: 'not-linearizable', ...counts, explanation });
}

function explain(
  model: Model<unknown>,
  part: HistoryPart,
  prefix: readonly number[],
  stateAfterPrefix: unknown,
  blockedIndex: number,
): LinearizabilityExplanation {
  const blockedOp = part.ops[blockedIndex] as Operation;
  const blocked: BlockedOperation = {
    process: blockedOp.process,
    description: describeOperation(model, blockedOp),
    ...(blockedOp.callLine === undefined ? {} : { line: blockedOp.callLine }),
    ...(blockedOp.returnLine === undefined ? {} : { returnLine: blockedOp.returnLine }),
  };
  return {
    ...(part.key === undefined ? {} : { partition: part.key }),
    prefix: prefix.map((i) => describeOperation(model, part.ops[i] as Operation)),
    stateAfterPrefix: model.describeState(stateAfterPrefix),
    blocked,
  };
}

/** Printable lines of an explanation. */
export function formatExplanation(explanation: LinearizabilityExplanation): string[] {
  const lines: string[] = [];
  if (explanation.partition !== undefined) lines.push(`key ${JSON.stringify(explanation.partition)}:`);
  lines.push(`longest linearizable prefix (${explanation.prefix.length} operations):`);
  for (const text of explanation.prefix) lines.push(`  ${text}`);
  lines.push(`state after it: ${explanation.stateAfterPrefix}`);
  const returned = explanation.blocked.returnLine === undefined ? '' : `, returned at line ${explanation.blocked.returnLine}`;
  lines.push(`cannot be placed next: ${explanation.blocked.description}${returned}`);
  return lines;
}

/** `progressEvery`, defaulted; a caller's bug (not a positive integer) throws, as the lattice's limits do. */
function progressEveryOf(options: LinearizabilityLimits): number {
  const every = options.progressEvery ?? PROGRESS_STEPS;
  if (!(Number.isSafeInteger(every) && every > 0)) throw new RangeError(`progressEvery must be a positive integer, got ${every}`);
  return every;
}
