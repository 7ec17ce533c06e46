/**
 * The scenarios a command can run: the built-in ones and the user's, from `--config <file>` or from the
 * `dsim.config.*` found in the working directory, and the user's models of the same file (`defineConfig({ models })`).
 * A user's scenario named like a built-in one, or like another of theirs, is an input error.
 */
import { resolve } from 'node:path';
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { Model } from '../../properties/linearizability/model.js';
import { SCENARIOS } from '../index.js';
import type { Scenario } from '../types.js';
import { displayPath } from './import-file.js';
import { CONFIG_FILE_NAMES, findConfigFile, loadScenarioFile } from './load.js';
import { loadModelFile } from './models.js';

/** The scenarios of one command. */
export interface Catalog {
  /** The config file the user's scenarios came from (absolute), if any. */
  readonly configFile: string | undefined;
  /** The user's scenarios, in the config's order. */
  readonly user: readonly Scenario[];
  /** The user's models, in the config's order (names differ from each other and from the built-ins'). */
  readonly models: readonly Model<unknown>[];
  /** A scenario by name (the user's or a built-in), or undefined. */
  find(name: string): Scenario | undefined;
  /** Every name, sorted. */
  names(): string[];
  /** The error for a name that is not there: the names there are, and where the user's come from. */
  unknown(name: string): Failable<never>;
}

/** Options of `loadCatalog`. */
export interface CatalogOptions {
  /** `--config <file>`, as given (relative to `cwd`). */
  readonly config?: string | undefined;
  readonly cwd?: string;
}

/** Loads the user's config (given, or found in `cwd`) beside the built-in scenarios. */
export async function loadCatalog(opts: CatalogOptions = {}): Promise<Failable<Catalog>> {
  const cwd = opts.cwd ?? process.cwd();
  const file = opts.config === undefined ? findConfigFile(cwd) : resolve(cwd, opts.config);
  if (file === undefined) return succeed(catalogOf(undefined, []));
  const loaded = await loadScenarioFile(file);
  if (!loaded.ok) return loaded;
  const clash = loaded.value.find((s) => Object.hasOwn(SCENARIOS, s.name));
  if (clash !== undefined) {
    return fail({ source: displayPath(file, cwd), message: `scenario "${clash.name}" has the name of a built-in scenario; give it another name` });
  }
  const models = await loadModelFile(file);
  if (!models.ok) return models;
  return succeed(catalogOf(file, loaded.value, models.value));
}

/** A catalog of the built-ins and `user` (already checked for clashes). */
export function catalogOf(configFile: string | undefined, user: readonly Scenario[], models: readonly Model<unknown>[] = []): Catalog {
  const byName = new Map<string, Scenario>(Object.entries(SCENARIOS as Record<string, Scenario>));
  for (const s of user) byName.set(s.name, s);
  const names = () => [...byName.keys()].sort();
  return {
    configFile,
    user,
    models,
    find: (name) => byName.get(name),
    names,
    unknown: (name) => {
      const where =
        configFile === undefined
          ? ` (no ${CONFIG_FILE_NAMES[0]} here: your own scenarios are found in one, or with --config <file>)`
          : '';
      return fail({ source: 'scenario', message: `unknown scenario "${name}"; expected one of: ${names().join(', ')}${where}` });
    },
  };
}
