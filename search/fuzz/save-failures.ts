/**
 * Saving what a campaign found, so that nothing is lost to a signal: the summary is written at once (it lists every
 * failing seed), then each distinct failure's repro unshrunk (one run each), then the summary again naming them;
 * only then are the repros shrunk (on worker threads, search/fuzz/shrink-pool.ts), each replaced atomically when its
 * shrink ends. A `halt` during the shrinks stops them at once, each keeping its best run so far; the summary is
 * rewritten last, with why each repro's shrink stopped.
 */
import { succeed, type Failable } from '../../execution/failable.js';
import type { Scenario } from '../../scenarios/types.js';
import type { ShrinkOptions } from '../shrink/shrink.js';
import type { CampaignJob } from './protocol.js';
import { failuresToReproduce, reproduceOne } from './reproduce.js';
import { writeRepro, type Repro } from './repro.js';
import { shrinkOnWorkers } from './shrink-pool.js';
import type { CampaignSummary } from './summary.js';

export interface SaveOptions {
  readonly scenario: Scenario;
  readonly job: CampaignJob;
  readonly summary: CampaignSummary;
  readonly outDir: string;
  readonly reprosMax?: number | undefined;
  readonly shrink?: ShrinkOptions | false | undefined;
  /** Threads to shrink on. */
  readonly workers: number;
  /** Aborting stops the shrinks under way (each keeps its best run) and starts no more. */
  readonly halt?: AbortSignal | undefined;
  /** Writes the summary file naming these repros. */
  readonly writeSummary: (repros: readonly Repro[]) => Failable<unknown>;
}

/** Writes the summary and the repros as described above; answers the repros in the summary's order of failures. */
export async function saveFailures(opts: SaveOptions): Promise<Failable<Repro[]>> {
  const first = opts.writeSummary([]);
  if (!first.ok) return first;
  const failures = failuresToReproduce(opts.summary, opts.reprosMax);
  const repros: Repro[] = [];
  for (const failure of failures) {
    const one = reproduceOne(opts.scenario, opts.job, failure, false);
    if (!one.ok) return one;
    const written = writeRepro(opts.outDir, one.value.report, one.value, null, one.value.origin);
    if (!written.ok) return written;
    repros.push(written.value);
  }
  if (failures.length === 0) return succeed(repros);
  const named = opts.writeSummary(repros);
  if (!named.ok) return named;
  const shrunk =
    opts.shrink === false
      ? succeed(undefined)
      : await shrinkOnWorkers({
      job: opts.job,
      failures,
      shrink: { runsMax: opts.shrink?.runsMax, timeBudgetMs: opts.shrink?.timeBudgetMs },
      workers: opts.workers,
      halt: opts.halt,
      onShrunk: (reply) => {
        const failure = { property: failures[reply.index]!.property, message: reply.message };
        const written = writeRepro(opts.outDir, reply.source, failure, reply.shrunk, reply.origin, reply.shrinkStop);
        if (written.ok) repros[reply.index] = written.value;
        return written.ok ? succeed(undefined) : written;
      },
        });
  const last = opts.writeSummary(repros); // also after a failed shrink: the summary names the files as they are
  if (!shrunk.ok) return shrunk;
  return last.ok ? succeed(repros) : last;
}
