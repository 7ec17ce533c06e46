/**
 * Loading the user's models from a config file: the models of its default export (`defineConfig({ models })`) and
 * every exported `defineModel` result, each once. A model named like a built-in one, or like another of the
 * user's, is an input error naming the file.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { Model } from '../../properties/linearizability/model.js';
import { isModelName } from '../../properties/linearizability/models/registry.js';
import { isModel, MODEL_BRAND } from '../../properties/linearizability/user-model.js';
import { isConfig } from './config-shape.js';
import { displayPath, importUserFile } from './import-file.js';

/** The models `file` (a config, already loaded for its scenarios) holds, in the config's order, then exports'. */
export async function loadModelFile(file: string): Promise<Failable<Model<unknown>[]>> {
  const shown = displayPath(file);
  const imported = await importUserFile(file);
  if (!imported.ok) return imported;
  const namespace = imported.value;
  const main = namespace['default'];
  const out: Model<unknown>[] = [];
  if (isConfig(main)) {
    const listed = main.models ?? [];
    const bad = listed.findIndex((m) => !isModel(m));
    if (bad >= 0) return fail({ source: shown, message: `models[${bad}] of the config is not a model; make each one with defineModel({ ... })` });
    out.push(...(listed as Model<unknown>[]));
  }
  for (const key of Object.keys(namespace).sort()) {
    const value = namespace[key] as Record<PropertyKey, unknown> | undefined;
    if (isModel(value) && value[MODEL_BRAND] === true && !out.includes(value)) out.push(value);
  }
  const names = new Set<string>();
  for (const m of out) {
    if (isModelName(m.name)) return fail({ source: shown, message: `model "${m.name}" has the name of a built-in model; give it another name` });
    if (names.has(m.name)) return fail({ source: shown, message: `two models are named "${m.name}"; names must differ` });
    names.add(m.name);
  }
  return succeed(out);
}
