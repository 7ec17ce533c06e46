/**
 * `fuzz`: many runs of a scenario value over consecutive seeds, in this thread, one after another.
 *
 * The CLI's parallel campaign (fuzz/) runs registered scenarios on worker threads; a worker cannot load a scenario
 * defined in a test file (the value, with its functions, does not cross threads), so user-defined scenarios fuzz
 * sequentially here. Deterministic: the same scenario and options find the same failures.
 */
import { fuzzSequential, type FuzzFailure } from '../sim/fuzz.js';
import type { Scenario } from '../scenarios/types.js';
import { valueOrThrow } from './errors.js';
import { toRunResult, type RunResult } from './run.js';

export type { FuzzFailure } from '../sim/fuzz.js';

/** Options of `fuzz`. Seeds `seedStart, seedStart + 1, ...` (modulo 2^32). */
export interface FuzzOptions<B extends string = string> {
  /** How many seeds to run. */
  readonly seeds: number;
  /** First seed (default 0). */
  readonly seedStart?: number;
  readonly bug?: B | undefined;
  readonly nodes?: number | undefined;
  readonly eventsMax?: number | undefined;
  /** Stop after this many failing seeds (default: run every seed). */
  readonly failingSeedsMax?: number;
}

/** What a fuzz campaign found. `firstFailure` is the complete result of the first failing seed, for replay. */
export interface FuzzResult<B extends string = string> {
  readonly scenario: string;
  readonly bug: B | undefined;
  /** Seeds actually run (fewer than asked when `failingSeedsMax` stopped the campaign). */
  readonly runs: number;
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
}

/**
 * Runs a scenario for `seeds` consecutive seeds and collects every failure. Throws `DsimInputError` for bad options
 * (as `run` does). For a registered scenario, the CLI's `dsim fuzz` runs the same campaign on every core.
 */
export function fuzz<B extends string>(
  scenario: Scenario & { readonly bugs: Readonly<Record<B, string>> },
  opts: FuzzOptions<NoInfer<B>>,
): FuzzResult<B> {
  const report = valueOrThrow(
    fuzzSequential(scenario, {
      seeds: opts.seeds,
      seedStart: opts.seedStart ?? 0,
      bug: opts.bug,
      nodes: opts.nodes,
      eventsMax: opts.eventsMax,
      failingSeedsMax: opts.failingSeedsMax,
    }),
  );
  const { firstFailure, ...found } = report;
  return {
    scenario: scenario.name,
    bug: opts.bug,
    ...found,
    ok: report.failingSeeds.length === 0,
    ...(firstFailure === undefined ? {} : { firstFailure: toRunResult(firstFailure, opts.bug) }),
  };
}
