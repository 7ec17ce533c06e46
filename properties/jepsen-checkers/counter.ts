/**
 * Jepsen's `checker/counter`: a counter starts at 0 and `:add` operations (non-negative integers) raise it. Each ok
 * `:read` must lie between a lower bound — the sum of the adds that completed ok before the read was invoked — and an
 * upper bound — the sum of the adds invoked before the read completed, ok, info or never completed, but not failed.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { JepsenHistory } from '../../execution/history.js';
import { opRef, partners, where, type JepsenCheckOptions, type OpRef } from './types.js';

/** One ok read with its bounds: Jepsen's `[lower value upper]`. */
export interface CounterRead {
  readonly lower: number;
  readonly value: number;
  readonly upper: number;
  /** The read's invoke and completion. */
  readonly invoke: OpRef;
  readonly completion: OpRef;
}

export interface CounterResult {
  readonly checker: 'counter';
  readonly valid: boolean;
  /** Every ok read, in the order the reads completed. */
  readonly reads: readonly CounterRead[];
  /** The reads outside their bounds. */
  readonly errors: readonly CounterRead[];
  readonly explanation: readonly string[];
}

/** Checks a counter history as Jepsen's counter checker does; a non-integer add or read is an input error. */
export function checkJepsenCounter(history: JepsenHistory, options: JepsenCheckOptions = {}): Failable<CounterResult> {
  const source = options.source ?? 'history';
  const partner = partners(history);
  let lower = 0;
  let upper = 0;
  const pending = new Map<number, { lower: number; invoke: number }>();
  const reads: CounterRead[] = [];
  for (let i = 0; i < history.length; i++) {
    const e = history[i]!;
    const bad = (message: string): Failable<CounterResult> => fail({ source, ...(e.line === undefined ? {} : { line: e.line }), message });
    if (e.f === 'add' && (e.type === 'invoke' || e.type === 'ok')) {
      if (typeof e.value !== 'number' || !Number.isSafeInteger(e.value) || e.value < 0) return bad(`expected an :add of a non-negative integer, found ${JSON.stringify(e.value)}`);
      if (e.type === 'ok') lower += e.value;
      else if (partner[i] === -1 || history[partner[i]!]!.type !== 'fail') upper += e.value;
    } else if (e.f === 'read' && e.type === 'invoke') {
      if (partner[i] !== -1 && history[partner[i]!]!.type === 'ok') pending.set(e.process, { lower, invoke: i });
    } else if (e.f === 'read' && e.type === 'ok') {
      const p = pending.get(e.process);
      if (p === undefined) return bad('an :ok :read with no :invoke before it from the same process');
      pending.delete(e.process);
      if (typeof e.value !== 'number' || !Number.isSafeInteger(e.value)) return bad(`expected an :ok :read of an integer, found ${JSON.stringify(e.value)}`);
      reads.push({ lower: p.lower, value: e.value, upper, invoke: opRef(history, p.invoke), completion: opRef(history, i) });
    }
  }
  const errors = reads.filter((r) => !(r.lower <= r.value && r.value <= r.upper));
  return succeed({ checker: 'counter', valid: errors.length === 0, reads, errors, explanation: explainCounter(reads, errors) });
}

function explainCounter(reads: readonly CounterRead[], errors: readonly CounterRead[]): string[] {
  if (errors.length === 0) return [`all ${reads.length} ok reads lie within their bounds`];
  const lines = [`${errors.length} of ${reads.length} ok reads lie outside their bounds [lower, upper]:`];
  for (const r of errors) {
    const side = r.value < r.lower ? `below the lower bound ${r.lower} (adds that completed ok before the read was invoked)` : `above the upper bound ${r.upper} (adds invoked, and not failed, before the read completed)`;
    lines.push(`  the read by process ${r.completion.process} at ${where(r.completion)} (invoked at ${where(r.invoke)}) returned ${r.value}, ${side}; bounds [${r.lower}, ${r.upper}]`);
  }
  return lines;
}
