/**
 * `mutex` (`acquire` succeeds only when the lock is free, `release` only when it is held; whoever holds it, as
 * Knossos's mutex) and `counter` (`add n`, `read` returns the sum). Initially free / 0; `initial` gives `true`
 * (held) or `false`, and the counter's starting integer.
 */
import type { Model, OpInput, OpOutput, StepResult } from '../model.js';
import { formatInitial, formatValue, mix32, noOperation } from './values.js';

/** The mutex model: the state is whether the lock is held. */
export const mutexModel: Model<boolean> = {
  name: 'mutex',
  summary: 'a lock: acquire (only when free), release (only when held); initially free',
  init: () => false,
  initWith: (initial) =>
    typeof initial === 'boolean'
      ? { ok: true, state: initial }
      : { ok: false, problem: `the mutex model's initial value is true (held) or false (free), not ${formatInitial(initial)}` },
  step(held: boolean, input: OpInput): StepResult<boolean> {
    return input.f === 'acquire' ? { ok: !held, next: true } : { ok: held, next: false };
  },
  equal: (a, b) => a === b,
  hash: (held) => (held ? 1 : 0),
  describe: (input: OpInput, output: OpOutput) => `${input.f}${output.kind === 'unknown' ? ' (outcome unknown)' : ''}`,
  describeState: (held) => (held ? 'held' : 'free'),
  validate: (input: OpInput) => (input.f === 'acquire' || input.f === 'release' ? undefined : noOperation('mutex', input.f, ['acquire', 'release'])),
  readOnly: () => false,
};

/** The counter model: the state is the sum of the adds. */
export const counterModel: Model<number> = {
  name: 'counter',
  summary: 'a counter: add n (an integer), read (returns the sum); initially 0',
  init: () => 0,
  initWith: (initial) =>
    Number.isSafeInteger(initial)
      ? { ok: true, state: initial as number }
      : { ok: false, problem: `the counter model's initial value is an integer, not ${formatInitial(initial)}` },
  step(state: number, input: OpInput, output: OpOutput): StepResult<number> {
    if (input.f === 'read') return { ok: output.kind === 'unknown' || output.value === state, next: state };
    return { ok: true, next: state + (input.value as number) };
  },
  equal: (a, b) => a === b,
  hash: (state) => mix32(state | 0),
  describe(input: OpInput, output: OpOutput): string {
    if (input.f === 'read') return output.kind === 'ok' ? `read → ${formatValue(output.value)}` : 'read → ?';
    return `add ${formatValue(input.value)}${output.kind === 'unknown' ? ' (outcome unknown)' : ''}`;
  },
  describeState: (state) => `count ${state}`,
  validate(input: OpInput, output: OpOutput): string | undefined {
    if (input.f === 'add') return Number.isSafeInteger(input.value) ? undefined : `an add takes an integer, not ${formatValue(input.value)}`;
    if (input.f !== 'read') return noOperation('counter', input.f, ['add', 'read']);
    if (output.kind === 'unknown' || Number.isSafeInteger(output.value)) return undefined;
    return `a read returns an integer, not ${formatValue(output.value)}`;
  },
  readOnly: (input) => input.f === 'read',
};
