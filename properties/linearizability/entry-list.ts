/**
 * The entry list of the Wing & Gong search: a circular doubly linked list over typed arrays holding, in real-time
 * order, each operation's call entry (2i) and return entry (2i+1), with a sentinel head (2n). Lifting an operation
 * unlinks both its entries; they keep their own links, so unlifting in reverse order restores the list exactly
 * (Knuth's dancing links).
 */
import type { Operation } from './operations.js';

export interface EntryList {
  readonly head: number;
  readonly next: Int32Array;
  readonly prev: Int32Array;
}

/** Builds the list: entries sorted by time (invoke / completion position; +∞ last, by operation). */
export function buildEntryList(ops: readonly Operation[]): EntryList {
  const n = ops.length;
  const head = 2 * n;
  const next = new Int32Array(2 * n + 1);
  const prev = new Int32Array(2 * n + 1);
  const time = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const op = ops[i] as Operation;
    time[2 * i] = op.callIndex;
    time[2 * i + 1] = op.returnIndex;
  }
  const order = Array.from({ length: 2 * n }, (_, e) => e);
  order.sort((a, b) => (time[a] as number) - (time[b] as number) || a - b);
  let last = head;
  for (const e of order) {
    next[last] = e;
    prev[e] = last;
    last = e;
  }
  next[last] = head;
  prev[head] = last;
  return { head, next, prev };
}

/** Removes op's call and return entries from the list. */
export function lift(list: EntryList, op: number): void {
  unlink(list.next, list.prev, 2 * op);
  unlink(list.next, list.prev, 2 * op + 1);
}

/** Puts back what `lift` removed (call after return: the reverse order). */
export function unlift(list: EntryList, op: number): void {
  relink(list.next, list.prev, 2 * op + 1);
  relink(list.next, list.prev, 2 * op);
}

function unlink(next: Int32Array, prev: Int32Array, e: number): void {
  next[prev[e] as number] = next[e] as number;
  prev[next[e] as number] = prev[e] as number;
}

function relink(next: Int32Array, prev: Int32Array, e: number): void {
  next[prev[e] as number] = e;
  prev[next[e] as number] = e;
}
