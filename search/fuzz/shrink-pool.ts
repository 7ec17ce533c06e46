/**
 * Shrinking a campaign's failures on worker threads (search/fuzz/shrink-worker.ts), up to one per worker at a time. The
 * main thread only hands out failures and writes what comes back, so it hears a signal at once: `halt` sets a flag
 * in shared memory that every shrink under way reads before its next candidate run; each then stops, keeping its
 * best run so far (`shrinkStop: 'interrupted'`), and no further shrink starts.
 */
import { Worker } from 'node:worker_threads';
import { fail, succeed, type Failable, type InputError } from '../../execution/failable.js';
import type { ShrinkStopReason } from '../shrink/search.js';
import type { ScheduleSource } from '../../sim/schedule-file.js';
import { workerUrl } from './campaign.js';
import type { CampaignJob } from './protocol.js';
import type { ShrinkStats } from './repro.js';
import type { SeedFailure } from './summary.js';

/** What a shrink worker starts with: the job, and the stop flag (one Int32 in shared memory; nonzero: stop). */
export interface ShrinkWorkerData {
  readonly job: CampaignJob;
  readonly stop: SharedArrayBuffer;
}

/** The bounds of a shrink that cross to a worker (no clock function: a worker reads its own). */
export interface ShrinkBounds {
  readonly runsMax?: number | undefined;
  readonly timeBudgetMs?: number | undefined;
}

/** Main → shrink worker: shrink the failure numbered `index`. */
export interface ShrinkRequest {
  readonly index: number;
  readonly failure: SeedFailure;
  readonly shrink: ShrinkBounds;
}

/** Shrink worker → main: the run to write as the repro (plain data), or an input error. */
export type ShrinkReply =
  | {
      readonly kind: 'shrunk';
      readonly index: number;
      readonly source: ScheduleSource;
      readonly message: string;
      readonly shrunk: ShrinkStats | null;
      readonly origin: 'observed' | 'predicted';
      readonly shrinkStop: ShrinkStopReason | null;
    }
  | { readonly kind: 'input-error'; readonly error: InputError };

export interface ShrinkPoolOptions {
  readonly job: CampaignJob;
  readonly failures: readonly SeedFailure[];
  readonly shrink: ShrinkBounds;
  readonly workers: number;
  /** Aborting stops every shrink under way at its next candidate run, and starts no more. */
  readonly halt?: AbortSignal | undefined;
  /** Called with each shrunk failure as it comes back (its repro is written then). */
  readonly onShrunk: (reply: Extract<ShrinkReply, { kind: 'shrunk' }>) => Failable<void>;
}

/** Shrinks `failures` on up to `workers` threads; the first error (an input error, a write) stops handing out more. */
export async function shrinkOnWorkers(opts: ShrinkPoolOptions): Promise<Failable<void>> {
  const stop = new SharedArrayBuffer(4);
  const flag = new Int32Array(stop);
  const onHalt = () => Atomics.store(flag, 0, 1);
  if (opts.halt?.aborted === true) onHalt();
  opts.halt?.addEventListener('abort', onHalt);
  let next = 0;
  let error: InputError | undefined;
  const take = (): number | undefined => (error !== undefined || Atomics.load(flag, 0) !== 0 || next >= opts.failures.length ? undefined : next++);
  const script = workerUrl('shrink-worker.js');
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const first = take();
      if (first === undefined) return resolve();
      const worker = new Worker(script, { workerData: { job: opts.job, stop } satisfies ShrinkWorkerData });
      const feed = (index: number | undefined) => {
        if (index === undefined) return void worker.terminate().then(() => resolve(), reject);
        worker.postMessage({ index, failure: opts.failures[index]!, shrink: opts.shrink } satisfies ShrinkRequest);
      };
      worker.on('message', (reply: ShrinkReply) => {
        const done = reply.kind === 'input-error' ? fail(reply.error) : opts.onShrunk(reply);
        if (!done.ok) error ??= done.error;
        feed(take());
      });
      worker.on('error', reject);
      feed(first);
    });
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.workers, opts.failures.length)) }, runWorker));
  } finally {
    opts.halt?.removeEventListener('abort', onHalt);
  }
  return error === undefined ? succeed(undefined) : fail(error);
}
