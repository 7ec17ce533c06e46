import fc from 'fast-check';
import { buildExecution, type EventInput } from '../../../execution/build.js';
import type { Execution, State } from '../../../execution/types.js';

/** The label patterns of the random traces: `lock A` / `unlock A`. */
export const LOCKS = { acquire: /^lock (\w+)$/, release: /^unlock (\w+)$/ } as const;

/** One step of a thread's program. */
type Op =
  | { readonly kind: 'acquire'; readonly lock: string }
  | { readonly kind: 'release'; readonly lock: string }
  | { readonly kind: 'write'; readonly field: string; readonly value: number; readonly syncFrom: number | undefined };

interface RawOp {
  readonly choice: number;
  readonly lock: number;
  readonly field: number;
  readonly value: number;
  readonly sync: number;
}

const LOCK_NAMES = ['A', 'B'];
const FIELDS = ['x', 'y'];

/** A thread's program from raw choices: acquire a free-for-it lock, release the innermost, or write a field. */
function program(raw: readonly RawOp[], locks: number, threads: number, self: number): Op[] {
  const held: string[] = [];
  const ops: Op[] = [];
  for (const r of raw) {
    const free = LOCK_NAMES.slice(0, locks).filter((l) => !held.includes(l));
    const want = r.choice < 4 ? 0 : r.choice < 7 ? 1 : 2;
    if (want === 0 && free.length > 0) {
      const lock = free[r.lock % free.length]!;
      held.push(lock);
      ops.push({ kind: 'acquire', lock });
    } else if (want === 1 && held.length > 0) {
      ops.push({ kind: 'release', lock: held.pop()! });
    } else {
      const other = r.sync < 7 ? threads : r.sync % threads;
      ops.push({ kind: 'write', field: FIELDS[r.field % 2]!, value: r.value, syncFrom: other < threads && other !== self ? other : undefined });
    }
  }
  return ops;
}

const arbRaw = fc.record({ choice: fc.nat(9), lock: fc.nat(1), field: fc.nat(1), value: fc.nat(2), sync: fc.nat(9) });

/**
 * A random small trace of a locking program: 2–3 threads, ≤ 4 events each, 1–2 locks, properly nested sections
 * (a thread may end inside one). It is recorded by running the programs on a random schedule that respects the
 * locks (an acquire waits while another thread holds the lock); a write may first merge another thread's clock (a
 * happened-before edge, as a join or a message). A recorded schedule that deadlocks ends the trace there.
 * Acquires set `in_<lock>` to 1 and releases to 0, so predicates can say who is inside.
 */
export const arbLockTrace: fc.Arbitrary<Execution> = fc
  .record({
    threads: fc.integer({ min: 2, max: 3 }),
    locks: fc.integer({ min: 1, max: 2 }),
    raws: fc.array(fc.array(arbRaw, { minLength: 2, maxLength: 4, size: 'max' }), { minLength: 3, maxLength: 3 }),
    schedule: fc.array(fc.nat(5), { minLength: 12, maxLength: 12 }),
  })
  .map(({ threads, locks, raws, schedule }) => {
    const programs = raws.slice(0, threads).map((r, t) => program(r, locks, threads, t));
    return record(programs, schedule);
  });

function record(programs: Op[][], schedule: readonly number[]): Execution {
  const n = programs.length;
  const next = new Array<number>(n).fill(0);
  const clocks = programs.map(() => new Array<number>(n).fill(0));
  const owner = new Map<string, number>();
  const events: EventInput[] = [];
  for (const pick of schedule) {
    const enabled: number[] = [];
    for (let t = 0; t < n; t++) {
      const op = programs[t]![next[t]!];
      if (op === undefined) continue;
      if (op.kind === 'acquire' && owner.has(op.lock)) continue;
      enabled.push(t);
    }
    if (enabled.length === 0) break;
    const t = enabled[pick % enabled.length]!;
    const op = programs[t]![next[t]!++]!;
    const clock = clocks[t]!;
    let label: string;
    let fields: State;
    if (op.kind === 'acquire') {
      owner.set(op.lock, t);
      label = `lock ${op.lock}`;
      fields = { [`in_${op.lock}`]: 1 };
    } else if (op.kind === 'release') {
      owner.delete(op.lock);
      label = `unlock ${op.lock}`;
      fields = { [`in_${op.lock}`]: 0 };
    } else {
      if (op.syncFrom !== undefined) {
        const other = clocks[op.syncFrom]!;
        for (let j = 0; j < n; j++) clock[j] = Math.max(clock[j]!, other[j]!);
      }
      label = `write ${op.field}`;
      fields = { [op.field]: op.value };
    }
    clock[t]!++;
    events.push({ host: t, kind: op.kind === 'write' && op.syncFrom !== undefined ? 'receive' : 'internal', label, clock: [...clock], fields });
  }
  return buildExecution({ label: 'random lock trace', hosts: programs.map((_, t) => `t${t}`), events });
}
