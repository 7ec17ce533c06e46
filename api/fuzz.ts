/**
 * `fuzz`: many runs of a scenario value over consecutive seeds. Without `workers` it runs in this thread and
 * answers at once; with `workers` it runs on worker threads (as `dsim fuzz` does: each worker imports the scenario's
 * module or config and finds it by name) and answers a promise. Either way every distinct failure comes back shrunk
 * by the same shrinker as the CLI, written as a repro file, with the one command that replays it from the shell.
 * Deterministic: the same scenario and options find the same failures and write the same repro files.
 *
 * `DSIM_SEEDS` and `DSIM_SEED_START` in the environment replace `seeds` and `seedStart` of every call, so CI can
 * scale or vary a campaign without editing tests (`DSIM_SEEDS=100000 npx vitest run`).
 */
import { runCampaign } from '../search/fuzz/campaign.js';
import { jobOf } from '../search/fuzz/job-scenario.js';
import type { CampaignJob, SeedOutcome } from '../search/fuzz/protocol.js';
import { runSeedsHere, setUpStrategy, type StrategySetup } from '../search/fuzz/strategy-setup.js';
import type { Scenario } from '../scenarios/types.js';
import { valueOrThrow } from './errors.js';
import { fuzzResultOf, type FuzzResult } from './fuzz-result.js';
import { fuzzSettings, type FuzzOptions, type FuzzSettings } from './fuzz-options.js';

export type { FuzzOptions } from './fuzz-options.js';
export type { FuzzFailure, FuzzRepro, FuzzResult } from './fuzz-result.js';

type ScenarioOf<B extends string> = Scenario & { readonly bugs: Readonly<Record<B, string>> };

/**
 * Runs a scenario for `seeds` consecutive seeds and collects every failure, shrunk. Throws `DsimInputError` for bad
 * options (as `run` does), or, with `workers`, for a scenario no worker can import.
 */
export function fuzz<B extends string>(scenario: ScenarioOf<B>, opts: FuzzOptions<NoInfer<B>> & { readonly workers?: undefined }): FuzzResult<B>;
export function fuzz<B extends string>(scenario: ScenarioOf<B>, opts: FuzzOptions<NoInfer<B>> & { readonly workers: number }): Promise<FuzzResult<B>>;
export function fuzz<B extends string>(scenario: ScenarioOf<B>, opts: FuzzOptions<NoInfer<B>>): FuzzResult<B> | Promise<FuzzResult<B>> {
  const settings = fuzzSettings(scenario, opts);
  const plain: CampaignJob = { scenario: scenario.name, bug: opts.bug, nodes: opts.nodes, eventsMax: opts.eventsMax, swarm: opts.swarm ?? false };
  const setup = valueOrThrow(setUpStrategy(scenario, plain, settings.strategy, settings.seedStart));
  const job = setup.job;
  if (opts.workers === undefined) return fuzzResultOf(scenario, job, settings, inThisThread(scenario, setup, settings), 1, setup.exploration.report());
  // Checked before anything runs, so that a scenario no worker can import is thrown here, not rejected later.
  return onWorkers(scenario, setup, valueOrThrow(jobOf(scenario, job)), settings, opts.workers);
}

function inThisThread(scenario: Scenario, setup: StrategySetup, settings: FuzzSettings): SeedOutcome[] {
  let failing = 0;
  const stop = (o: SeedOutcome) => (failing += o.violations.length > 0 ? 1 : 0) >= settings.failingSeedsMax;
  return valueOrThrow(runSeedsHere(scenario, setup, { start: settings.seedStart, count: settings.seeds }, stop));
}

async function onWorkers<B extends string>(
  scenario: ScenarioOf<B>,
  setup: StrategySetup,
  campaignJob: CampaignJob,
  settings: FuzzSettings,
  workers: number,
): Promise<FuzzResult<B>> {
  const stop = new AbortController();
  let failing = 0;
  const campaign = await runCampaign({
    job: campaignJob,
    range: { start: settings.seedStart, count: settings.seeds },
    workers,
    signal: stop.signal,
    ...(setup.generations === undefined ? {} : { generations: setup.generations }),
    onOrdered: (o) => setup.exploration.absorb(o.explored!),
    onBatch: (batch) => {
      failing += batch.filter((o) => o.violations.length > 0).length;
      if (failing >= settings.failingSeedsMax) stop.abort();
    },
  });
  const outcomes = valueOrThrow(campaign).outcomes;
  // Seeds are handed out in order, so every seed before the last failing one kept was run: cut there.
  const failingAt = outcomes.map((o, i) => (o.violations.length > 0 ? i : -1)).filter((i) => i >= 0);
  const cut = failingAt.length >= settings.failingSeedsMax ? failingAt[settings.failingSeedsMax - 1]! + 1 : outcomes.length;
  return fuzzResultOf(scenario, setup.job, settings, outcomes.slice(0, cut), workers, setup.exploration.report());
}
