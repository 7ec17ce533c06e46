/**
 * `run` and `replay`: one run of a scenario value (a `defineScenario` result or any `Scenario`), checked against its
 * properties: sim/run.ts `runScenario` on a scenario value, with mistakes thrown as `DsimInputError`.
 */
import type { State } from '../execution/types.js';
import type { Choice } from '../sim/outcome.js';
import { runScenario, type RunReport } from '../sim/run.js';
import type { Scenario } from '../scenarios/types.js';
import { valueOrThrow } from './errors.js';
import { faultsFired, type FaultsFired } from '../search/strategies/faults-fired.js';

/** Options of one run. `B`: the scenario's bug names. */
export interface RunOptions<B extends string = string> {
  /** The seed (an unsigned 32-bit integer); every choice of a fresh run is drawn from it. */
  readonly seed: number;
  /** A bug variant of the scenario; omitted: the correct protocol. */
  readonly bug?: B | undefined;
  /** Cluster size; default the scenario's `nodes`. */
  readonly nodes?: number | undefined;
  /** Replay these recorded choices instead of drawing from the seed (see `RunResult.schedule`). */
  readonly schedule?: readonly Choice[] | undefined;
  readonly eventsMax?: number | undefined;
  readonly timeTicksMax?: number | undefined;
}

/**
 * Everything one run produced. `ok` when every property held and no handler threw; otherwise `violations` (and
 * `protocolError`) say what went wrong. `replayWith` reruns it exactly: `run(scenario, result.replayWith)`.
 */
export interface RunResult<B extends string = string> extends RunReport {
  readonly bug: B | undefined;
  /** Each node's observable state at the end (`undefined`: down at the end). */
  readonly finalStates: readonly (State | undefined)[];
  /** Options that replay this run from its recorded schedule (no seed needed), with the same limits and size. */
  readonly replayWith: RunOptions<B> & { readonly schedule: readonly Choice[] };
  /** The faults the run fired, by kind and by node, counted from its events, messages and network faults. */
  readonly faultsFired: FaultsFired;
}

/** A rerun of a recorded run: `hashMatches` when it produced the same trace (same `traceHash`). */
export interface ReplayResult<B extends string = string> extends RunResult<B> {
  readonly hashMatches: boolean;
  readonly expectedTraceHash: string;
}

/**
 * Runs a scenario once. Deterministic: the same scenario and options give the same `traceHash`.
 * Throws `DsimInputError` for a mistake in the options (an unknown bug, a seed that is not a 32-bit unsigned
 * integer, a cluster size out of range); a violated property is `ok: false`, never a throw.
 */
export function run<B extends string>(scenario: Scenario & { readonly bugs: Readonly<Record<B, string>> }, opts: RunOptions<NoInfer<B>>): RunResult<B> {
  return toRunResult(valueOrThrow(runScenario(scenario, opts)), opts.bug);
}

/** A run report with the options that replay it from its recorded schedule. */
export function toRunResult<B extends string>(report: RunReport, bug: B | undefined): RunResult<B> {
  const replayWith = {
    seed: report.seed,
    bug,
    nodes: report.nodes,
    schedule: report.schedule,
    eventsMax: report.eventsMax,
    timeTicksMax: report.timeTicksMax,
  };
  return { ...report, bug, replayWith, faultsFired: faultsFired(report) };
}

/**
 * Reruns a recorded run from its schedule alone (the seed is not used) and says whether the trace is the same.
 * `recorded` is a `RunResult`, or anything with its `replayWith` and `traceHash` (e.g. read back from JSON).
 */
export function replay<B extends string>(
  scenario: Scenario & { readonly bugs: Readonly<Record<B, string>> },
  recorded: Pick<RunResult<NoInfer<B>>, 'replayWith' | 'traceHash'>,
): ReplayResult<B> {
  const rerun = run<B>(scenario, recorded.replayWith);
  return { ...rerun, hashMatches: rerun.traceHash === recorded.traceHash, expectedTraceHash: recorded.traceHash };
}
