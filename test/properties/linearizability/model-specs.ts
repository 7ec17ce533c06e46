/**
 * Sequential specifications of the models, written here independently of dsim's models for the oracle, and
 * fast-check generators of small histories of their operations (with :fail, :info and no completion).
 */
import fc from 'fast-check';
import type { HistoryEvent, HistoryValue } from '../../../execution/history.js';
import type { OracleOp, SequentialSpec } from './oracle.js';

type Scalar = null | number | string;
const known = (op: OracleOp): boolean => op.output !== undefined;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const sortedUnique = (values: readonly HistoryValue[]): string[] => [...new Set(values.map((v) => JSON.stringify(v)))].sort();

export const SPECS = {
  set: {
    init: [] as string[],
    apply: (s: string[], op: OracleOp) =>
      op.f === 'add' ? [sortedUnique([...s.map((k) => JSON.parse(k) as HistoryValue), op.input])]
        : !known(op) || same(sortedUnique(op.output as HistoryValue[]), s) ? [s] : [],
  },
  queue: {
    init: [] as HistoryValue[],
    apply: (s: HistoryValue[], op: OracleOp) => {
      if (op.f === 'enqueue') return [[...s, op.input]];
      if (!known(op)) return [s.slice(1)];
      if (op.output === null) return s.length === 0 ? [s] : [];
      return s.length > 0 && same(s[0], op.output) ? [s.slice(1)] : [];
    },
  },
  mutex: {
    init: false,
    apply: (held: boolean, op: OracleOp) => (op.f === 'acquire' ? (held ? [] : [true]) : held ? [false] : []),
  },
  counter: {
    init: 0,
    apply: (n: number, op: OracleOp) => (op.f === 'add' ? [n + (op.input as number)] : !known(op) || op.output === n ? [n] : []),
  },
  'multi-register': {
    init: {} as Record<string, Scalar>,
    apply: (s: Record<string, Scalar>, op: OracleOp) => {
      const regs = { ...s };
      for (const [f, k, v] of (op.output ?? op.input) as [string, string, Scalar][]) {
        if (f === 'w') regs[k] = v;
        else if (known(op) && (regs[k] ?? null) !== v) return [];
      }
      return [regs];
    },
  },
  'cas-register': {
    init: null as Scalar,
    apply: (s: Scalar, op: OracleOp) => {
      if (op.f === 'write') return [op.input as Scalar];
      if (op.f === 'read') return !known(op) || op.output === s ? [s] : [];
      const [from, to] = op.input as [Scalar, Scalar];
      return from === s ? [to] : known(op) ? [] : [s];
    },
  },
  kv: {
    init: {} as Record<string, string>,
    apply: (s: Record<string, string>, op: OracleOp) => {
      const key = op.key as string;
      const now = s[key] ?? '';
      if (op.f === 'get') return !known(op) || (op.output ?? '') === now ? [s] : [];
      return [{ ...s, [key]: op.f === 'put' ? (op.input as string) : now + (op.input as string) }];
    },
  },
  /** The user's nondeterministic model of the tests: `write [a b]` writes a or b, `read` returns the value. */
  either: {
    init: null as Scalar,
    apply: (s: Scalar, op: OracleOp) => (op.f === 'write' ? (op.input as Scalar[]) : !known(op) || op.output === s ? [s] : []),
  },
// eslint-disable-next-line @typescript-eslint/no-explicit-any
} satisfies Record<string, SequentialSpec<any>>;

export type SpecName = keyof typeof SPECS;

/** An operation before it is given a process and an outcome: its name, key, invoke and `:ok` values. */
interface Shape {
  readonly f: string;
  readonly key?: string;
  readonly invoke: HistoryValue;
  readonly ok: HistoryValue;
}

const v = (values: readonly HistoryValue[]) => fc.constantFrom(...values);
const op = (f: string, invoke: fc.Arbitrary<HistoryValue>, ok: (input: HistoryValue) => fc.Arbitrary<HistoryValue>): fc.Arbitrary<Shape> =>
  invoke.chain((input) => ok(input).map((out) => ({ f, invoke: input, ok: out })));
