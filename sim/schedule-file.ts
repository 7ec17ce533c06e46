/**
 * The schedule file: everything needed to replay a run without its seed.
 *
 * ```json
 * { "format": "dsim-schedule", "version": 1, "dsimVersion": "0.1.0", "scenario": "ping-pong", "bug": null,
 *   "seed": 7, "nodes": 3, "maxEvents": 100000, "timeTicksMax": 2300,
 *   "choices": [["delay", 3], ["drop", 0], ["choose:retry-ticks", 12]],
 *   "traceHash": "9f2c…" }
 * ```
 * `choices` are `[kind, value]` pairs in the order the run made them (see sim/chooser.ts for kinds and defaults).
 * `seed` is informational on replay; the choices decide. A user's scenario adds `"config"` (the file its scenario
 * loads from, relative to the folder the schedule was written in) and `"definitionHash"`.
 */
import { relative, sep } from 'node:path';
import { fail, succeed, type Failable } from '../execution/failable.js';
import type { ScenarioOrigin } from '../scenarios/types.js';
import { jsonError } from './json-error.js';
import { SCHEDULE_CHOICES_MAX } from './limits.js';
import type { Choice } from './outcome.js';
import { DSIM_VERSION } from './version.js';

export interface ScheduleFile {
  readonly format: 'dsim-schedule';
  readonly version: 1;
  readonly dsimVersion: string;
  readonly scenario: string;
  readonly bug: string | null;
  readonly seed: number;
  readonly nodes: number;
  readonly maxEvents: number;
  readonly timeTicksMax: number;
  /** The fault mix was drawn from the seed (absent in older files: false). */
  readonly swarm: boolean;
  readonly choices: readonly Choice[];
  readonly traceHash: string;
  /** Scripted faults of the scenario left out of the run (indices); absent in files that skip none. */
  readonly scriptedFaultsSkipped?: readonly number[];
  /** A user's scenario: the file it loads from, relative to the folder the schedule was written in. */
  readonly config?: string;
  /** A user's scenario: its definition hash when the schedule was written (scenarios/origin.ts). */
  readonly definitionHash?: string;
}

/** What a schedule file is written from. */
export interface ScheduleSource {
  readonly scenario: string;
  readonly bug: string | undefined;
  readonly seed: number;
  readonly nodes: number;
  readonly eventsMax: number;
  readonly timeTicksMax: number;
  readonly swarm?: boolean;
  readonly schedule: readonly Choice[];
  readonly traceHash: string;
  readonly scriptedFaultsSkipped?: readonly number[] | undefined;
  /** The scenario, for a user's scenario's origin. */
  readonly definition?: { readonly origin?: ScenarioOrigin | undefined };
}

/** The `config` and `definitionHash` fields of a user's scenario's schedule (none for a built-in). */
function originFields(origin: ScenarioOrigin | undefined): Record<string, string> {
  if (origin === undefined) return {};
  const file = origin.file === undefined ? undefined : relative(process.cwd(), origin.file).split(sep).join('/');
  return { ...(file === undefined ? {} : { config: file }), definitionHash: origin.definitionHash };
}

/**
 * Writes a schedule file: header fields first, then `extra` fields (a repro's property and message, say; readers
 * ignore fields they do not know), then one choice per line.
 */
export function scheduleToJson(run: ScheduleSource, extra: Readonly<Record<string, unknown>> = {}): string {
  const header = {
    format: 'dsim-schedule',
    version: 1,
    dsimVersion: DSIM_VERSION,
    scenario: run.scenario,
    ...originFields(run.definition?.origin),
    bug: run.bug ?? null,
    seed: run.seed,
    nodes: run.nodes,
    maxEvents: run.eventsMax,
    timeTicksMax: run.timeTicksMax,
    swarm: run.swarm === true,
    traceHash: run.traceHash,
    ...(run.scriptedFaultsSkipped === undefined || run.scriptedFaultsSkipped.length === 0
      ? {}
      : { scriptedFaultsSkipped: run.scriptedFaultsSkipped }),
    ...extra,
  };
  const lines = Object.entries(header).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const choices = run.schedule.map((c) => `    ${JSON.stringify([c.kind, c.value])}`).join(',\n');
  return `{\n${lines.join('\n')}\n  "choices": [${choices === '' ? '' : `\n${choices}\n  `}]\n}\n`;
}

