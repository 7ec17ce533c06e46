/**
 * Collections: `set` (`add v`; `read` returns every member, in any order) and `queue` (FIFO: `enqueue v`;
 * `dequeue` returns the front, or nil when the queue is empty). Members are numbers or strings (and nil in a set).
 * Initially empty; `initial` gives the members (an array; a queue's front first).
 */
import type { HistoryValue } from '../../../execution/history.js';
import type { InitialState, Model, OpInput, OpOutput, StepResult } from '../model.js';
import { formatInitial, formatValue, hashString, isScalar, noOperation, valueKey } from './values.js';

/** Members as their canonical texts (`valueKey`): a set's sorted and distinct, a queue's front first. */
export type CollectionState = readonly string[];

function equalKeys(a: CollectionState, b: CollectionState): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function hashKeys(state: CollectionState): number {
  let h = 0x6a09e667;
  for (const key of state) h = hashString(Math.imul(h, 0x01000193) ^ key.length, key);
  return h;
}

function members(state: CollectionState): string {
  return state.map((key) => formatValue(JSON.parse(key) as HistoryValue)).join(' ');
}

/** Sorted distinct canonical texts of `values`. */
function setOf(values: readonly HistoryValue[]): CollectionState {
  return [...new Set(values.map(valueKey))].sort();
}

function initialArray(model: string, initial: unknown, member: (v: HistoryValue) => boolean, what: string): InitialState<HistoryValue[]> {
  if (Array.isArray(initial) && initial.every((v) => member(v as HistoryValue))) return { ok: true, state: initial as HistoryValue[] };
  return { ok: false, problem: `the ${model} model's initial value is an array of ${what}, not ${formatInitial(initial)}` };
}

/** The set model. */
export const setModel: Model<CollectionState> = {
  name: 'set',
  summary: 'a set: add v, read (returns every member, in any order); initially empty',
  init: () => [],
  initWith(initial) {
    const values = initialArray('set', initial, isScalar, 'nil, numbers or strings');
    return values.ok ? { ok: true, state: setOf(values.state) } : values;
  },
  step(state: CollectionState, input: OpInput, output: OpOutput): StepResult<CollectionState> {
    if (input.f === 'read') return { ok: output.kind === 'unknown' || equalKeys(setOf(output.value as HistoryValue[]), state), next: state };
    const key = valueKey(input.value);
    if (state.includes(key)) return { ok: true, next: state };
    return { ok: true, next: [...state, key].sort() };
  },
  equal: equalKeys,
  hash: hashKeys,
  describe(input: OpInput, output: OpOutput): string {
    if (input.f === 'read') return output.kind === 'ok' ? `read → ${formatValue(output.value)}` : 'read → ?';
    return `add ${formatValue(input.value)}${output.kind === 'unknown' ? ' (outcome unknown)' : ''}`;
  },
  describeState: (state) => (state.length === 0 ? 'empty set' : `set {${members(state)}}`),
  validate(input: OpInput, output: OpOutput): string | undefined {
    if (input.f === 'add') return isScalar(input.value) ? undefined : `an add takes nil, a number or a string, not ${formatValue(input.value)}`;
    if (input.f !== 'read') return noOperation('set', input.f, ['add', 'read']);
    if (output.kind === 'unknown') return undefined;
    const value = output.value;
    return Array.isArray(value) && value.every(isScalar) ? undefined : `a read returns an array of the members, not ${formatValue(value)}`;
  },
  readOnly: (input) => input.f === 'read',
};

const isMember = (v: HistoryValue): boolean => typeof v === 'number' || typeof v === 'string';

/** The queue model. */
export const queueModel: Model<CollectionState> = {
  name: 'queue',
  summary: 'a FIFO queue: enqueue v, dequeue (returns the front, or nil when empty); initially empty',
  init: () => [],
  initWith(initial) {
    const values = initialArray('queue', initial, isMember, 'numbers or strings (the front first)');
    return values.ok ? { ok: true, state: values.state.map(valueKey) } : values;
  },
  step(state: CollectionState, input: OpInput, output: OpOutput): StepResult<CollectionState> {
    if (input.f === 'enqueue') return { ok: true, next: [...state, valueKey(input.value)] };
    // dequeue: one of unknown outcome that is included took effect, and took the front if there was one.
    if (output.kind === 'unknown' || output.value === null) return { ok: output.kind === 'unknown' || state.length === 0, next: state.slice(1) };
    return { ok: state[0] === valueKey(output.value), next: state.slice(1) };
  },
  equal: equalKeys,
  hash: hashKeys,
  describe(input: OpInput, output: OpOutput): string {
    if (input.f === 'dequeue') return output.kind === 'ok' ? `dequeue → ${formatValue(output.value)}` : 'dequeue → ? (outcome unknown)';
    return `enqueue ${formatValue(input.value)}${output.kind === 'unknown' ? ' (outcome unknown)' : ''}`;
  },
  describeState: (state) => (state.length === 0 ? 'empty queue' : `queue [${members(state)}] (front first)`),
  validate(input: OpInput, output: OpOutput): string | undefined {
    if (input.f === 'enqueue') return isMember(input.value) ? undefined : `an enqueue takes a number or a string, not ${formatValue(input.value)}`;
    if (input.f !== 'dequeue') return noOperation('queue', input.f, ['enqueue', 'dequeue']);
    if (output.kind === 'unknown' || output.value === null || isMember(output.value)) return undefined;
    return `a dequeue returns a number, a string or nil (empty), not ${formatValue(output.value)}`;
  },
  readOnly: () => false,
};