const read = (f: string, outs: readonly HistoryValue[]) => op(f, fc.constant(null), () => v(outs));
const write = (f: string, values: readonly HistoryValue[]) => op(f, v(values), (input) => fc.constant(input));
const mop = fc.tuple(fc.constantFrom('r', 'w'), fc.constantFrom('x', 'y'), fc.constantFrom(1, 2), fc.constantFrom(null, 1, 2));

const SHAPES: Record<SpecName, fc.Arbitrary<Shape>> = {
  set: fc.oneof(write('add', [1, 2, 3]), read('read', [[], [1], [2], [1, 2], [2, 1], [1, 3], [1, 2, 3]])),
  queue: fc.oneof(write('enqueue', [1, 2]), read('dequeue', [1, 2, null])),
  mutex: fc.oneof(write('acquire', [null]), write('release', [null])),
  counter: fc.oneof(write('add', [1, 2]), read('read', [0, 1, 2, 3])),
  'multi-register': fc.array(mop, { minLength: 1, maxLength: 2 }).map((mops) => ({
    f: 'txn',
    invoke: mops.map(([f, k, w]) => [f, k, f === 'w' ? w : null]),
    ok: mops.map(([f, k, w, r]) => [f, k, f === 'w' ? w : r]),
  })),
  'cas-register': fc.oneof(write('write', [0, 1]), read('read', [null, 0, 1]), write('cas', [[0, 1], [1, 0], [null, 0]])),
  kv: fc.tuple(fc.constantFrom('a', 'b'), fc.oneof(write('put', ['x']), write('append', ['y']), read('get', [null, '', 'x', 'xy', 'y'])))
    .map(([key, shape]) => ({ ...shape, key })),
  either: fc.oneof(write('write', [[1, 2], [1, 1], [2, 3]]), read('read', [1, 2, 3]), read('read', [1, 2])),
};

type Outcome = 'ok' | 'fail' | 'info' | 'none';
const outcome = fc.constantFrom<Outcome>('ok', 'ok', 'ok', 'ok', 'fail', 'info', 'none');

/**
 * Histories of 1..maxOps operations of `spec`'s model: each process runs its operations one after another; after
 * one of unknown outcome the process is gone (as in Jepsen) and its later operations run on a fresh process.
 */
export function historyOf(spec: SpecName, maxOps: number): fc.Arbitrary<HistoryEvent[]> {
  const draft = fc.record({ process: fc.integer({ min: 0, max: 2 }), outcome, shape: SHAPES[spec] });
  return fc.tuple(fc.array(draft, { minLength: 1, maxLength: maxOps }), fc.array(fc.nat(), { maxLength: 2 * maxOps })).map(([drafts, choices]) => {
    const streams = new Map<number, HistoryEvent[]>();
    const rename = new Map<number, number>();
    let fresh = 10;
    for (const d of drafts) {
      const process = rename.get(d.process) ?? d.process;
      const stream = streams.get(process) ?? [];
      streams.set(process, stream);
      const { f, invoke, ok } = d.shape;
      const key = d.shape.key === undefined ? {} : { key: d.shape.key };
      stream.push({ process, type: 'invoke', f, value: invoke, ...key });
      if (d.outcome !== 'none') stream.push({ process, type: d.outcome, f, value: d.outcome === 'ok' ? ok : invoke, ...key });
      if (d.outcome === 'info' || d.outcome === 'none') rename.set(d.process, fresh++);
    }
    const queues = [...streams.values()];
    const events: HistoryEvent[] = [];
    for (let c = 0; queues.some((q) => q.length > 0); c++) {
      const open = queues.filter((q) => q.length > 0);
      events.push((open[(choices[c] ?? 0) % open.length] as HistoryEvent[]).shift() as HistoryEvent);
    }
    return events;
  });
}
