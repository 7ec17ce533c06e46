/** The typed registry of built-in models: every `ModelName` must have an entry, or this file fails to compile. */
import type { Model, ModelName } from '../model.js';
import { queueModel, setModel } from './collections.js';
import { kvModel } from './kv.js';
import { multiRegisterModel } from './multi-register.js';
import { counterModel, mutexModel } from './mutex-counter.js';
import { casRegisterModel, registerModel } from './register.js';

/** Model name → model. */
export const MODELS: { readonly [N in ModelName]: Model<unknown> } = {
  register: registerModel as Model<unknown>,
  'cas-register': casRegisterModel as Model<unknown>,
  kv: kvModel as Model<unknown>,
  set: setModel as Model<unknown>,
  queue: queueModel as Model<unknown>,
  mutex: mutexModel as Model<unknown>,
  'multi-register': multiRegisterModel as Model<unknown>,
  counter: counterModel as Model<unknown>,
};

/** The registered names, in a fixed order (for `dsim list` and error messages). */
export const MODEL_NAMES: readonly ModelName[] = ['register', 'cas-register', 'kv', 'set', 'queue', 'mutex', 'multi-register', 'counter'];

/** True when `name` is a registered model. */
export function isModelName(name: string): name is ModelName {
  return Object.prototype.hasOwnProperty.call(MODELS, name);
}
