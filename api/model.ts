/**
 * `defineModel`: a sequential model of your own, in the shape of Porcupine's, for `linearizable(model)`,
 * `toBeLinearizable(model)`, `checkHistory(history, model)` and, listed in `defineConfig({ models })`,
 * `dsim check-history --model <name>`.
 *
 * @example
 * export const lww = defineModel({
 *   name: 'my-register',
 *   init: () => 0,
 *   step: (state, input, output) =>
 *     input.f === 'write' ? { ok: true, next: input.value } : { ok: output.kind === 'unknown' || output.value === state, next: state },
 *   readOnly: (input) => input.f === 'read',
 * });
 */
import { isModelName } from '../properties/linearizability/models/registry.js';
import { userModel, type DefinedModel, type ModelSpec } from '../properties/linearizability/user-model.js';
import { rejectIf } from './errors.js';

export type { DefinedModel, ModelSpec } from '../properties/linearizability/user-model.js';

const OPTIONAL = ['initWith', 'equal', 'hash', 'describe', 'describeState', 'validate', 'readOnly', 'partitionKey'] as const;

function problemOf(spec: ModelSpec<unknown>): string | undefined {
  if (typeof spec !== 'object' || spec === null) return 'expected a model spec: defineModel({ name, init, step, ... })';
  if (typeof spec.name !== 'string' || spec.name.trim() === '') return 'name is not a non-empty string';
  if (isModelName(spec.name)) return `"${spec.name}" is the name of a built-in model; give yours another name`;
  if (typeof spec.init !== 'function') return 'init is not a function; give init: () => the initial state';
  const deterministic = typeof spec.step === 'function';
  const nondeterministic = typeof spec.steps === 'function';
  if (deterministic === nondeterministic) {
    return deterministic
      ? 'both step and steps are given; give step (one next state) or steps (every possible next state), not both'
      : 'neither step nor steps is a function; give step: (state, input, output) => ({ ok, next }) or steps: (...) => [states]';
  }
  const bad = OPTIONAL.find((key) => spec[key] !== undefined && typeof spec[key] !== 'function');
  if (bad !== undefined) return `${bad} is not a function`;
  if (spec.summary !== undefined && typeof spec.summary !== 'string') return 'summary is not a string';
  return undefined;
}

/** Defines a model: checks the spec at once and throws a `DsimInputError` naming the first mistake. */
export function defineModel<S>(spec: ModelSpec<S>): DefinedModel {
  const name = typeof spec === 'object' && spec !== null && typeof spec.name === 'string' ? ` "${spec.name}"` : '';
  rejectIf(`defineModel${name}`, problemOf(spec as ModelSpec<unknown>));
  return userModel(spec);
}
