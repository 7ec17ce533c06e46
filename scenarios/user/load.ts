/**
 * Loading the user's scenarios from a file: a config (`export default defineConfig({ scenarios })`) or a module
 * that exports scenarios (`export const paxos = defineScenario({ …, module: import.meta.url })`). Each scenario
 * loaded is given the file as its origin, which a fuzz worker imports to find it again by name and a repro file
 * names so that `dsim replay` finds it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fail, succeed, type Failable } from '../../execution/failable.js';
import { definitionHash, fileText } from '../origin.js';
import type { Scenario } from '../types.js';
import { isConfig, isScenario } from './config-shape.js';
import { displayPath, importUserFile } from './import-file.js';

/** Config file names looked for in the working directory, in this order (as vitest and playwright do). */
export const CONFIG_FILE_NAMES = ['dsim.config.ts', 'dsim.config.mts', 'dsim.config.js', 'dsim.config.mjs'] as const;

/** The config file in `cwd`, if there is one. */
export function findConfigFile(cwd: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => join(cwd, name)).find((path) => existsSync(path));
}

/**
 * Imports `file` and answers the scenarios it holds, each with the file as its origin: the default export's (a
 * config, a scenario or an array of them) and every exported scenario, each once.
 */
export async function loadScenarioFile(file: string): Promise<Failable<Scenario[]>> {
  const shown = displayPath(file);
  const imported = await importUserFile(file);
  if (!imported.ok) return imported;
  const found = scenariosOf(imported.value, shown);
  if (!found.ok) return found;
  const names = new Set<string>();
  for (const s of found.value) {
    if (names.has(s.name)) return fail({ source: shown, message: `two scenarios are named "${s.name}"; names must differ` });
    names.add(s.name);
  }
  return succeed(found.value.map((s) => withOrigin(s, file)));
}

const HOW = 'write export default defineConfig({ scenarios: [...] })';

function scenariosOf(namespace: Record<string, unknown>, shown: string): Failable<Scenario[]> {
  const out: Scenario[] = [];
  const main = namespace['default'];
  if (isConfig(main)) {
    const scenarios = main.scenarios ?? [];
    const bad = scenarios.findIndex((s) => !isScenario(s));
    if (bad >= 0) return fail({ source: shown, message: `scenarios[${bad}] of the config is not a scenario; make each one with defineScenario({ ... })` });
    out.push(...(scenarios as Scenario[]));
  }
  for (const key of Object.keys(namespace).sort()) {
    const value = namespace[key];
    if (isScenario(value)) out.push(value);
    else if (Array.isArray(value)) out.push(...value.filter(isScenario));
  }
  const unique = out.filter((s, i) => out.findIndex((t) => t.name === s.name && t.build === s.build) === i);
  if (unique.length > 0 || isConfig(main)) return succeed(unique); // a config may hold models only
  if (main === undefined) return fail({ source: shown, message: `the file exports no scenarios; ${HOW}` });
  return fail({ source: shown, message: `the default export is neither a config nor a scenario; ${HOW}` });
}

/**
 * The scenario with `file` as its origin. Its hash covers the file's text too when its own module is not known
 * (a scenario defined in the config itself, or made without defineScenario).
 */
function withOrigin(s: Scenario, file: string): Scenario {
  if (s.origin?.file !== undefined) return { ...s, origin: { file, definitionHash: s.origin.definitionHash } };
  const parts = { name: s.name, description: s.description, nodes: [s.nodesDefault, s.nodesMin, s.nodesMax ?? null] as const, bugs: s.bugs, properties: s.properties, limits: null, variants: {} };
  const definitionHashOf = definitionHash({ ...parts, moduleText: `${s.origin?.definitionHash ?? ''}\n${fileText(file) ?? ''}` });
  return { ...s, origin: { file, definitionHash: definitionHashOf } };
}
