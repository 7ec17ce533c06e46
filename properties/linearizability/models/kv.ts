/**
 * Key-value map of strings: `get k` (returns the value; a missing key reads as `""` or nil), `put k v`,
 * `append k v` (concatenates v to the value). Keys are independent, so the model is P-compositional: the checker
 * splits a history per key.
 */
import type { Model, OpInput, OpOutput, StepResult } from '../model.js';
import { keyedStatesEqual, formatInitial, formatValue, hashString, isPlainObject, mix32 } from './values.js';

/**
 * The map as parallel arrays sorted by key (small and cheap to copy: a step copies one or two short arrays), with
 * each value's string hash and an order-independent hash of the whole. Empty values are absent.
 */
export interface KvState {
  readonly keys: readonly string[];
  readonly values: readonly string[];
  readonly valueHashes: readonly number[];
  readonly hash: number;
}

const EMPTY: KvState = { keys: [], values: [], valueHashes: [], hash: 0 };
const STRING_SEED = 0x3c6ef372;

function entryHash(key: string, valueHash: number): number {
  return mix32(hashString(0x9e3779b9, key) ^ mix32(valueHash));
}

/** Index of `key` in the sorted keys, or -(insertion point) - 1. */
function find(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const k = keys[mid] as string;
    if (k === key) return mid;
    if (k < key) low = mid + 1;
    else high = mid - 1;
  }
  return -low - 1;
}

function withValue(state: KvState, key: string, value: string, valueHash: number): KvState {
  const at = find(state.keys, key);
  let hash = state.hash;
  if (at >= 0) {
    hash = (hash - entryHash(key, state.valueHashes[at] as number)) | 0;
    if (value === '') {
      const keep = (_: unknown, i: number): boolean => i !== at;
      return { keys: state.keys.filter(keep), values: state.values.filter(keep), valueHashes: state.valueHashes.filter(keep), hash };
    }
    const values = state.values.slice();
    const valueHashes = state.valueHashes.slice();
    values[at] = value;
    valueHashes[at] = valueHash;
    return { keys: state.keys, values, valueHashes, hash: (hash + entryHash(key, valueHash)) | 0 };
  }
  if (value === '') return state;
  const insert = -at - 1;
  const keys = state.keys.slice();
  const values = state.values.slice();
  const valueHashes = state.valueHashes.slice();
  keys.splice(insert, 0, key);
  values.splice(insert, 0, value);
  valueHashes.splice(insert, 0, valueHash);
  return { keys, values, valueHashes, hash: (hash + entryHash(key, valueHash)) | 0 };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The key-value model. */
export const kvModel: Model<KvState> = {
  name: 'kv',
  summary: 'a map of strings: get k, put k v, append k v (concatenates); a missing key reads as "" or nil',
  init: () => EMPTY,
  initWith(initial) {
    const problem = `the kv model's initial value is an object of strings such as {"x": "a"}, not ${formatInitial(initial)}`;
    if (!isPlainObject(initial)) return { ok: false, problem };
    let state = EMPTY;
    for (const key of Object.keys(initial).sort()) {
      const value = initial[key];
      if (typeof value !== 'string') return { ok: false, problem };
      state = withValue(state, key, value, hashString(STRING_SEED, value));
    }
    return { ok: true, state };
  },
  step(state: KvState, input: OpInput, output: OpOutput): StepResult<KvState> {
    const key = input.key as string;
    const at = find(state.keys, key);
    const current = at < 0 ? '' : (state.values[at] as string);
    if (input.f === 'get') return { ok: output.kind === 'unknown' || text(output.value) === current, next: state };
    const value = text(input.value);
    if (input.f === 'put') return { ok: true, next: withValue(state, key, value, hashString(STRING_SEED, value)) };
    const currentHash = at < 0 ? STRING_SEED : (state.valueHashes[at] as number);
    return { ok: true, next: withValue(state, key, current + value, hashString(currentHash, value)) };
  },
  equal: keyedStatesEqual,
  hash: (state) => state.hash,
  describe(input: OpInput, output: OpOutput): string {
    const key = JSON.stringify(input.key ?? '');
    if (input.f === 'get') return `get ${key} → ${output.kind === 'ok' ? formatValue(output.value) : '?'}`;
    const unknown = output.kind === 'unknown' ? ' (outcome unknown)' : '';
    return `${input.f} ${key} ${formatValue(input.value)}${unknown}`;
  },
  describeState(state: KvState): string {
    if (state.keys.length === 0) return 'empty map';
    return state.keys.map((key, i) => `${JSON.stringify(key)}: ${JSON.stringify(state.values[i])}`).join(', ');
  },
  validate(input: OpInput, output: OpOutput): string | undefined {
    if (input.f !== 'get' && input.f !== 'put' && input.f !== 'append') {
      return `the kv model has no operation \`${input.f}\` (expected \`get\`, \`put\` or \`append\`)`;
    }
    if (input.key === undefined) return `a ${input.f} needs a key`;
    if (input.f === 'get') {
      const ok = output.kind === 'unknown' || output.value === null || typeof output.value === 'string';
      return ok ? undefined : `a get returns a string or nil, not ${formatValue(output.kind === 'ok' ? output.value : null)}`;
    }
    return typeof input.value === 'string' ? undefined : `a ${input.f} takes a string, not ${formatValue(input.value)}`;
  },
  readOnly: (input) => input.f === 'get',
  partitionKey: (input) => input.key ?? '',
};
