/**
 * From a campaign's failures to repros: the first seed of each distinct failure is re-run, shrunk by the shrinker
 * (search/shrink/, bounded by runs, so the same on every machine) and classified as observed or predicted. `dsim fuzz`
 * (on shrink workers, search/fuzz/shrink-pool.ts) and the library's `fuzz` both come through `reproduceOne`, so a failure
 * shrinks the same from the shell and from a test.
 */
import { succeed, type Failable } from '../../execution/failable.js';
import { classifyProperty } from '../predict/classify.js';
import type { Scenario } from '../../scenarios/types.js';
import type { ShrinkStopReason } from '../shrink/search.js';
import { shrinkFailure, type ShrinkOptions } from '../shrink/shrink.js';
import { runScenario, type RunReport } from '../../sim/run.js';
import { expandSchedule } from '../strategies/mutate.js';
import type { CampaignJob } from './protocol.js';
import type { ShrinkStats } from './repro.js';
import type { CampaignSummary, SeedFailure } from './summary.js';

/** Repros per campaign at most (one per distinct failure, first seed first). */
export const REPROS_MAX_DEFAULT = 10;

/** A distinct failure, re-run and (unless asked not to) shrunk. */
export interface FoundFailure {
  readonly seed: number;
  readonly property: string;
  /** The message of the run to replay (the shrunk run's, when shrunk). */
  readonly message: string;
  /** The run to replay: the shrunk one, or the seed's own run. */
  readonly report: RunReport;
  readonly shrunk: ShrinkStats | null;
  /** Set when the shrink was cut short by its wall-clock safety net (not by its run count). */
  readonly shrinkCutShort: boolean;
  /** Why the shrink stopped (`interrupted`: by its signal, keeping its best run so far); null when not shrunk. */
  readonly shrinkStop: ShrinkStopReason | null;
  readonly origin: 'observed' | 'predicted';
}

/** How to reproduce: how many failures, and the shrink's bounds (`false`: keep the failing runs as they are). */
export interface ReproduceOptions {
  readonly reprosMax?: number | undefined;
  readonly shrink?: ShrinkOptions | false | undefined;
  /** Called with each failure as soon as it is reproduced (a repro file is written then, not at the end). */
  readonly onFound?: (found: FoundFailure) => Failable<void>;
  /** Checked before each failure: once aborted, the failures not yet reproduced are left out. */
  readonly signal?: AbortSignal | undefined;
}

/** The failures to reproduce: the first seed of each distinct failure of `summary`, at most `reprosMax`. */
export function failuresToReproduce(summary: CampaignSummary, reprosMax = REPROS_MAX_DEFAULT): SeedFailure[] {
  return summary.distinct.slice(0, reprosMax).map((group) => summary.failures.find((f) => f.seed === group.seeds[0])!);
}

/** Re-runs one failing seed of a campaign and (unless `shrink` is false) shrinks it. */
export function reproduceOne(scenario: Scenario, job: CampaignJob, failure: SeedFailure, shrink: ShrinkOptions | false = {}): Failable<FoundFailure> {
  const seed = failure.seed;
  // A run a strategy steered is reproduced from its schedule (the seed alone makes the random run).
  const schedule = failure.choices === undefined ? undefined : expandSchedule(failure.choices);
  const run = runScenario(scenario, { seed, bug: job.bug, nodes: job.nodes, eventsMax: job.eventsMax, swarm: job.swarm, schedule });
  if (!run.ok) return run;
  const shrunk = shrink === false ? undefined : shrinkFailure(run.value, failure.property, shrink);
  const kept = shrunk?.ok === true ? shrunk.value : undefined;
  const report = kept?.report ?? run.value;
  return succeed({
    seed,
    property: failure.property,
    message: kept?.message ?? failure.message,
    report,
    shrunk: kept?.stats ?? null,
    shrinkCutShort: kept?.stopReason === 'time-budget',
    shrinkStop: kept?.stopReason ?? null,
    origin: classifyProperty(report, failure.property)?.kind ?? 'observed',
  });
}

/** Reproduces the first seed of each distinct failure of `summary`, in the summary's order, on this thread. */
export function reproduceFailures(scenario: Scenario, job: CampaignJob, summary: CampaignSummary, opts: ReproduceOptions = {}): Failable<FoundFailure[]> {
  const found: FoundFailure[] = [];
  for (const failure of failuresToReproduce(summary, opts.reprosMax)) {
    if (opts.signal?.aborted === true) break;
    const one = reproduceOne(scenario, job, failure, opts.shrink ?? {});
    if (!one.ok) return one;
    found.push(one.value);
    const reported = opts.onFound?.(one.value);
    if (reported !== undefined && !reported.ok) return reported;
  }
  return succeed(found);
}
