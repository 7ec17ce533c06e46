/**
 * Transactions from an Elle/Jepsen EDN history (one operation map per line, or one vector or list of maps) or from
 * a simulated run's client history (events with `f: 'txn'`). Pairing:
 * - an event with `:process P` completes P's pending invoke; a second invoke of P while one is pending is an error;
 * - a completion without `:process` completes the earliest pending invoke without `:process` whose micro-ops have
 *   the same shape (same functions, keys and written values; reads may differ) — Elle's own example histories
 *   leave `:process` out and put each completion after its invoke;
 * - a completion that finds no invoke is a transaction of its own, invoked at an unknown time before it completes
 *   (`invokedAt` -1: nothing precedes it in real time);
 * - an invoke that never completes is of unknown outcome (`info`), with the invoke's micro-ops.
 * Operations of a keyword process (`:nemesis`) are skipped; `:f`, when present, must be `:txn`.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { History } from '../../execution/history.js';
import { readEdn, type EdnPosition } from '../../formats/edn.js';
import { atomText } from './graph.js';
import { microOps, nodeOfEdn, nodeOfValue, sameShape, type ValueNode } from './micro-ops.js';
import type { Atom, DataModel, MicroOp, Transaction, TransactionType } from './types.js';

interface RawEvent {
  readonly type: 'invoke' | TransactionType;
  readonly process?: Atom;
  readonly ops: readonly MicroOp[];
  readonly index?: number;
  readonly at?: EdnPosition | undefined;
}

const TYPES: ReadonlySet<string> = new Set(['invoke', 'ok', 'fail', 'info']);

function where(e: RawEvent): string {
  return e.at === undefined ? '' : ` at line ${e.at.line}`;
}

/** Pairs invokes with completions (see the header) into transactions numbered by invoke order. */
export function pairEvents(events: readonly RawEvent[], source: string): Failable<Transaction[]> {
  interface Slot {
    invoke: RawEvent;
    invokedAt: number;
    done?: RawEvent;
    completedAt?: number;
  }
  const slots: Slot[] = [];
  const pending = new Map<string, Slot>();
  const anonymous: Slot[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const p = e.process === undefined ? undefined : atomText(e.process);
    if (e.type === 'invoke') {
      const open = p === undefined ? undefined : pending.get(p);
      if (open !== undefined) {
        return fail({ source, ...(e.at === undefined ? {} : { line: e.at.line, column: e.at.column }), message: `process ${p} invokes a transaction while its transaction invoked${where(open.invoke)} has not completed` });
      }
      const slot: Slot = { invoke: e, invokedAt: i };
      slots.push(slot);
      if (p === undefined) anonymous.push(slot);
      else pending.set(p, slot);
      continue;
    }
    let slot: Slot | undefined;
    if (p !== undefined) {
      slot = pending.get(p);
      pending.delete(p);
    } else {
      const k = anonymous.findIndex((s) => sameShape(s.invoke.ops, e.ops));
      if (k >= 0) slot = anonymous.splice(k, 1)[0];
    }
    if (slot === undefined) {
      slot = { invoke: e, invokedAt: -1 };
      slots.push(slot);
    }
    slot.done = e;
    slot.completedAt = i;
  }
  return succeed(slots.map((s, id): Transaction => {
    const last = s.done ?? s.invoke;
    const type: TransactionType = s.done === undefined || s.done.type === 'invoke' ? 'info' : s.done.type;
    return {
      id,
      type,
      ops: s.done !== undefined && s.done.ops.length > 0 ? s.done.ops : s.invoke.ops,
      invokedAt: s.invokedAt,
      ...(s.completedAt === undefined ? {} : { completedAt: s.completedAt }),
      ...(last.process === undefined ? {} : { process: last.process }),
      ...(last.index === undefined ? {} : { index: last.index }),
      ...(last.at === undefined ? {} : { line: last.at.line, column: last.at.column }),
    };
  }));
}

/** Reads an Elle/Jepsen transactional history in EDN. */
export function readTransactionsEdn(text: string, source: string, model: DataModel): Failable<Transaction[]> {
  const read = readEdn(text, source);
  if (!read.ok) return read;
  const top = read.value;
  const ops = top.length === 1 && (top[0]!.kind === 'vector' || top[0]!.kind === 'list') ? top[0]!.items : top;
  const events: RawEvent[] = [];
  for (const op of ops) {
    const bad = (message: string, at: EdnPosition = op.at): Failable<Transaction[]> => fail({ source, line: at.line, column: at.column, message });
    if (op.kind !== 'map') return bad('expected an operation map such as `{:type :ok, :f :txn, :value [[:append 1 2]]}`');
    const fields = new Map<string, ValueNode>();
    for (const [k, v] of op.entries) if (k.kind === 'keyword') fields.set(k.name, nodeOfEdn(v));
    const process = fields.get('process');
    if (process?.kind === 'atom' && typeof process.value === 'string') continue; // :nemesis and other non-clients
    if (process !== undefined && process.kind !== 'atom' && process.kind !== 'nil') return bad('expected :process to be an integer', process.at);
    const type = fields.get('type');
    const typeName = type?.kind === 'atom' ? String(type.value).replace(/^:/, '') : undefined;
    if (type === undefined || typeName === undefined || !TYPES.has(typeName)) return bad('expected :type to be :invoke, :ok, :fail or :info', type?.at);
    const f = fields.get('f');
    if (f !== undefined && !(f.kind === 'atom' && f.value === ':txn')) return bad('expected :f to be :txn (a transaction)', f.at);
    const value = fields.get('value');
    if (value === undefined) return bad('expected a :value, the vector of micro-operations');
    // A completion that did not (or may not have) happened may leave its value out: the invoke's micro-ops stand.
    const parsed = value.kind === 'nil' && (typeName === 'fail' || typeName === 'info') ? [] : microOps(value, model);
    if (!Array.isArray(parsed)) return bad(parsed.message, parsed.at);
    const index = fields.get('index');
    events.push({
      type: typeName as RawEvent['type'],
      ops: parsed,
      at: op.at,
      ...(process?.kind === 'atom' ? { process: process.value } : {}),
      ...(index?.kind === 'atom' && typeof index.value === 'number' ? { index: index.value } : {}),
    });
  }
  return pairEvents(events, source);
}

/** Transactions of a simulated run's client history: its events with `f: 'txn'` (others are left out). */
export function transactionsOfHistory(history: History, model: DataModel, source = 'history'): Failable<Transaction[]> {
  const events: RawEvent[] = [];
  for (let i = 0; i < history.length; i++) {
    const e = history[i]!;
    if (e.f !== 'txn') continue;
    const parsed = e.value === null && (e.type === 'fail' || e.type === 'info') ? [] : microOps(nodeOfValue(e.value), model);
    if (!Array.isArray(parsed)) return fail({ source, ...(e.line === undefined ? {} : { line: e.line }), message: `event ${i} (process ${e.process}): ${parsed.message}` });
    events.push({ type: e.type, process: e.process, ops: parsed, ...(e.line === undefined ? {} : { at: { line: e.line, column: 1 } }) });
  }
  return pairEvents(events, source);
}
