/**
 * Where the bars of one part of a history go. The x axis is the order of the history's events (each invoke and
 * completion has its own slot, as Porcupine draws histories without times), warped by one left-to-right pass so
 * that every bar is wide enough for its text and for the linearization points passing through it: each slot is at
 * least `GAP` right of the one before, a completion slot is right of its bar's start by the text's width and right
 * of the bar's linearization point by `POINT_PAD`, and each linearization point is right of its bar's start and of
 * the previous point. Operations without a completion end at a last slot after all the others.
 */
import type { ViewOperation } from '../../properties/linearizability/history-view.js';

export const ROW_HEIGHT = 34;
export const BAR_TOP = 6;
export const BAR_HEIGHT = 22;
const LEFT = 10;
const GAP = 12;
const POINT_PAD = 5;
const POINT_GAP = 9;
const CHAR_WIDTH = 7.3;
const TEXT_PAD = 12;
const TEXT_WIDTH_MAX = 190;
/** How far a bar without a completion runs past the last slot. */
export const OPEN_TAIL = 18;

export interface PartLayout {
  readonly start: readonly number[];
  readonly end: readonly number[];
  /** x of each step of the order. */
  readonly points: readonly number[];
  /** x of each candidate's would-be next point (same order as the candidates given). */
  readonly next: readonly number[];
  readonly width: number;
}

/** Width a bar needs for its text (cut beyond `TEXT_WIDTH_MAX`). */
export function textWidth(text: string): number {
  return Math.min(TEXT_WIDTH_MAX, Math.ceil(text.length * CHAR_WIDTH) + TEXT_PAD);
}

/** Lays out `ops` (in invoke order) with `order` (indices) and `candidates` (possible next steps after it). */
export function layoutPart(ops: readonly ViewOperation[], order: readonly number[], candidates: readonly number[]): PartLayout {
  const START = -1;
  const slots: { pos: number; op: number; isCall: boolean }[] = [];
  ops.forEach((op, i) => {
    slots.push({ pos: op.call, op: i, isCall: true });
    slots.push({ pos: op.ret ?? Infinity, op: i, isCall: false });
  });
  slots.sort((a, b) => a.pos - b.pos || a.op - b.op);
  const start = new Array<number>(ops.length).fill(START);
  const end = new Array<number>(ops.length).fill(0);
  const orderAt = new Map(order.map((op, k) => [op, k] as const));
  const candidateAt = new Map(candidates.map((op, k) => [op, k] as const));
  const points: number[] = [];
  const next = new Array<number>(candidates.length).fill(0);
  let cursor = LEFT;
  const startOf = (op: number): number => (start[op] === START ? cursor : (start[op] as number));
  const pointsUpTo = (k: number): void => {
    for (let j = points.length; j <= k; j++) {
      const own = startOf(order[j] as number) + POINT_PAD;
      points.push(j === 0 ? own : Math.max(own, (points[j - 1] as number) + POINT_GAP));
    }
  };
  // Completions of unknown outcome (at +∞) all end at one place past the others: they do not move the cursor.
  let openEnd = 0;
  for (const slot of slots) {
    const open = slot.pos === Infinity;
    let x = cursor;
    if (!slot.isCall) {
      const op = slot.op;
      x = Math.max(x, startOf(op) + textWidth((ops[op] as ViewOperation).text));
      const k = orderAt.get(op);
      if (k !== undefined) {
        pointsUpTo(k);
        x = Math.max(x, (points[k] as number) + POINT_PAD);
      }
      const c = candidateAt.get(op);
      if (c !== undefined) {
        pointsUpTo(order.length - 1);
        const after = points.length === 0 ? -Infinity : (points[points.length - 1] as number) + POINT_GAP;
        next[c] = Math.max(startOf(op) + POINT_PAD, after);
        x = Math.max(x, next[c] + POINT_PAD);
      }
      end[op] = x;
    } else {
      start[slot.op] = x;
    }
    if (open) openEnd = Math.max(openEnd, x);
    else cursor = x + GAP;
  }
  pointsUpTo(order.length - 1);
  ops.forEach((op, i) => {
    if (op.ret === null) end[i] = openEnd + OPEN_TAIL;
  });
  const width = Math.max(LEFT, ...end) + 2 * GAP;
  return { start, end, points, next, width };
}
