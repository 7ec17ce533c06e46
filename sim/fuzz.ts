/** Sequential fuzzing over consecutive seeds, and the scenario listing. */
import { fail, succeed, type Failable } from '../execution/failable.js';
import { SCENARIOS } from '../scenarios/index.js';
import type { Scenario } from '../scenarios/types.js';
import { runScenario } from './run.js';

/** Options of a fuzz campaign: seeds `seedStart, seedStart + 1, ...` (modulo 2^32). */
export interface FuzzOptions {
  readonly seeds: number;
  readonly seedStart: number;
  readonly bug?: string | undefined;
  readonly nodes?: number | undefined;
  readonly eventsMax?: number | undefined;
}

/** A failing seed: a violated property (or `protocol-error`) and its message. */
export interface FuzzFailure {
  readonly seed: number;
  readonly property: string;
  readonly message: string;
}

export interface FuzzReport {
  readonly runs: number;
  readonly failures: readonly FuzzFailure[];
  /** Failing seeds, each once, in order. */
  readonly failingSeeds: readonly number[];
  readonly eventsTotal: number;
}

/** Runs `seeds` runs of a scenario one after another and collects every violation. */
export function fuzzSequential(name: string, opts: FuzzOptions): Failable<FuzzReport> {
  if (!Number.isInteger(opts.seeds) || opts.seeds < 0) {
    return fail({ source: 'seeds', message: `${opts.seeds} is not a number of seeds; expected an integer ≥ 0` });
  }
  const failures: FuzzFailure[] = [];
  const failingSeeds: number[] = [];
  let eventsTotal = 0;
  for (let i = 0; i < opts.seeds; i++) {
    const seed = (opts.seedStart + i) >>> 0;
    const run = runScenario(name, { seed, bug: opts.bug, nodes: opts.nodes, eventsMax: opts.eventsMax });
    if (!run.ok) return run;
    const r = run.value;
    eventsTotal += r.events;
    for (const v of r.violations) failures.push({ seed, property: v.property, message: v.message });
    if (r.protocolError !== undefined) failures.push({ seed, property: 'protocol-error', message: r.protocolError });
    if (!r.ok) failingSeeds.push(seed);
  }
  return succeed({ runs: opts.seeds, failures, failingSeeds, eventsTotal });
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
}

/** Every registered scenario, sorted by name. */
export function listScenarios(): ScenarioInfo[] {
  return Object.values(SCENARIOS as Record<string, Scenario>)
    .map((s) => ({
      name: s.name,
      protocol: s.protocol,
      description: s.description,
      nodesDefault: s.nodesDefault,
      nodesMin: s.nodesMin,
      bugs: Object.keys(s.bugs),
      bugDescriptions: s.bugs,
      properties: s.properties,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
