/**
 * `defineConfig`: the user's `dsim.config.ts`, found in the working directory the way vitest and playwright find
 * theirs (`dsim.config.ts`, `.mts`, `.js`, `.mjs`), or named with `--config <file>` on any command. Its scenarios
 * appear in `dsim list` beside the built-in ones and every command runs them as it runs built-ins.
 *
 * @example
 * // dsim.config.ts
 * import { defineConfig } from 'dsim';
 * import { paxos } from './scenarios/paxos.js';
 * export default defineConfig({ scenarios: [paxos] });
 */
import type { Scenario } from '../scenarios/types.js';
import { CONFIG_BRAND, type DsimConfig } from '../scenarios/user/config-shape.js';
import { rejectIf } from './errors.js';

export type { DsimConfig } from '../scenarios/user/config-shape.js';

/** What a config file says. */
export interface ConfigSpec {
  /** The user's scenarios (`defineScenario` results); names must differ from each other and from the built-ins. */
  readonly scenarios: readonly Scenario[];
}

/** Defines a config: checks it at once and throws a `DsimInputError` naming the first mistake. */
export function defineConfig(spec: ConfigSpec): DsimConfig {
  rejectIf('defineConfig', Array.isArray(spec.scenarios) ? undefined : 'scenarios is not an array; give defineConfig({ scenarios: [...] })');
  return { [CONFIG_BRAND]: true, scenarios: [...spec.scenarios] };
}
