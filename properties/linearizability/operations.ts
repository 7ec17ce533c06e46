/**
 * Pairs a history's invoke events with their completions into operations, checking the pairing and asking the
 * model whether each operation belongs to it. `:fail` operations are dropped here: Jepsen's `:fail` means the
 * operation certainly did not take effect (for a cas: its comparison failed or it was refused), so it constrains
 * nothing. Operations of unknown outcome (`:info`, or no completion) get a return time of +∞.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { History, HistoryEvent } from '../../execution/history.js';
import type { Model, OpInput, OpOutput } from './model.js';

/** One operation of a history, ready for the search. */
export interface Operation {
  readonly process: number;
  readonly input: OpInput;
  readonly output: OpOutput;
  /** Position of the invoke event in the history (real-time order). */
  readonly callIndex: number;
  /** Position of the completion event; `Infinity` when the outcome is unknown. */
  readonly returnIndex: number;
  /** 1-based lines of the invoke and completion events, when read from a file. */
  readonly callLine?: number;
  readonly returnLine?: number;
}

interface Pending {
  readonly event: HistoryEvent;
  readonly index: number;
  /** Its place among the invokes, which is its place in the answer (invoke order) unless it is dropped. */
  readonly slot: number;
}

function where(event: HistoryEvent, index: number): string {
  return event.line === undefined ? `event ${index + 1}` : `line ${event.line}`;
}

/**
 * The operations of `history`, in invoke order, without `:fail` ones. `source` names the input in errors.
 * Errors: a completion with no outstanding invoke of its process, an invoke while the process still has one
 * outstanding, a completion whose `f` differs from its invoke's, and operations the model rejects.
 */
export function buildOperations(history: History, model: Model<unknown>, source: string): Failable<Operation[]> {
  const pending = new Map<number, Pending>();
  // Operations by invoke order, filled as they complete; `:fail` ones leave a hole (no sort needed).
  const slots: (Operation | undefined)[] = [];
  const error = (event: HistoryEvent, index: number, message: string): Failable<Operation[]> =>
    fail(event.line === undefined ? { source, message: `event ${index + 1}: ${message}` } : { source, line: event.line, message });
  const add = (call: Pending, output: OpOutput, returnIndex: number, returnLine: number | undefined): string | undefined => {
    const e = call.event;
    const input: OpInput = e.key === undefined ? { f: e.f, value: e.value } : { f: e.f, key: e.key, value: e.value };
    const problem = model.validate(input, output);
    if (problem !== undefined) return problem;
    // Built field by field, not by spreads: this runs once per operation before the code is warm.
    const op: { -readonly [K in keyof Operation]: Operation[K] } = { process: e.process, input, output, callIndex: call.index, returnIndex };
    if (e.line !== undefined) op.callLine = e.line;
    if (returnLine !== undefined) op.returnLine = returnLine;
    slots[call.slot] = op;
    return undefined;
  };
  for (let index = 0; index < history.length; index++) {
    const event = history[index] as HistoryEvent;
    const open = pending.get(event.process);
    if (event.type === 'invoke') {
      if (open !== undefined) {
        return error(event, index, `process ${event.process} invokes \`${event.f}\` while its \`${open.event.f}\` of ${where(open.event, open.index)} has not completed`);
      }
      pending.set(event.process, { event, index, slot: slots.length });
      slots.push(undefined);
      continue;
    }
    if (open === undefined) return error(event, index, `process ${event.process} completes \`${event.f}\` (:${event.type}) without an outstanding invoke`);
    if (open.event.f !== event.f) {
      return error(event, index, `process ${event.process} completes \`${event.f}\` but invoked \`${open.event.f}\` at ${where(open.event, open.index)}`);
    }
    pending.delete(event.process);
    if (event.type === 'fail') continue;
    const output: OpOutput = event.type === 'ok' ? { kind: 'ok', value: event.value } : { kind: 'unknown' };
    const problem = add(open, output, event.type === 'ok' ? index : Infinity, event.line);
    if (problem !== undefined) return error(event, index, problem);
  }
  for (const open of pending.values()) {
    const problem = add(open, { kind: 'unknown' }, Infinity, undefined);
    if (problem !== undefined) return error(open.event, open.index, problem);
  }
  const ops: Operation[] = [];
  for (const op of slots) if (op !== undefined) ops.push(op);
  return succeed(ops);
}