/** Reads a schedule file (of at most `choicesMax` choices); the error names what is wrong and where. */
export function readScheduleFile(text: string, source: string, choicesMax = SCHEDULE_CHOICES_MAX): Failable<ScheduleFile> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(jsonError(text, e, source));
  }
  const bad = (message: string): Failable<ScheduleFile> => fail({ source, message });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return bad('expected a JSON object');
  const o = data as Record<string, unknown>;
  if (o['format'] !== 'dsim-schedule') return bad(`"format" is ${JSON.stringify(o['format'])}; expected "dsim-schedule"`);
  if (o['version'] !== 1) return bad(`"version" is ${JSON.stringify(o['version'])}; this dsim reads version 1`);
  for (const k of ['dsimVersion', 'scenario', 'traceHash'] as const) {
    if (typeof o[k] !== 'string') return bad(`"${k}" is ${JSON.stringify(o[k])}; expected a string`);
  }
  if (o['bug'] !== null && typeof o['bug'] !== 'string') return bad(`"bug" is ${JSON.stringify(o['bug'])}; expected a string or null`);
  const seed = o['seed'];
  if (!Number.isInteger(seed) || (seed as number) < 0 || (seed as number) > 0xffffffff) {
    return bad(`"seed" is ${JSON.stringify(seed)}; expected an unsigned 32-bit integer`);
  }
  for (const k of ['nodes', 'maxEvents', 'timeTicksMax'] as const) {
    if (!Number.isInteger(o[k]) || (o[k] as number) < 0) return bad(`"${k}" is ${JSON.stringify(o[k])}; expected a non-negative integer`);
  }
  if (o['swarm'] !== undefined && typeof o['swarm'] !== 'boolean') return bad(`"swarm" is ${JSON.stringify(o['swarm'])}; expected true or false`);
  const skipped = o['scriptedFaultsSkipped'];
  if (skipped !== undefined && (!Array.isArray(skipped) || !skipped.every((i) => Number.isInteger(i) && (i as number) >= 0))) {
    return bad(`"scriptedFaultsSkipped" is ${JSON.stringify(skipped)}; expected an array of scripted-fault indices (integers ≥ 0)`);
  }
  for (const k of ['config', 'definitionHash'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'string') return bad(`"${k}" is ${JSON.stringify(o[k])}; expected a string`);
  }
  if (!Array.isArray(o['choices'])) return bad(`"choices" is missing or not an array`);
  if (o['choices'].length > choicesMax) {
    return bad(`"choices" has ${o['choices'].length} entries, more than the limit SCHEDULE_CHOICES_MAX (${choicesMax})`);
  }
  const choices: Choice[] = [];
  for (const [i, c] of (o['choices'] as unknown[]).entries()) {
    if (!Array.isArray(c) || c.length !== 2 || typeof c[0] !== 'string' || !Number.isInteger(c[1])) {
      return bad(`choices[${i}] is ${JSON.stringify(c)}; expected a pair [kind, integer value] such as ["delay", 3]`);
    }
    choices.push({ kind: c[0], value: c[1] as number });
  }
  return succeed({
    format: 'dsim-schedule',
    version: 1,
    dsimVersion: o['dsimVersion'] as string,
    scenario: o['scenario'] as string,
    bug: o['bug'] as string | null,
    seed: seed as number,
    nodes: o['nodes'] as number,
    maxEvents: o['maxEvents'] as number,
    timeTicksMax: o['timeTicksMax'] as number,
    swarm: o['swarm'] === true,
    choices,
    traceHash: o['traceHash'] as string,
    ...(skipped === undefined ? {} : { scriptedFaultsSkipped: skipped as number[] }),
    ...(typeof o['config'] === 'string' ? { config: o['config'] } : {}),
    ...(typeof o['definitionHash'] === 'string' ? { definitionHash: o['definitionHash'] } : {}),
  });
}
