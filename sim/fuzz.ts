/** Sequential fuzzing over consecutive seeds, and the scenario listing. */
import { fail, succeed, type Failable } from '../execution/failable.js';
import { SCENARIOS } from '../scenarios/index.js';
import type { Scenario } from '../scenarios/types.js';
import { runScenario, type RunReport } from './run.js';

/** Options of a fuzz campaign: seeds `seedStart, seedStart + 1, ...` (modulo 2^32). */
export interface FuzzOptions {
  readonly seeds: number;
  readonly seedStart: number;
  readonly bug?: string | undefined;
  readonly nodes?: number | undefined;
  readonly eventsMax?: number | undefined;
  /** Stop after this many failing seeds (default: run every seed). */
  readonly failingSeedsMax?: number | undefined;
}

/** A failing seed: a violated property (or `protocol-error`) and its message. */
export interface FuzzFailure {
  readonly seed: number;
  readonly property: string;
  readonly message: string;
}

export interface FuzzReport {
  /** Seeds run (fewer than asked when `failingSeedsMax` stopped the campaign). */
  readonly runs: number;
  readonly failures: readonly FuzzFailure[];
  /** Failing seeds, each once, in order. */
  readonly failingSeeds: readonly number[];
  /** Properties seeds could not decide (a limit stopped the run or a search first), in seed order. */
  readonly undecided: readonly FuzzFailure[];
  readonly eventsTotal: number;
  /** The first failing run, whole (execution, schedule, ...), to replay or explain. */
  readonly firstFailure?: RunReport;
}

/** Runs `seeds` runs of a scenario (registered name or value) one after another and collects every violation. */
export function fuzzSequential(target: string | Scenario, opts: FuzzOptions): Failable<FuzzReport> {
  if (!Number.isInteger(opts.seeds) || opts.seeds < 0) {
    return fail({ source: 'seeds', message: `seeds is ${opts.seeds}; expected an integer ≥ 0` });
  }
  if (!Number.isInteger(opts.seedStart) || opts.seedStart < 0 || opts.seedStart > 0xffffffff) {
    return fail({ source: 'seedStart', message: `seedStart is ${opts.seedStart}; expected an unsigned 32-bit integer` });
  }
  const failingSeedsMax = opts.failingSeedsMax ?? Infinity;
  const failures: FuzzFailure[] = [];
  const failingSeeds: number[] = [];
  const undecided: FuzzFailure[] = [];
  let eventsTotal = 0;
  let runs = 0;
  let firstFailure: RunReport | undefined;
  for (let i = 0; i < opts.seeds && failingSeeds.length < failingSeedsMax; i++) {
    const seed = (opts.seedStart + i) >>> 0;
    const run = runScenario(target, { seed, bug: opts.bug, nodes: opts.nodes, eventsMax: opts.eventsMax });
    if (!run.ok) return run;
    const r = run.value;
    runs++;
    eventsTotal += r.events;
    for (const u of r.undecided) undecided.push({ seed, property: u.property, message: u.message });
    if (r.ok) continue;
    for (const v of r.violations) failures.push({ seed, property: v.property, message: v.message });
    if (r.protocolError !== undefined) failures.push({ seed, property: 'protocol-error', message: r.protocolError });
    failingSeeds.push(seed);
    firstFailure ??= r;
  }
  return succeed({ runs, failures, failingSeeds, undecided, eventsTotal, ...(firstFailure === undefined ? {} : { firstFailure }) });
}

/** A scenario as `list` shows it. */
export interface ScenarioInfo {
  readonly name: string;
  readonly protocol: string;
  readonly description: string;
  readonly nodesDefault: number;
  readonly nodesMin: number;
  readonly bugs: readonly string[];
  readonly bugDescriptions: Readonly<Record<string, string>>;
  readonly properties: readonly string[];
  /** The file a user's scenario comes from (absolute); absent for a built-in. */
  readonly file?: string;
}

/** Every built-in scenario (or every one of `scenarios`), sorted by name. */
export function listScenarios(scenarios: readonly Scenario[] = Object.values(SCENARIOS as Record<string, Scenario>)): ScenarioInfo[] {
  return scenarios
    .map((s) => ({
      name: s.name,
      protocol: s.protocol,
      description: s.description,
      nodesDefault: s.nodesDefault,
      nodesMin: s.nodesMin,
      bugs: Object.keys(s.bugs),
      bugDescriptions: s.bugs,
      properties: s.properties,
      ...(s.origin?.file === undefined ? {} : { file: s.origin.file }),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
