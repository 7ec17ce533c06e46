/**
 * `checkHistoryFiles`: the library side of `dsim check-history` — reads history files (format detected
 * from their content) and checks each; `ms` is measured with the clock the caller passes, around each pure check.
 * A Jepsen `independent` history (see independent.ts) is checked per key, one result per key, in key order.
 */
import { fail, succeed, type Failable, type InputError } from '../../execution/failable.js';
import type { History } from '../../execution/history.js';
import { parseHistory } from '../../formats/jepsen.js';
import { inputName, readInputText } from '../../formats/read-text.js';
import {
  checkHistory,
  type LinearizabilityExplanation,
  type LinearizabilityLimits,
  type LinearizabilityVerdict,
} from './check.js';
import type { HistoryView } from './history-view.js';
import { independentParts, keyLabel, type IndependentKey, type IndependentMode } from './independent.js';
import type { InitialValue } from './model.js';
import { resolveModel, type ModelChoice } from './resolve-model.js';
import type { WitnessPart } from './witness.js';

export interface CheckFilesOptions extends LinearizabilityLimits {
  /** Split per key when the model allows it (default true). */
  readonly split?: boolean;
  /**
   * A clock in milliseconds for the `ms` figure of each result (the CLI passes its monotonic clock), and for
   * `timeMaxMs` when that is set. The checker reads no other clock; without one, `ms` is 0.
   */
  readonly nowMs?: () => number;
  /** The model's initial state (see `CheckHistoryOptions.initial`). */
  readonly initial?: InitialValue;
  /** Also answer each file's `view`, for a drawing (see `CheckHistoryOptions.view`). */
  readonly view?: boolean;
  /** Jepsen `independent` tuples: `true`, `false`, or judged per history (`'auto'`, the default; see independent.ts). */
  readonly independent?: IndependentMode;
}

/** The verdict on one file, or on one key of an independent history. */
export interface FileCheckResult {
  readonly file: string;
  /** The key, for a Jepsen `independent` history (one result per key). */
  readonly key?: IndependentKey;
  readonly verdict: LinearizabilityVerdict;
  /** Wall-clock milliseconds of the check (not of reading the file). */
  readonly ms: number;
  readonly operations: number;
  readonly steps: number;
  readonly cacheEntries: number;
  /** The most bytes the search held at once, estimated (see `memoryBytesMax`). */
  readonly memoryBytesPeak: number;
  readonly explanation?: LinearizabilityExplanation;
  /** For `unknown`: the limit that stopped the search. */
  readonly stoppedBy?: string;
  /** For `linearizable`: the linearization found, per part. */
  readonly witness?: readonly WitnessPart[];
  /** With `options.view`: the history's parts, operations and linearizations, for a drawing. */
  readonly view?: HistoryView;
}

/** One history to check: a file's, or one key's of an independent file. */
export interface HistoryJob {
  readonly file: string;
  readonly key?: IndependentKey;
  readonly history: History;
}

/** Reads one file into the histories to check (one, or one per independent key). */
export function readHistoryJobs(path: string, model: ModelChoice, options: CheckFilesOptions = {}): Failable<HistoryJob[]> {
  const file = inputName(path);
  const read = readInputText(path);
  if (!read.ok) return read;
  const history = parseHistory(read.value, file);
  if (!history.ok) return fail(history.error);
  if (history.value.length === 0) return fail({ source: file, message: 'the history is empty: expected at least one client operation event' });
  const resolved = resolveModel(model);
  if (!resolved.ok) return resolved;
  const parts = independentParts(history.value, resolved.value, options.independent ?? 'auto', file);
  if (!parts.ok) return parts;
  if (parts.value === undefined) return succeed([{ file, history: history.value }]);
  return succeed(parts.value.map(({ key, history }) => ({ file, key, history })));
}

/** Checks one job (pure but for the `ms` clock). */
export function checkHistoryJob(job: HistoryJob, model: ModelChoice, options: CheckFilesOptions = {}): Failable<FileCheckResult> {
  const nowMs = options.nowMs ?? (() => 0);
  const started = nowMs();
  const checked = checkHistory(job.history, model, { ...options, source: job.file });
  const ms = nowMs() - started;
  if (!checked.ok) return fail(keyed(checked.error, job.key));
  const r = checked.value;
  return succeed({
    file: job.file, ...(job.key === undefined ? {} : { key: job.key }),
    verdict: r.verdict, ms, operations: r.operations, steps: r.steps, cacheEntries: r.cacheEntries, memoryBytesPeak: r.memoryBytesPeak,
    ...(r.explanation === undefined ? {} : { explanation: r.explanation }),
    ...(r.stoppedBy === undefined ? {} : { stoppedBy: r.stoppedBy }),
    ...(r.witness === undefined ? {} : { witness: r.witness }),
    ...(r.view === undefined ? {} : { view: r.view }),
  });
}

/** An error in one key's sub-history names the key. */
function keyed(error: InputError, key: IndependentKey | undefined): InputError {
  return key === undefined ? error : { ...error, message: `key ${keyLabel(key)}: ${error.message}` };
}

/**
 * Checks each file against `model`; the first unreadable, empty or malformed file is an error naming it (and the
 * line). An empty file (no events) is an error rather than a vacuously linearizable history, as `dsim check`
 * rejects an empty log: it is far more often a failed recording than a test that did nothing.
 */
export function checkHistoryFiles(
  paths: readonly string[],
  model: ModelChoice,
  options: CheckFilesOptions = {},
): Failable<{ results: FileCheckResult[] }> {
  const results: FileCheckResult[] = [];
  for (const path of paths) {
    const jobs = readHistoryJobs(path, model, options);
    if (!jobs.ok) return jobs;
    for (const job of jobs.value) {
      const checked = checkHistoryJob(job, model, options);
      if (!checked.ok) return checked;
      results.push(checked.value);
    }
  }
  return succeed({ results });
}
