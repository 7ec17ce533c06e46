/**
 * `checkIsolationFile`: what `dsim check-history` calls for a transactional history. The text is either Elle/Jepsen
 * EDN (operation maps, see read.ts) or dsim's own JSON history (`{"format": "dsim-history", "version": 1,
 * "history": [{"process": 0, "type": "ok", "f": "txn", "value": [["append", "x", 1], ["r", "y", [2]]]}, ...]}`,
 * the shape `formatDsimHistory` writes), told apart by the first non-blank line as `parseHistory` does. Events of
 * the JSON shape whose `f` is not `txn` are an error here (a transactional check of a register history is a mistake).
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import { detectHistoryFormat, parseHistory } from '../../formats/jepsen.js';
import { parseDsimHistory } from '../linearizability/dsim-history.js';
import { checkIsolation } from './check.js';
import { readTransactionsEdn, transactionsOfHistory } from './read.js';
import type { DataModel, IsolationOptions, IsolationResult, Transaction } from './types.js';

/** The transactions of an EDN or dsim-JSON history (format told from the content). */
export function readTransactions(text: string, source: string, model: DataModel): Failable<Transaction[]> {
  const format = detectHistoryFormat(text);
  if (format === 'jepsen-json') {
    const history = parseHistory(text, source);
    return history.ok ? transactionsOfHistory(history.value.filter((e) => e.f === 'txn'), model, source) : history;
  }
  if (format !== 'dsim-json') {
    if (format === 'jepsen-log') {
      return fail({ source, line: 1, message: 'expected a transactional history in EDN (`{:type :ok, :f :txn, :value [...]}`) or dsim JSON, not a Jepsen log' });
    }
    return readTransactionsEdn(text, source, model);
  }
  const history = parseDsimHistory(text, source);
  if (!history.ok) return history;
  const other = history.value.find((e) => e.f !== 'txn');
  if (other !== undefined) {
    return fail({ source, ...(other.line === undefined ? {} : { line: other.line }), message: `expected "f" to be "txn" in a transactional history, found ${JSON.stringify(other.f)}` });
  }
  return transactionsOfHistory(history.value, model, source);
}

/**
 * Reads a transactional history (EDN or dsim JSON) and checks it. An unreadable or malformed history, or one with no
 * transactions, is an input error naming the source, line and column; otherwise the checker's result.
 */
export function checkIsolationFile(text: string, source: string, options: IsolationOptions): Failable<IsolationResult> {
  const txns = readTransactions(text, source, options.model);
  if (!txns.ok) return txns;
  if (txns.value.length === 0) return fail({ source, message: 'the history has no transactions: expected at least one `:f :txn` operation' });
  return succeed(checkIsolation(txns.value, options));
}
