/**
 * `multi-register`: registers named by keys, read and written together in transactions, as Jepsen's `:txn`
 * micro-operations. A `txn` operation's value is a list of micro-ops `[f, key, value]`: `["r", "x", v]` reads key
 * x, `["w", "y", 2]` writes 2 to y (`:r` / `:w`, as read from EDN, are accepted too). The invoke carries the reads'
 * values as nil, the completion carries what they read; micro-ops apply in order, so a read sees the transaction's
 * own earlier writes. Keys are strings (a number names the key of its decimal text), values nil, numbers or
 * strings; a key never written reads nil. `initial` is an object of the registers' values (`{"x": 1}`). A
 * transaction may span keys, so histories are not split.
 */
import type { HistoryValue } from '../../../execution/history.js';
import type { Model, OpInput, OpOutput, StepResult } from '../model.js';
import { keyedStatesEqual, formatInitial, formatValue, hashString, hashValue, isPlainObject, isScalar, mix32, valueEquals } from './values.js';

type Scalar = null | number | string;

/** The registers as parallel arrays sorted by key (nil values absent), with an order-independent hash. */
export interface MultiRegisterState {
  readonly keys: readonly string[];
  readonly values: readonly Scalar[];
  readonly hash: number;
}

const EMPTY: MultiRegisterState = { keys: [], values: [], hash: 0 };

/** A micro-op, read from a txn's value. */
interface MicroOp {
  readonly write: boolean;
  readonly key: string;
  readonly value: Scalar;
}

function microOps(value: HistoryValue): MicroOp[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: MicroOp[] = [];
  for (const mop of value) {
    if (!Array.isArray(mop) || mop.length !== 3) return undefined;
    const [f, key, v] = mop as readonly HistoryValue[];
    const write = f === 'w' || f === ':w';
    if (!write && f !== 'r' && f !== ':r') return undefined;
    if ((typeof key !== 'string' && typeof key !== 'number') || !isScalar(v as HistoryValue)) return undefined;
    out.push({ write, key: String(key), value: v as Scalar });
  }
  return out;
}

function entryHash(key: string, value: Scalar): number {
  return mix32(hashString(0x510e527f, key) ^ hashValue(value));
}

function get(state: MultiRegisterState, key: string): Scalar {
  const at = state.keys.indexOf(key);
  return at < 0 ? null : (state.values[at] as Scalar);
}

function set(state: MultiRegisterState, key: string, value: Scalar): MultiRegisterState {
  const at = state.keys.indexOf(key);
  const keys = state.keys.slice();
  const values = state.values.slice();
  let hash = state.hash;
  if (at >= 0) {
    hash = (hash - entryHash(key, values[at] as Scalar)) | 0;
    keys.splice(at, 1);
    values.splice(at, 1);
  }
  if (value === null) return { keys, values, hash };
  let insert = 0;
  while (insert < keys.length && (keys[insert] as string) < key) insert++;
  keys.splice(insert, 0, key);
  values.splice(insert, 0, value);
  return { keys, values, hash: (hash + entryHash(key, value)) | 0 };
}

function formatTxn(mops: readonly MicroOp[]): string {
  return mops.map((m) => `[${m.write ? 'w' : 'r'} ${JSON.stringify(m.key)} ${formatValue(m.value)}]`).join(' ');
}

const EXAMPLE = 'a list of micro-ops such as [["r", "x", null], ["w", "y", 2]]';

/** The multi-register model. */
export const multiRegisterModel: Model<MultiRegisterState> = {
  name: 'multi-register',
  summary: 'registers read and written in transactions: txn [["r", k, v], ["w", k, v], ...]; every key initially nil',
  init: () => EMPTY,
  initWith(initial) {
    const problem = `the multi-register model's initial value is an object of nil, numbers or strings such as {"x": 1}, not ${formatInitial(initial)}`;
    if (!isPlainObject(initial)) return { ok: false, problem };
    let state = EMPTY;
    for (const key of Object.keys(initial).sort()) {
      const value = initial[key] as HistoryValue;
      if (!isScalar(value)) return { ok: false, problem };
      state = set(state, key, value);
    }
    return { ok: true, state };
  },
  step(state: MultiRegisterState, input: OpInput, output: OpOutput): StepResult<MultiRegisterState> {
    const mops = microOps(output.kind === 'ok' ? output.value : input.value) as MicroOp[];
    let next = state;
    for (const m of mops) {
      if (m.write) next = set(next, m.key, m.value);
      else if (output.kind === 'ok' && !valueEquals(get(next, m.key), m.value)) return { ok: false, next: state };
    }
    return { ok: true, next };
  },
  equal: keyedStatesEqual,
  hash: (state) => state.hash,
  describe(input: OpInput, output: OpOutput): string {
    const mops = microOps(output.kind === 'ok' ? output.value : input.value) ?? [];
    return `txn ${formatTxn(mops)}${output.kind === 'unknown' ? ' (outcome unknown)' : ''}`;
  },
  describeState(state: MultiRegisterState): string {
    if (state.keys.length === 0) return 'every key nil';
    return state.keys.map((key, i) => `${JSON.stringify(key)}: ${formatValue(state.values[i] as Scalar)}`).join(', ');
  },
  validate(input: OpInput, output: OpOutput): string | undefined {
    if (input.f !== 'txn') return `the multi-register model has no operation \`${input.f}\` (expected \`txn\`)`;
    const asked = microOps(input.value);
    if (asked === undefined) return `a txn takes ${EXAMPLE}, not ${formatValue(input.value)}`;
    if (output.kind === 'unknown') return undefined;
    const done = microOps(output.value);
    const same = done !== undefined && done.length === asked.length
      && done.every((m, i) => m.write === asked[i]!.write && m.key === asked[i]!.key && (!m.write || valueEquals(m.value, asked[i]!.value)));
    return same ? undefined : `a txn completes with its own micro-ops and the values read, not ${formatValue(output.value)}`;
  },
  readOnly: (input) => (microOps(input.value) ?? []).every((m) => !m.write),
};
