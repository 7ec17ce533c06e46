/**
 * `shrinkFailure`: minimise a failing run while the same property still fails. The passes edit the run's schedule
 * (the list of recorded choices), its events limit and its node count; every kept candidate is a run that fails the
 * property and is smaller (search/shrink/measure.ts). The result is re-run from its own recorded schedule, so it replays
 * exactly: the same trace hash, the same failure.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { ShrinkStats } from '../fuzz/repro.js';
import type { RunReport } from '../../sim/run.js';
import { paramsOf, runCandidate, violationMessage } from './candidate.js';
import { earlyFaults, faultsEarlier, skipScriptedFaults } from './fault-passes.js';
import { fewerNodes } from './nodes-pass.js';
import { cutEvents, ddminDefaults, defaultByKind, type ShrinkPass } from './passes.js';
import { freshRuns, mutants } from './explore.js';
import { retimedRestarts } from './retime-pass.js';
import { faultsShifted, siteChoicesTop, siteDefaults, siteDelaysTop, siteDrops } from './site-passes.js';
import { ShrinkSearch, type ShrinkAbortSignal, type ShrinkStep, type ShrinkStopReason } from './search.js';

/**
 * Default wall-clock cap of one shrink, in ms: none. A shrink is bounded by its count of candidate runs, so the same
 * failure shrinks to the same repro on every machine at any load; a time cap is an opt-in safety net, and a shrink
 * it cut short says so (`stopReason: 'time-budget'`).
 */
export const SHRINK_TIME_BUDGET_MS_DEFAULT = Infinity;
/** Default number of candidate runs of one shrink. */
export const SHRINK_RUNS_MAX_DEFAULT = 40_000;
/** Default re-alignments per candidate. */
export const SHRINK_REPAIRS_MAX_DEFAULT = 2;
/** Leading choices the add-a-fault pass tries. */
export const SHRINK_EARLY_WINDOW_DEFAULT = 24;

export interface ShrinkOptions {
  /** Wall-clock safety net in ms (default: none); the result depends on the clock only when it cuts a shrink short. */
  readonly timeBudgetMs?: number | undefined;
  /** Candidate runs at most (default `SHRINK_RUNS_MAX_DEFAULT`): the bound that makes a shrink deterministic. */
  readonly runsMax?: number | undefined;
  readonly repairsMax?: number;
  /** Stops the shrink before its next candidate run; it keeps its best run so far (`stopReason: 'interrupted'`). */
  readonly signal?: ShrinkAbortSignal | undefined;
  /** The clock the budget is measured with (default `Date.now`); never read by a run. */
  readonly now?: () => number;
}

/** A shrunk failure. */
export interface ShrinkResult {
  /** The shrunk run, re-run from its own schedule. */
  readonly report: RunReport;
  readonly property: string;
  readonly message: string;
  readonly stats: ShrinkStats;
  /** Steps kept, in order. */
  readonly steps: readonly ShrinkStep[];
  /** Candidate runs made. */
  readonly runs: number;
  /** Candidate runs made by each pass (by its function name). */
  readonly runsByPass: Readonly<Record<string, number>>;
  readonly stopReason: ShrinkStopReason;
}

/** The passes, to a fixpoint; then again with `mutants` added, from where they stopped. */
const PASSES: readonly ShrinkPass[] = [
  cutEvents,
  defaultByKind,
  fewerNodes,
  skipScriptedFaults,
  ddminDefaults,
  siteDefaults,
  siteDrops,
  siteDelaysTop,
  siteChoicesTop,
  retimedRestarts,
  faultsShifted,
  faultsEarlier,
  earlyFaults(SHRINK_EARLY_WINDOW_DEFAULT),
  freshRuns,
];
/**
 * Random mutants come last, from the fixpoint of the other passes: they take a step only when it has fewer events,
 * so the result is never larger than without them.
 */
const PHASES: readonly (readonly ShrinkPass[])[] = [PASSES, [...PASSES, mutants]];

/** Shrinks `report`, a run that violates `property` (`protocol-error` for a handler failure). */
export function shrinkFailure(report: RunReport, property: string, opts: ShrinkOptions = {}): Failable<ShrinkResult> {
  if (violationMessage(report, property) === undefined) {
    return fail({ source: 'shrink', message: `the run of ${report.scenario} seed ${report.seed} does not violate "${property}"` });
  }
  const now = opts.now ?? Date.now;
  const search = new ShrinkSearch(
    report,
    property,
    {
      runsMax: opts.runsMax ?? SHRINK_RUNS_MAX_DEFAULT,
      timeBudgetMs: opts.timeBudgetMs ?? SHRINK_TIME_BUDGET_MS_DEFAULT,
      repairsMax: opts.repairsMax ?? SHRINK_REPAIRS_MAX_DEFAULT,
      signal: opts.signal,
    },
    now,
  );
  // A pass that kept nothing from a run keeps nothing from it again: it is skipped until the best run changes.
  const fruitless = new Map<ShrinkPass, RunReport>();
  const runsByPass: Record<string, number> = {};
  for (const passes of PHASES) {
    for (let progressed = true; progressed && !search.exhausted(); ) {
      progressed = false;
      for (const pass of passes) {
        if (search.exhausted()) break;
        if (fruitless.get(pass) === search.best) continue;
        const from = search.best;
        const runsBefore = search.runs;
        if (pass(search)) progressed = true;
        else fruitless.set(pass, from);
        runsByPass[pass.name] = (runsByPass[pass.name] ?? 0) + search.runs - runsBefore;
      }
    }
  }
  const stopReason = search.stopReason();
  // The original seed names the repro (the schedule decides the run; a fresh-seed candidate's seed is not kept).
  const final = runCandidate({ ...paramsOf(search.best), seed: report.seed });
  if (!final.ok) return final;
  const shrunk = final.value;
  const message = violationMessage(shrunk, property);
  if (shrunk.traceHash !== search.best.traceHash || message === undefined) {
    throw new Error(`shrink: the shrunk schedule of ${report.scenario} seed ${report.seed} does not replay its run`);
  }
  const before = search.measure(report);
  const after = search.measure(shrunk);
  const stats: ShrinkStats = {
    eventsBefore: before.events,
    eventsAfter: after.events,
    faultsBefore: before.faults,
    faultsAfter: after.faults,
    scheduleBefore: before.choices,
    scheduleAfter: after.choices,
    runs: search.runs,
    ms: search.elapsedMs(),
  };
  return succeed({ report: shrunk, property, message, stats, steps: search.steps, runs: search.runs, runsByPass, stopReason });
}
