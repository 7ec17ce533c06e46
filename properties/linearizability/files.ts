/**
 * `checkHistoryFiles`: the library side of `dsim check-history` — reads history files (format detected
 * from their content) and checks each; `ms` is measured with the clock the caller passes, around each pure check.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import { parseHistory } from '../../formats/jepsen.js';
import { inputName, readInputText } from '../../formats/read-text.js';
import {
  checkHistory,
  type LinearizabilityExplanation,
  type LinearizabilityLimits,
  type LinearizabilityVerdict,
} from './check.js';
import type { HistoryView } from './history-view.js';
import type { InitialValue } from './model.js';
import type { ModelChoice } from './resolve-model.js';
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
}

/** The verdict on one file. */
export interface FileCheckResult {
  readonly file: string;
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
    const file = inputName(path);
    const read = readInputText(path);
    if (!read.ok) return read;
    const text = read.value;
    const history = parseHistory(text, file);
    if (!history.ok) return fail(history.error);
    if (history.value.length === 0) return fail({ source: file, message: 'the history is empty: expected at least one client operation event' });
    const nowMs = options.nowMs ?? (() => 0);
    const started = nowMs();
    const checked = checkHistory(history.value, model, { ...options, source: file });
    const ms = nowMs() - started;
    if (!checked.ok) return fail(checked.error);
    const r = checked.value;
    results.push({
      file, verdict: r.verdict, ms, operations: r.operations, steps: r.steps, cacheEntries: r.cacheEntries, memoryBytesPeak: r.memoryBytesPeak,
      ...(r.explanation === undefined ? {} : { explanation: r.explanation }),
      ...(r.stoppedBy === undefined ? {} : { stoppedBy: r.stoppedBy }),
      ...(r.witness === undefined ? {} : { witness: r.witness }),
      ...(r.view === undefined ? {} : { view: r.view }),
    });
  }
  return succeed({ results });
}
