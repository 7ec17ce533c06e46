/**
 * `dsim fuzz` as a library function: run a campaign over a seed range (or a shard of it, or for a time budget) on
 * worker threads, summarise it, and write a repro for the first seed of every distinct failure.
 */
import { availableParallelism } from 'node:os';
import { fail, succeed, type Failable } from '../execution/failable.js';
import { findScenario, scenarioNames } from '../scenarios/index.js';
import { classifyProperty } from '../predict/classify.js';
import { shrinkFailure, SHRINK_TIME_BUDGET_MS_DEFAULT } from '../shrink/shrink.js';
import { runScenario } from '../sim/run.js';
import { runCampaign, type StopReason } from './campaign.js';
import type { CampaignJob, SeedOutcome } from './protocol.js';
import { writeRepro, type Repro } from './repro.js';
import { writeSummaryFile } from './summary-file.js';
import { shardRange, type SeedRange, type Shard } from './seeds.js';
import { summarize, type CampaignSummary } from './summary.js';

/** Repro files written per campaign at most (one per distinct failure, first seed first). */
export const REPROS_MAX_DEFAULT = 10;

export interface FuzzOptions {
  readonly scenario: string;
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
  readonly reprosMax?: number;
  /** Wall-clock budget to shrink each repro in, in ms (default 30 s; 0: write repros unshrunk). */
  readonly shrinkTimeBudgetMs?: number | undefined;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: FuzzProgress) => void;
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
}

/** Runs a fuzz campaign. Input errors (unknown scenario or bug, bad counts) come back before any worker starts. */
export async function fuzz(opts: FuzzOptions): Promise<Failable<FuzzResult>> {
  const scenario = findScenario(opts.scenario);
  if (scenario === undefined) {
    return fail({ source: 'scenario', message: `unknown scenario "${opts.scenario}"; expected one of: ${scenarioNames().join(', ')}` });
  }
  if (opts.bug !== undefined && !Object.hasOwn(scenario.bugs, opts.bug)) {
    const bugs = Object.keys(scenario.bugs);
    return fail({ source: '--bug', message: `scenario ${opts.scenario} has no bug "${opts.bug}"; expected one of: ${bugs.join(', ') || '(none)'}` });
  }
  if (opts.seeds === undefined && opts.timeBudgetMs === undefined) {
    return fail({ source: 'fuzz', message: 'give a number of seeds (--seeds N) or a time budget (--time-budget 60s)' });
  }
  const whole: SeedRange = { start: opts.seedStart, count: opts.seeds ?? 2 ** 32 };
  const range = opts.shard === undefined ? whole : shardRange(whole, opts.shard);
  const workers = opts.workers ?? availableParallelism();
  const job: CampaignJob = {
    scenario: opts.scenario,
    bug: opts.bug,
    nodes: opts.nodes,
    eventsMax: opts.eventsMax,
    swarm: opts.swarm ?? false,
  };
  const startedMs = Date.now();
  let failures = 0;
  const campaign = await runCampaign({
    job,
    range,
    workers,
    ...(opts.timeBudgetMs === undefined ? {} : { deadlineMs: startedMs + opts.timeBudgetMs }),
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    onBatch: (outcomes: readonly SeedOutcome[], seedsDone: number) => {
      failures += outcomes.filter((o) => o.violations.length > 0).length;
      opts.onProgress?.({ seedsDone, seedsTotal: opts.seeds === undefined ? undefined : range.count, failures });
    },
  });
  if (!campaign.ok) return campaign;
  const elapsedMs = Math.max(1, Date.now() - startedMs);
  const summary = summarize(campaign.value.outcomes);
  const shrinkMs = opts.shrinkTimeBudgetMs ?? SHRINK_TIME_BUDGET_MS_DEFAULT;
  const repros =
    opts.outDir === undefined ? succeed<Repro[]>([]) : writeRepros(opts.outDir, job, summary, opts.reprosMax ?? REPROS_MAX_DEFAULT, shrinkMs);
  if (!repros.ok) return repros;
  const result: FuzzResult = {
    scenario: opts.scenario,
    bug: opts.bug,
    swarm: job.swarm,
    range,
    shard: opts.shard,
    workers,
    elapsedMs,
    seedsPerSecond: (summary.seedsRun * 1000) / elapsedMs,
    stopReason: campaign.value.stopReason,
    summary,
    repros: repros.value,
  };
  if (opts.outDir !== undefined) {
    const written = writeSummaryFile(opts.outDir, result);
    if (!written.ok) return written;
  }
  return succeed(result);
}

/** Re-runs the first seed of each distinct failure on this thread, shrinks it and writes its repro. */
function writeRepros(dir: string, job: CampaignJob, summary: CampaignSummary, reprosMax: number, shrinkMs: number): Failable<Repro[]> {
  const repros: Repro[] = [];
  for (const group of summary.distinct.slice(0, reprosMax)) {
    const seed = group.seeds[0]!;
    const failure = summary.failures.find((f) => f.seed === seed)!;
    const run = runScenario(job.scenario, { seed, bug: job.bug, nodes: job.nodes, eventsMax: job.eventsMax, swarm: job.swarm });
    if (!run.ok) return run;
    const shrunk = shrinkMs > 0 ? shrinkFailure(run.value, failure.property, { timeBudgetMs: shrinkMs }) : undefined;
    const final = shrunk?.ok === true ? shrunk.value.report : run.value;
    const origin = classifyProperty(final, failure.property)?.kind ?? 'observed';
    const repro =
      shrunk?.ok === true
        ? writeRepro(dir, final, { property: failure.property, message: shrunk.value.message }, shrunk.value.stats, origin)
        : writeRepro(dir, final, failure, null, origin);
    if (!repro.ok) return repro;
    repros.push(repro.value);
  }
  return succeed(repros);
}
