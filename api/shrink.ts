/**
 * `shrink`: the CLI's shrinker on a failing run of a scenario value, by hand. `fuzz` already shrinks every distinct
 * failure it finds; this is for a failure found otherwise (a `run` with a seed, a schedule from an arbitrary).
 */
import type { Scenario } from '../scenarios/types.js';
import { shrinkFailure, type ShrinkOptions } from '../search/shrink/shrink.js';
import type { ShrinkStats } from '../search/fuzz/repro.js';
import type { ShrinkStopReason } from '../search/shrink/search.js';
import { rejectIf, valueOrThrow } from './errors.js';
import { run, toRunResult, type RunResult } from './run.js';

/** A shrunk failure: the smallest failing run found, replayable with `replay(scenario, shrunk.run)`. */
export interface ShrunkFailure<B extends string = string> {
  readonly run: RunResult<B>;
  readonly property: string;
  readonly message: string;
  readonly stats: ShrinkStats;
  /** `fixpoint` (no pass shrinks it further), `runs-limit`, or `time-budget` (the opt-in wall-clock cap cut it short). */
  readonly stopReason: ShrinkStopReason;
}

/**
 * Shrinks a failing run of `scenario` while `property` (default: its first violated property, or `protocol-error`)
 * still fails. Deterministic: bounded by candidate runs (`runsMax`), not by time. Throws `DsimInputError` when the
 * run does not fail that property.
 */
export function shrink<B extends string>(
  scenario: Scenario & { readonly bugs: Readonly<Record<B, string>> },
  failure: Pick<RunResult<NoInfer<B>>, 'replayWith'>,
  opts: ShrinkOptions & { readonly property?: string } = {},
): ShrunkFailure<B> {
  const rerun = run<B>(scenario, failure.replayWith);
  const property = opts.property ?? rerun.violations[0]?.property ?? (rerun.protocolError === undefined ? undefined : 'protocol-error');
  rejectIf(`shrink(${scenario.name})`, property === undefined ? 'the run violates no property; there is nothing to shrink' : undefined);
  const r = valueOrThrow(shrinkFailure(rerun, property!, opts));
  return { run: toRunResult(r.report, rerun.bug), property: r.property, message: r.message, stats: r.stats, stopReason: r.stopReason };
}
