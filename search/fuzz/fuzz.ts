/**
 * `dsim fuzz` as a library function: run a campaign over a seed range (or a shard of it, or for a time budget) on
 * worker threads, summarise it, and write a repro for the first seed of every distinct failure. The `--out` folder
 * is checked and locked before any seed runs; what is written, and in what order, is search/fuzz/save-failures.ts.
 */
import { availableParallelism } from 'node:os';
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { Scenario } from '../../scenarios/types.js';
import type { ShrinkOptions } from '../shrink/shrink.js';
import { runCampaign, type StopReason } from './campaign.js';
import { jobOf } from './job-scenario.js';
import { checkOutputPath } from '../../formats/output-path.js';
import { lockOutDir } from './out-lock.js';
import type { SeedOutcome } from './protocol.js';
import type { Repro } from './repro.js';
import { saveFailures } from './save-failures.js';
import { writeSummaryFile } from './summary-file.js';
import { campaignRange, shardRange, type SeedRange, type Shard } from './seeds.js';
import { summarize, type CampaignSummary } from './summary.js';
import { setUpStrategy, type StrategySetup } from './strategy-setup.js';
import type { ExplorationReport } from '../strategies/exploration.js';
import { RANDOM, type StrategyConfig } from '../strategies/types.js';


export interface FuzzOptions {
  /** The scenario: a built-in, or a user's scenario whose origin file a worker can import (search/fuzz/job-scenario.ts). */
  readonly scenario: Scenario;
  readonly bug?: string | undefined;
  readonly nodes?: number | undefined;
  readonly eventsMax?: number | undefined;
  readonly swarm?: boolean;
  /** Seeds in the campaign; without it the campaign runs until `timeBudgetMs` (or is interrupted). */
  readonly seeds?: number | undefined;
  readonly seedStart: number;
  readonly timeBudgetMs?: number | undefined;
  /** Worker threads (default: every core). */
  readonly workers?: number | undefined;
  readonly shard?: Shard | undefined;
  /** Where repro files go; none are written without it. */
  readonly outDir?: string | undefined;
  readonly reprosMax?: number | undefined;
  /** Bounds of each repro's shrink (runs; an opt-in wall-clock safety net), or `false` to write repros unshrunk. */
  readonly shrink?: ShrinkOptions | false | undefined;
  /** Aborting stops handing out seeds; the failures found are still written and shrunk (a first Ctrl-C). */
  readonly signal?: AbortSignal;
  /**
   * Aborting stops at once (SIGTERM, SIGHUP, a second Ctrl-C): no more seeds, and any shrink under way stops,
   * keeping its best run so far. The summary and every repro found are still written, the summary last.
   */
  readonly halt?: AbortSignal;
  readonly onProgress?: (progress: FuzzProgress) => void;
  /** Called with a line worth telling the user (a stale lock of the `--out` folder taken over). */
  readonly onNote?: (line: string) => void;
  /** How runs are steered (default `random`). */
  readonly strategy?: StrategyConfig | undefined;
}

export interface FuzzProgress {
  readonly seedsDone: number;
  readonly seedsTotal: number | undefined;
  readonly failures: number;
}

export interface FuzzResult {
  readonly scenario: string;
  readonly bug: string | undefined;
  /** Fault mixes were drawn from each seed. */
  readonly swarm: boolean;
  /** The seeds this campaign (or shard) was asked to run. */
  readonly range: SeedRange;
  readonly shard: Shard | undefined;
  readonly workers: number;
  readonly elapsedMs: number;
  readonly seedsPerSecond: number;
  readonly stopReason: StopReason;
  readonly summary: CampaignSummary;
  readonly repros: readonly Repro[];
  readonly strategy: StrategyConfig;
  /** What the campaign explored: coverage curve, abstract states, shapes, faults that fired. */
  readonly explored: ExplorationReport;
}

