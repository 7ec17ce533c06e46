/**
 * The model a check runs: a built-in named by its `ModelName`, or a model value (a built-in's, or a user's from
 * `defineModel`), with its initial state set from an `initial` value when one is given.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { InitialValue, Model, ModelName } from './model.js';
import { isModelName, MODEL_NAMES, MODELS } from './models/registry.js';
import { isModel } from './user-model.js';

/** What a check may be given as its model. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ModelChoice = ModelName | Model<any>;

/** The model `choice` stands for; an unknown name (or a value that is no model) is an error listing the built-ins. */
export function resolveModel(choice: ModelChoice, source = 'model'): Failable<Model<unknown>> {
  if (typeof choice === 'string') {
    if (isModelName(choice)) return succeed(MODELS[choice]);
    return fail({ source, message: `unknown model "${choice}"; expected one of: ${MODEL_NAMES.join(', ')}` });
  }
  if (isModel(choice)) return succeed(choice as Model<unknown>);
  return fail({ source, message: 'expected a model name or a model made with defineModel({ ... })' });
}

/** `model` starting from the state `initial` stands for; an error (naming `source`) when the model cannot take it. */
export function withInitial(model: Model<unknown>, initial: InitialValue, source = 'initial'): Failable<Model<unknown>> {
  if (model.initWith === undefined) return fail({ source, message: `the ${model.name} model takes no initial value` });
  const made = model.initWith(initial);
  if (!made.ok) return fail({ source, message: made.problem });
  const state = made.state;
  return succeed({ ...model, init: () => state });
}
