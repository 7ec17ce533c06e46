/**
 * What the library's `fuzz` answers: every failure of every seed, and for each distinct one a shrunk run (the CLI's
 * shrinker), its repro file and the shell command that replays it.
 */
import { relative, sep } from 'node:path';
import { writeRepro, type ShrinkStats } from '../search/fuzz/repro.js';
import { reproduceFailures, type FoundFailure } from '../search/fuzz/reproduce.js';
import type { ExplorationReport } from '../search/strategies/exploration.js';
import { expandSchedule } from '../search/strategies/mutate.js';
import { RANDOM, type StrategyConfig } from '../search/strategies/types.js';
import type { CampaignJob, SeedOutcome } from '../search/fuzz/protocol.js';
import { summarize } from '../search/fuzz/summary.js';
import type { Scenario } from '../scenarios/types.js';
import { runScenario } from '../sim/run.js';
import { succeed } from '../execution/failable.js';
import { valueOrThrow } from './errors.js';
import type { FuzzSettings } from './fuzz-options.js';
import { toRunResult, type RunResult } from './run.js';

/** A failing seed: a violated property (or `protocol-error`) and its message. */
export interface FuzzFailure {
  readonly seed: number;
  readonly property: string;
  readonly message: string;
}

/** A distinct failure, reproduced: shrunk (unless `shrink: false`), written, and how to replay it. */
export interface FuzzRepro<B extends string = string> {
  readonly seed: number;
  readonly property: string;
  /** The message of the run to replay (the shrunk run's). */
  readonly message: string;
  /** Before/after figures of the shrink; null when not shrunk. */
  readonly shrunk: ShrinkStats | null;
  /** `predicted`: only another interleaving with the same causality violates it (see docs/shrinking.md). */
  readonly origin: 'observed' | 'predicted';
  /** The repro file (relative to the working directory), when one was written. */
  readonly path?: string;
  /**
   * How to replay it: `npx dsim replay <file>` when the scenario can be loaded from the shell (its config or
   * module is known), otherwise the library call and what to add so that the shell can.
   */
  readonly replay: string;
  /** The run to replay, whole: `replay(scenario, repro.run)` reruns it in a test. */
  readonly run: RunResult<B>;
}

/** What a fuzz campaign found. `firstFailure` is the complete result of the first failing seed, for replay. */
export interface FuzzResult<B extends string = string> {
  readonly scenario: string;
  /** The names of the scenario's properties, in order. */
  readonly properties: readonly string[];
  readonly bug: B | undefined;
  /** The first seed and the seeds asked for (after `DSIM_SEED_START` / `DSIM_SEEDS`). */
  readonly seedStart: number;
  readonly seeds: number;
  /** Seeds actually run (fewer than asked when `failingSeedsMax` stopped the campaign). */
  readonly runs: number;
  /** Worker threads the seeds ran on (1: this thread). */
  readonly workers: number;
  /** True when no seed failed. */
  readonly ok: boolean;
  /** Every violated property (or `protocol-error`) of every failing seed, in seed order. */
  readonly failures: readonly FuzzFailure[];
  /** Failing seeds, each once, in order. */
  readonly failingSeeds: readonly number[];
  /** Properties seeds could not decide (`unknown`: a limit stopped the run or a search first), in seed order. */
  readonly undecided: readonly FuzzFailure[];
  readonly eventsTotal: number;
  readonly firstFailure?: RunResult<B>;
  /** One per distinct failure (first seed first, at most `reprosMax`), shrunk. */
  readonly repros: readonly FuzzRepro<B>[];
  /** How runs were chosen. */
  readonly strategy: StrategyConfig;
  /** What the campaign explored: abstract states, coverage keys, run shapes, the coverage curve, faults that fired. */
  readonly explored: ExplorationReport;
}

/** The result of a campaign from its outcomes (in seed order): failures listed, distinct ones reproduced. */
export function fuzzResultOf<B extends string>(
  scenario: Scenario,
  job: CampaignJob,
  settings: FuzzSettings,
  outcomes: readonly SeedOutcome[],
  workers: number,
  explored: ExplorationReport,
): FuzzResult<B> {
  const bug = job.bug as B | undefined;
  const failures: FuzzFailure[] = [];
  const undecided: FuzzFailure[] = [];
  const failingSeeds: number[] = [];
  let eventsTotal = 0;
  for (const o of outcomes) {
    eventsTotal += o.events;
    for (const u of o.undecided) undecided.push({ seed: o.seed, ...u });
    for (const v of o.violations) failures.push({ seed: o.seed, property: v.property, message: v.message });
    if (o.violations.length > 0) failingSeeds.push(o.seed);
  }
  const repros: FuzzRepro<B>[] = [];
  const dir = settings.outDir;
  valueOrThrow(
    reproduceFailures(scenario, job, summarize(outcomes), {
      reprosMax: settings.reprosMax,
      shrink: settings.shrink,
      onFound: (found) => {
        const written = dir === undefined ? undefined : writeRepro(dir, found.report, found, found.shrunk, found.origin);
        if (written !== undefined && !written.ok) return written;
        repros.push(reproOf(found, bug, scenario, written?.value.path));
        return succeed(undefined);
      },
    }),
  );
  const first = failingSeeds[0];
  // A run a strategy steered comes back from its schedule; a random one from its seed.
  const choices = outcomes.find((o) => o.seed === first)?.choices;
  const schedule = choices === undefined ? undefined : expandSchedule(choices);
  const firstRun =
    first === undefined ? undefined : valueOrThrow(runScenario(scenario, { seed: first, bug, nodes: job.nodes, eventsMax: job.eventsMax, swarm: job.swarm, schedule }));
  return {
    scenario: scenario.name,
    properties: scenario.properties,
    bug,
    seedStart: settings.seedStart,
    seeds: settings.seeds,
    runs: outcomes.length,
    workers,
    ok: failingSeeds.length === 0,
    failures,
    failingSeeds,
    undecided,
    eventsTotal,
    ...(firstRun === undefined ? {} : { firstFailure: toRunResult(firstRun, bug) }),
    repros,
    strategy: job.strategy ?? RANDOM,
    explored,
  };
}

function reproOf<B extends string>(found: FoundFailure, bug: B | undefined, scenario: Scenario, file: string | undefined): FuzzRepro<B> {
  const path = file === undefined ? undefined : portable(relative(process.cwd(), file));
  const shell = path !== undefined && scenario.origin?.file !== undefined;
  const replay = shell
    ? `npx dsim replay ${path}`
    : path === undefined
      ? 'replay(scenario, repro.run) in a test (set outDir to write a repro file)'
      : `replay(scenario, repro.run) in a test; to replay ${path} from the shell, give defineScenario module: import.meta.url (in a module of its own) or list the scenario in dsim.config.ts`;
  return {
    seed: found.seed,
    property: found.property,
    message: found.message,
    shrunk: found.shrunk,
    origin: found.origin,
    ...(path === undefined ? {} : { path }),
    replay,
    run: toRunResult(found.report, bug),
  };
}

function portable(path: string): string {
  return path.split(sep).join('/');
}
