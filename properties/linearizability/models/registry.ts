/** The typed registry of models: every `ModelName` must have an entry, or this file fails to compile. */
import type { Model, ModelName } from '../model.js';
import { kvModel } from './kv.js';
import { casRegisterModel, registerModel } from './register.js';

/** Model name → model. */
export const MODELS: { readonly [N in ModelName]: Model<unknown> } = {
  register: registerModel as Model<unknown>,
  'cas-register': casRegisterModel as Model<unknown>,
  kv: kvModel as Model<unknown>,
};

/** The registered names, in a fixed order (for `dsim list` and error messages). */
export const MODEL_NAMES: readonly ModelName[] = ['register', 'cas-register', 'kv'];

/** True when `name` is a registered model. */
export function isModelName(name: string): name is ModelName {
  return Object.prototype.hasOwnProperty.call(MODELS, name);
}
