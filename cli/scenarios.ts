/**
 * The scenario a command names, and the scenario a schedule file was recorded from: built-in, or the user's own
 * from `--config <file>` or the working directory's `dsim.config.*`. A schedule file of a user's scenario names
 * its config; `--config` overrides it (a config that moved).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fail, succeed, type Failable } from '../execution/failable.js';
import { readScheduleFile, type ScheduleFile } from '../sim/schedule-file.js';
import type { Scenario } from '../scenarios/types.js';
import { loadCatalog, type Catalog } from '../scenarios/user/catalog.js';

/** The flag every command takes. */
export interface ConfigFlag {
  readonly config?: string | undefined;
}

/** The catalog of a command: the built-ins and the user's config. */
export function catalogFor(args: ConfigFlag): Promise<Failable<Catalog>> {
  return loadCatalog({ config: args.config });
}

/** The scenario `name` of the command's catalog. */
export async function scenarioNamed(args: ConfigFlag, name: string): Promise<Failable<Scenario>> {
  const catalog = await catalogFor(args);
  if (!catalog.ok) return catalog;
  const found = catalog.value.find(name);
  return found === undefined ? catalog.value.unknown(name) : succeed(found);
}

/** A schedule file read back with the scenario it was recorded from, and a warning when that scenario changed. */
export interface RecordedRun {
  readonly file: ScheduleFile;
  readonly scenario: Scenario;
  /** One line, when the scenario's definition hash differs from the file's. */
  readonly warning?: string;
}

/** Reads a schedule or repro file and finds its scenario (`source` names the file in errors). */
export async function recordedRun(text: string, source: string, args: ConfigFlag): Promise<Failable<RecordedRun>> {
  const read = readScheduleFile(text, source);
  if (!read.ok) return read;
  const f = read.value;
  let config = args.config;
  if (config === undefined && f.config !== undefined) {
    if (!existsSync(resolve(f.config))) {
      return fail({
        source,
        message: `scenario "${f.scenario}" comes from ${f.config}, which is not in ${process.cwd()}; run from the folder the file was written in, or pass --config <file>`,
      });
    }
    config = f.config;
  }
  const scenario = await scenarioNamed({ config }, f.scenario);
  if (!scenario.ok) return fail({ ...scenario.error, source: `${source}: ${scenario.error.source}` });
  const now = scenario.value.origin?.definitionHash;
  const changed = f.definitionHash !== undefined && now !== undefined && now !== f.definitionHash;
  const warning = changed
    ? `warning: scenario "${f.scenario}" has changed since ${source} was written (definition ${f.definitionHash!.slice(0, 12)}…, now ${now.slice(0, 12)}…): the replay may differ`
    : undefined;
  return succeed({ file: f, scenario: scenario.value, ...(warning === undefined ? {} : { warning }) });
}
