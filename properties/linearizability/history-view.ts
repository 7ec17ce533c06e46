/**
 * `historyView`: what a drawing of a checked history needs (report/history/ draws it), one entry per part: the
 * operations with their invoke and completion positions, and the linearization found (or the longest linearizable
 * prefix and the operation that cannot be placed after it), with the model's state after each step. Plain strings
 * and numbers only. Built after the search, from its answer; the search itself is not slowed.
 */
import type { History } from '../../execution/history.js';
import type { Model } from './model.js';
import type { Operation } from './operations.js';
import type { HistoryPart } from './partition.js';

/** State descriptions longer than this are cut (with `…`). */
export const VIEW_STATE_CHARS_MAX = 400;

export interface ViewOperation {
  readonly process: number;
  /** The model's words for it: `write 4`, `cas 3→0`, `read → 3`. */
  readonly text: string;
  /** 0-based positions of its invoke and completion events in the history; `null`: no completion (unknown outcome). */
  readonly call: number;
  readonly ret: number | null;
  /** True when its outcome is unknown (`:info`, or no completion): it may or may not have taken effect. */
  readonly unknown: boolean;
  /** 1-based lines of the events, when read from a file. */
  readonly callLine?: number;
  readonly returnLine?: number;
  /** Virtual times of the events, when the history carries them (dsim histories). */
  readonly callTime?: number;
  readonly returnTime?: number;
}

/**
 * - `linearizable`: `order` is the part's linearization;
 * - `not-linearizable`: `order` is the longest linearizable prefix found and `blocked` the operation that cannot be
 *   placed after it; `candidates` are the operations that could come next in real-time order (none can);
 * - `unfinished`: the search stopped (a limit, or a violation found in another part) before deciding this part.
 */
export type ViewStatus = 'linearizable' | 'not-linearizable' | 'unfinished';

export interface ViewPart {
  readonly key?: string;
  readonly status: ViewStatus;
  readonly operations: readonly ViewOperation[];
  /** Indices into `operations`, in linearization order. */
  readonly order: readonly number[];
  /** The model's state after each step of `order` (same length); `initial` is the state before the first. */
  readonly states: readonly string[];
  readonly initial: string;
  readonly blocked?: number;
  readonly candidates?: readonly number[];
}

export interface HistoryView {
  readonly model: string;
  readonly parts: readonly ViewPart[];
  /** True when every event carries a virtual time (shown on hover; the axis is the event order either way). */
  readonly hasTime: boolean;
}

/** How the search ended, per part: an order for parts that finished linearizable, or the failing part's prefix. */
export interface ViewSearchEnd {
  readonly finished: readonly (readonly number[] | undefined)[];
  readonly violation?: { readonly part: number; readonly prefix: readonly number[]; readonly blocked: number };
}

function cut(text: string): string {
  return text.length <= VIEW_STATE_CHARS_MAX ? text : `${text.slice(0, VIEW_STATE_CHARS_MAX - 1)}…`;
}

function viewOperation(model: Model<unknown>, op: Operation, history: History, hasTime: boolean): ViewOperation {
  const ret = op.returnIndex === Infinity ? null : op.returnIndex;
  const callTime = hasTime ? history[op.callIndex]?.timeTicks : undefined;
  const returnTime = hasTime && ret !== null ? history[ret]?.timeTicks : undefined;
  return {
    process: op.process, text: model.describe(op.input, op.output), call: op.callIndex, ret, unknown: op.output.kind === 'unknown',
    ...(op.callLine === undefined ? {} : { callLine: op.callLine }),
    ...(op.returnLine === undefined ? {} : { returnLine: op.returnLine }),
    ...(callTime === undefined ? {} : { callTime }),
    ...(returnTime === undefined ? {} : { returnTime }),
  };
}

/** The states after each step of `order`, replayed from the model's initial state (the search accepted each step). */
function statesOf(model: Model<unknown>, ops: readonly Operation[], order: readonly number[]): string[] {
  let state = model.init();
  return order.map((i) => {
    const op = ops[i] as Operation;
    state = model.step(state, op.input, op.output).next;
    return cut(model.describeState(state));
  });
}

/** Operations not in `prefix` invoked before the first completion of one not in it: the possible next steps. */
function candidatesOf(ops: readonly Operation[], prefix: readonly number[]): number[] {
  const placed = new Set(prefix);
  let firstReturn = Infinity;
  ops.forEach((op, i) => {
    if (!placed.has(i)) firstReturn = Math.min(firstReturn, op.returnIndex);
  });
  return ops.flatMap((op, i) => (!placed.has(i) && op.callIndex < firstReturn ? [i] : []));
}

/** The view of a checked history: `parts` as the search saw them, `end` how it ended. */
export function historyView(model: Model<unknown>, history: History, parts: readonly HistoryPart[], end: ViewSearchEnd): HistoryView {
  const hasTime = history.length > 0 && history.every((e) => e.timeTicks !== undefined);
  const initial = cut(model.describeState(model.init()));
  const viewParts = parts.map((part, p): ViewPart => {
    const operations = part.ops.map((op) => viewOperation(model, op, history, hasTime));
    const key = part.key === undefined ? {} : { key: part.key };
    const violation = end.violation?.part === p ? end.violation : undefined;
    const order = violation?.prefix ?? end.finished[p];
    if (order === undefined) return { ...key, status: 'unfinished', operations, order: [], states: [], initial };
    const base = { ...key, operations, order: [...order], states: statesOf(model, part.ops, order), initial };
    if (violation === undefined) return { ...base, status: 'linearizable' };
    return { ...base, status: 'not-linearizable', blocked: violation.blocked, candidates: candidatesOf(part.ops, violation.prefix) };
  });
  return { model: model.name, parts: viewParts, hasTime };
}
