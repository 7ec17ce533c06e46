/**
 * Registers: `register` (read / write) and `cas-register` (read / write / cas). The initial value is `nil` (`null`):
 * a read of nil means the key does not exist yet; `initial` sets another. Values are nil, numbers or strings.
 */
import type { HistoryValue } from '../../../execution/history.js';
import type { Model, OpInput, OpOutput, StepResult } from '../model.js';
import { formatInitial, formatValue, hashValue, isScalar, valueEquals } from './values.js';

/** A register's contents. */
export type RegisterState = null | number | string;

function casPair(value: HistoryValue): readonly [RegisterState, RegisterState] | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [from, to] = value as readonly HistoryValue[];
  if (from === undefined || to === undefined || !isScalar(from) || !isScalar(to)) return undefined;
  return [from, to];
}

function makeRegister(withCas: boolean): Model<RegisterState> {
  const names = withCas ? '`read`, `write` or `cas`' : '`read` or `write`';
  return {
    name: withCas ? 'cas-register' : 'register',
    summary: withCas
      ? 'a compare-and-set register: read, write v, cas [from to]; initially nil'
      : 'a read/write register: read, write v; initially nil',
    init: () => null,
    initWith: (initial) =>
      isScalar(initial as HistoryValue)
        ? { ok: true, state: initial as RegisterState }
        : { ok: false, problem: `a register's initial value is nil, a number or a string, not ${formatInitial(initial)}` },
    step(state: RegisterState, input: OpInput, output: OpOutput): StepResult<RegisterState> {
      switch (input.f) {
        case 'read':
          return { ok: output.kind === 'unknown' || valueEquals(output.value, state), next: state };
        case 'write':
          return { ok: true, next: input.value as RegisterState };
        default: {
          // cas: included only when it took effect, i.e. when its comparison succeeded (a cas that compared and
          // failed changed nothing, which is the same as leaving it out).
          const pair = casPair(input.value) as readonly [RegisterState, RegisterState];
          return pair[0] === state ? { ok: true, next: pair[1] } : { ok: false, next: state };
        }
      }
    },
    equal: (a, b) => a === b,
    hash: (state) => hashValue(state),
    describe(input: OpInput, output: OpOutput): string {
      const unknown = output.kind === 'unknown' ? ' (outcome unknown)' : '';
      if (input.f === 'read') return output.kind === 'ok' ? `read → ${formatValue(output.value)}` : 'read → ?';
      if (input.f === 'write') return `write ${formatValue(input.value)}${unknown}`;
      const pair = casPair(input.value);
      const text = pair === undefined ? formatValue(input.value) : `${formatValue(pair[0])}→${formatValue(pair[1])}`;
      return `cas ${text}${unknown}`;
    },
    describeState: (state) => `value ${formatValue(state)}`,
    validate(input: OpInput, output: OpOutput): string | undefined {
      if (input.f === 'read') {
        if (output.kind === 'ok' && !isScalar(output.value)) return `a read returns nil, a number or a string, not ${formatValue(output.value)}`;
        return undefined;
      }
      if (input.f === 'write') {
        return isScalar(input.value) ? undefined : `a write takes nil, a number or a string, not ${formatValue(input.value)}`;
      }
      if (withCas && input.f === 'cas') {
        return casPair(input.value) === undefined ? `a cas takes a pair [from to], not ${formatValue(input.value)}` : undefined;
      }
      return `the ${withCas ? 'cas-register' : 'register'} model has no operation \`${input.f}\` (expected ${names})`;
    },
    readOnly: (input) => input.f === 'read',
  };
}

/** Read/write register. */
export const registerModel: Model<RegisterState> = makeRegister(false);
/** Compare-and-set register (Jepsen's etcd test). */
export const casRegisterModel: Model<RegisterState> = makeRegister(true);
