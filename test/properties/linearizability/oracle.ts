/**
 * An independent oracle for small histories of any model, straight from the definition, written apart from the
 * checker: the history's events are paired here, and every order of the operations that respects real time (a
 * before b whenever a returned before b was invoked) is tried, each unknown-outcome operation included or left out,
 * every choice of a nondeterministic specification followed. Also an independent check of a witness order.
 */
import type { HistoryEvent, HistoryValue } from '../../../execution/history.js';

/** One operation as the oracle sees it. */
export interface OracleOp {
  readonly process: number;
  readonly f: string;
  readonly key: string | undefined;
  readonly input: HistoryValue;
  /** The completion's value; `undefined` when the outcome is unknown. */
  readonly output: HistoryValue | undefined;
  /** Positions of the invoke and completion events; `ret` is Infinity when the outcome is unknown. */
  readonly call: number;
  readonly ret: number;
}

/** A sequential specification: every state after `op` (none when it is illegal; an unknown outcome took effect). */
export interface SequentialSpec<S> {
  readonly init: S;
  apply(state: S, op: OracleOp): readonly S[];
}

/** The operations of `events` (`:fail` ones dropped), in invoke order. */
export function pairOperations(events: readonly HistoryEvent[]): OracleOp[] {
  const open = new Map<number, number>();
  const ops: OracleOp[] = [];
  const done = new Map<number, { output: HistoryValue | undefined; ret: number } | 'fail'>();
  events.forEach((e, i) => {
    if (e.type === 'invoke') open.set(e.process, i);
    else {
      const call = open.get(e.process) as number;
      open.delete(e.process);
      done.set(call, e.type === 'fail' ? 'fail' : e.type === 'ok' ? { output: e.value, ret: i } : { output: undefined, ret: Infinity });
    }
  });
  events.forEach((e, i) => {
    if (e.type !== 'invoke') return;
    const end = done.get(i) ?? { output: undefined, ret: Infinity };
    if (end === 'fail') return;
    ops.push({ process: e.process, f: e.f, key: e.key, input: e.value, output: end.output, call: i, ret: end.ret });
  });
  return ops;
}

/** True when some real-time order of `ops` (unknown outcomes optional) is legal for `spec`. */
export function bruteForce<S>(spec: SequentialSpec<S>, ops: readonly OracleOp[]): boolean {
  const placed = new Array<boolean>(ops.length).fill(false);
  const search = (state: S, left: number): boolean => {
    if (left === 0) return true;
    for (let i = 0; i < ops.length; i++) {
      if (placed[i]) continue;
      const op = ops[i] as OracleOp;
      // `op` may come next only if no operation still to place returned before it was invoked.
      if (ops.some((other, j) => !placed[j] && other.ret < op.call)) continue;
      placed[i] = true;
      const required = op.output === undefined ? 0 : 1;
      for (const next of spec.apply(state, op)) if (search(next, left - required)) return true;
      placed[i] = false;
    }
    return false;
  };
  return search(spec.init, ops.filter((op) => op.output !== undefined).length);
}

/**
 * Why `order` (invoke-event positions, one list per part) is not a linearization of `ops` for `spec`, or
 * undefined when it is: every known-outcome operation appears once, unknown ones at most once, each part respects
 * real time and replays legally from the initial state (parts hold disjoint keys, so each replays on its own).
 */
export function witnessProblem<S>(spec: SequentialSpec<S>, ops: readonly OracleOp[], order: readonly (readonly number[])[]): string | undefined {
  const byCall = new Map(ops.map((op) => [op.call, op]));
  const seen = new Set<number>();
  for (const part of order) {
    let states: readonly S[] = [spec.init];
    for (let i = 0; i < part.length; i++) {
      const op = byCall.get(part[i] as number);
      if (op === undefined) return `event ${part[i]} is no operation`;
      if (seen.has(op.call)) return `event ${op.call} appears twice`;
      seen.add(op.call);
      for (let j = 0; j < i; j++) if (op.ret < (byCall.get(part[j] as number) as OracleOp).call) return `event ${op.call} returned before ${part[j]} was invoked`;
      states = states.flatMap((s) => spec.apply(s, op));
      if (states.length === 0) return `event ${op.call} is illegal after the operations before it`;
    }
  }
  const missing = ops.find((op) => op.output !== undefined && !seen.has(op.call));
  return missing === undefined ? undefined : `event ${missing.call} (known outcome) is missing`;
}