/** Runs a fuzz campaign. Input errors (unknown scenario or bug, bad counts) come back before any worker starts. */
export async function fuzz(opts: FuzzOptions): Promise<Failable<FuzzResult>> {
  const scenario = opts.scenario;
  if (opts.bug !== undefined && !Object.hasOwn(scenario.bugs, opts.bug)) {
    const bugs = Object.keys(scenario.bugs);
    return fail({ source: '--bug', message: `scenario ${scenario.name} has no bug "${opts.bug}"; expected one of: ${bugs.join(', ') || '(none)'}` });
  }
  if (opts.seeds === undefined && opts.timeBudgetMs === undefined) {
    return fail({ source: 'fuzz', message: 'give a number of seeds (--seeds N) or a time budget (--time-budget 60s)' });
  }
  const whole = campaignRange(opts.seedStart, opts.seeds);
  if (!whole.ok) return whole;
  const range = opts.shard === undefined ? whole.value : shardRange(whole.value, opts.shard);
  const workers = opts.workers ?? availableParallelism();
  const made = jobOf(scenario, { bug: opts.bug, nodes: opts.nodes, eventsMax: opts.eventsMax, swarm: opts.swarm ?? false });
  if (!made.ok) return made;
  // PCT's events estimate comes from the whole campaign's first seed, so every shard steers its runs alike.
  const setup = setUpStrategy(scenario, made.value, opts.strategy, whole.value.start);
  if (!setup.ok) return setup;
  const outDir = opts.outDir;
  if (outDir === undefined) return run(opts, setup.value, range, workers, undefined);
  const checked = checkOutputPath(outDir, '--out', 'folder');
  if (!checked.ok) return checked;
  const lock = lockOutDir(outDir);
  if (!lock.ok) return lock;
  if (lock.value.note !== undefined) opts.onNote?.(lock.value.note);
  try {
    return await run(opts, setup.value, range, workers, outDir);
  } finally {
    lock.value.release();
  }
}

async function run(opts: FuzzOptions, setup: StrategySetup, range: SeedRange, workers: number, outDir: string | undefined): Promise<Failable<FuzzResult>> {
  const job = setup.job;
  const stops = [opts.signal, opts.halt].filter((s): s is AbortSignal => s !== undefined);
  const startedMs = Date.now();
  let failures = 0;
  const campaign = await runCampaign({
    job,
    range,
    workers,
    ...(opts.timeBudgetMs === undefined ? {} : { deadlineMs: startedMs + opts.timeBudgetMs }),
    ...(stops.length === 0 ? {} : { signal: AbortSignal.any(stops) }),
    ...(setup.generations === undefined ? {} : { generations: setup.generations }),
    onOrdered: (o) => setup.exploration.absorb(o.explored!),
    onBatch: (outcomes: readonly SeedOutcome[], seedsDone: number) => {
      failures += outcomes.filter((o) => o.violations.length > 0).length;
      opts.onProgress?.({ seedsDone, seedsTotal: opts.seeds === undefined ? undefined : range.count, failures });
    },
  });
  if (!campaign.ok) return campaign;
  const elapsedMs = Math.max(1, Date.now() - startedMs);
  const summary = summarize(campaign.value.outcomes);
  const result: FuzzResult = {
    scenario: opts.scenario.name,
    bug: opts.bug,
    swarm: job.swarm,
    range,
    shard: opts.shard,
    workers,
    elapsedMs,
    seedsPerSecond: (summary.seedsRun * 1000) / elapsedMs,
    stopReason: campaign.value.stopReason,
    summary,
    repros: [],
    strategy: job.strategy ?? RANDOM,
    explored: setup.exploration.report(),
  };
  if (outDir === undefined) return succeed(result);
  const saved = await saveFailures({
    scenario: opts.scenario,
    job,
    summary,
    outDir,
    reprosMax: opts.reprosMax,
    shrink: opts.shrink,
    workers,
    halt: opts.halt,
    writeSummary: (repros) => writeSummaryFile(outDir, { ...result, repros }),
  });
  return saved.ok ? succeed({ ...result, repros: saved.value }) : saved;
}
