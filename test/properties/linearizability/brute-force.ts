/**
 * An independent oracle for small histories, straight from the definition: a history is linearizable iff some
 * choice of the unknown-outcome operations to include, in some order that respects real time (a before b whenever
 * a returned before b was invoked), is legal for the sequential specification. Every subset and every permutation
 * is tried. Operations that failed (`:fail`) are left out: they did not happen.
 */
export type Spec = 'register' | 'cas-register' | 'kv';

/** One operation as the generator made it; times are positions of its events in the history. */
export interface SmallOp {
  readonly f: string;
  readonly key: string;
  readonly arg: number | string | null | readonly [number, number];
  readonly out: number | string | null;
  readonly outcome: 'ok' | 'fail' | 'info' | 'none';
  readonly call: number;
  readonly ret: number; // Infinity when the outcome is unknown
}

type State = Map<string, number | string | null>;

/** Applies `op` sequentially; `null` when it is illegal. An included unknown-outcome op took effect. */
function apply(spec: Spec, state: State, op: SmallOp): State | null {
  const known = op.outcome === 'ok';
  const current = state.get(op.key) ?? (spec === 'kv' ? '' : null);
  const after = new Map(state);
  switch (op.f) {
    case 'read':
      return !known || op.out === current ? after : null;
    case 'get':
      return !known || (op.out ?? '') === current ? after : null;
    case 'write':
    case 'put':
      after.set(op.key, op.arg as number | string);
      return after;
    case 'append':
      after.set(op.key, `${current as string}${op.arg as string}`);
      return after;
    case 'cas': {
      const [from, to] = op.arg as readonly [number, number];
      if (current === from) after.set(op.key, to);
      else if (known) return null; // an :ok cas must have compared equal; an unknown one may have compared unequal
      return after;
    }
    default:
      throw new Error(`unknown op ${op.f}`);
  }
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) out.push([item, ...rest]);
  });
  return out;
}

/** True when `ops` (a whole history) is linearizable for `spec`. */
export function bruteForceLinearizable(spec: Spec, ops: readonly SmallOp[]): boolean {
  const happened = ops.filter((op) => op.outcome !== 'fail');
  const required = happened.filter((op) => op.outcome === 'ok');
  const optional = happened.filter((op) => op.outcome !== 'ok');
  for (let mask = 0; mask < 1 << optional.length; mask++) {
    const chosen = [...required, ...optional.filter((_, i) => (mask >> i) & 1)];
    for (const order of permutations(chosen)) {
      let respectsRealTime = true;
      for (let i = 0; i < order.length && respectsRealTime; i++) {
        for (let j = i + 1; j < order.length; j++) {
          if ((order[j] as SmallOp).ret < (order[i] as SmallOp).call) {
            respectsRealTime = false;
            break;
          }
        }
      }
      if (!respectsRealTime) continue;
      let state: State | null = new Map();
      for (const op of order) {
        state = apply(spec, state, op);
        if (state === null) break;
      }
      if (state !== null) return true;
    }
  }
  return false;
}
