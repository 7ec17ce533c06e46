/**
 * `checkJepsenFile`: what `dsim check-history --model counter|set|set-full|bank|long-fork` calls. The text is a
 * Jepsen history in any shape dsim reads (EDN, Jepsen JSON, Jepsen log lines, dsim JSON), told apart by its content.
 */
import { fail, type Failable } from '../../execution/failable.js';
import type { JepsenHistory } from '../../execution/history.js';
import { detectHistoryFormat, parseHistory, parseJepsenEdnOps } from '../../formats/jepsen.js';
import { parseJepsenJson } from '../../formats/jepsen-json.js';
import { checkJepsenBank, type BankOptions, type BankResult } from './bank.js';
import { checkJepsenCounter, type CounterResult } from './counter.js';
import { checkJepsenLongFork, type LongForkOptions, type LongForkResult } from './long-fork.js';
import { checkJepsenSetFull, type SetFullOptions, type SetFullResult } from './set-full.js';
import { checkJepsenSet, type SetResult } from './set.js';
import type { JepsenCheckerName } from './types.js';

export type JepsenCheckerResult = CounterResult | SetResult | SetFullResult | BankResult | LongForkResult;

/** The options of every checker together (each reads its own). */
export type JepsenCheckerOptions = BankOptions & SetFullOptions & LongForkOptions;

/** Reads a Jepsen history, keeping map values (bank reads) and `:time`. */
export function readJepsenHistory(text: string, source: string): Failable<JepsenHistory> {
  const format = detectHistoryFormat(text);
  if (format === 'jepsen-edn') return parseJepsenEdnOps(text, source);
  if (format === 'jepsen-json') return parseJepsenJson(text, source);
  return parseHistory(text, source);
}

/** Runs the checker `name` on a history already read. */
export function checkJepsenHistory(history: JepsenHistory, name: JepsenCheckerName, options: JepsenCheckerOptions = {}): Failable<JepsenCheckerResult> {
  switch (name) {
    case 'counter':
      return checkJepsenCounter(history, options);
    case 'set':
      return checkJepsenSet(history, options);
    case 'set-full':
      return checkJepsenSetFull(history, options);
    case 'bank':
      return checkJepsenBank(history, options);
    case 'long-fork':
      return checkJepsenLongFork(history, options);
  }
}

/** Reads `text` and checks it; an unreadable history, or one with no client operations, is an input error. */
export function checkJepsenFile(text: string, source: string, name: JepsenCheckerName, options: JepsenCheckerOptions = {}): Failable<JepsenCheckerResult> {
  const history = readJepsenHistory(text, source);
  if (!history.ok) return history;
  if (history.value.length === 0) return fail({ source, message: 'the history is empty: expected operations such as {:process 0, :type :invoke, :f :add, :value 1}' });
  return checkJepsenHistory(history.value, name, { ...options, source });
}

/** The result as text: the verdict, then the explanation. */
export function formatJepsenResult(result: JepsenCheckerResult): string {
  const verdict = result.valid === 'unknown' ? 'unknown' : result.valid ? 'valid' : 'invalid';
  return [`${verdict} (Jepsen ${result.checker} checker)`, ...result.explanation].join('\n');
}
