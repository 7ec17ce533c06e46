/**
 * `defineConfig`: the user's `dsim.config.ts`, found in the working directory the way vitest and playwright find
 * theirs (`dsim.config.ts`, `.mts`, `.js`, `.mjs`), or named with `--config <file>` on any command. Its scenarios
 * appear in `dsim list` beside the built-in ones and every command runs them as it runs built-ins; its models
 * (`defineModel`) are found by `dsim check-history --model <name>`.
 *
 * @example
 * // dsim.config.ts
 * import { defineConfig } from 'dsim';
 * import { paxos } from './scenarios/paxos.js';
 * export default defineConfig({ scenarios: [paxos], models: [myModel] });
 */
import type { Model } from '../properties/linearizability/model.js';
import { isModelName } from '../properties/linearizability/models/registry.js';
import { isModel } from '../properties/linearizability/user-model.js';
import type { Scenario } from '../scenarios/types.js';
import { CONFIG_BRAND, type DsimConfig } from '../scenarios/user/config-shape.js';
import { rejectIf } from './errors.js';

export type { DsimConfig } from '../scenarios/user/config-shape.js';

/** What a config file says. */
export interface ConfigSpec {
  /** The user's scenarios (`defineScenario` results); names must differ from each other and from the built-ins. */
  readonly scenarios?: readonly Scenario[];
  /** The user's models (`defineModel` results), for `dsim check-history --model <name>`; names must differ too. */
  readonly models?: readonly Model<unknown>[];
}

/** Defines a config: checks it at once and throws a `DsimInputError` naming the first mistake. */
export function defineConfig(spec: ConfigSpec): DsimConfig {
  const { scenarios = [], models = [] } = spec;
  rejectIf('defineConfig', Array.isArray(scenarios) ? undefined : 'scenarios is not an array; give defineConfig({ scenarios: [...] })');
  rejectIf('defineConfig', Array.isArray(models) ? undefined : 'models is not an array; give defineConfig({ models: [...] })');
  rejectIf('defineConfig', modelsProblem(models));
  return { [CONFIG_BRAND]: true, scenarios: [...scenarios], models: [...models] };
}

function modelsProblem(models: readonly unknown[]): string | undefined {
  const names = new Set<string>();
  for (let i = 0; i < models.length; i++) {
    const m = models[i];
    if (!isModel(m)) return `models[${i}] is not a model; make each one with defineModel({ ... })`;
    if (isModelName(m.name)) return `model "${m.name}" has the name of a built-in model; give it another name`;
    if (names.has(m.name)) return `two models are named "${m.name}"; names must differ`;
    names.add(m.name);
  }
  return undefined;
}
