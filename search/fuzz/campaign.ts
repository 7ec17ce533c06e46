/**
 * A fuzz campaign: seeds run in parallel on worker threads, handed out in small batches so fast and slow seeds
 * balance across workers. Every run is a pure function of (scenario, seed): which worker ran a seed, and in what
 * order seeds finished, never changes a result; the report lists seeds in seed order.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { fail, succeed, type Failable, type InputError } from '../../execution/failable.js';
import type { BatchRequest, CampaignJob, SeedOutcome, WorkerReply } from './protocol.js';
import { seedAt, type SeedRange } from './seeds.js';

/** Seeds in a worker's first batch. */
export const BATCH_SEEDS_DEFAULT = 8;
/** Seeds per batch at most. */
export const BATCH_SEEDS_MAX = 512;
/**
 * Wall-clock time a batch aims at: later batches are sized from the seeds per millisecond measured so far, so fast
 * seeds are not dominated by messaging and a stop (Ctrl-C, time budget) still comes within about this long. Only
 * the batching depends on the clock; which seeds run, and every run's result, do not.
 */
export const BATCH_TARGET_MS = 50;

export interface CampaignOptions {
  readonly job: CampaignJob;
  /** Seeds to run; with `count: Infinity` the campaign runs until `deadlineMs` or `signal`. */
  readonly range: SeedRange;
  readonly workers: number;
  /** Wall-clock deadline (ms since the epoch): no batch starts after it. Fuzzing only; no run reads the clock. */
  readonly deadlineMs?: number;
  /** Aborting stops handing out batches; batches under way finish and are reported. */
  readonly signal?: AbortSignal;
  /** Called after each batch with the seeds done so far and the outcomes of that batch. */
  readonly onBatch?: (outcomes: readonly SeedOutcome[], seedsDone: number) => void;
  readonly now?: () => number;
}

export type StopReason = 'done' | 'time-budget' | 'interrupted';

export interface CampaignResult {
  /** Outcomes in seed order; every seed of the range up to where the campaign stopped, each once. */
  readonly outcomes: readonly SeedOutcome[];
  readonly stopReason: StopReason;
}

/**
 * A worker script of search/fuzz/ (`worker.js` runs seeds, `shrink-worker.js` shrinks): next to this module in the build
 * (dist/search/fuzz/). When this module runs from TypeScript source (vitest), the compiled worker in dist/ is used — `npm
 * test` builds it first.
 */
export function workerUrl(script = 'worker.js'): URL {
  const beside = new URL(`./${script}`, import.meta.url);
  if (existsSync(beside)) return beside;
  const built = new URL(`../../dist/search/fuzz/${script}`, import.meta.url);
  if (existsSync(built)) return built;
  throw new Error(`no compiled fuzz worker at ${beside.pathname} or ${built.pathname}; run npm run build`);
}

/** Runs a campaign on `workers` threads. An input error (unknown scenario, say) stops it at once. */
export async function runCampaign(opts: CampaignOptions): Promise<Failable<CampaignResult>> {
  const now = opts.now ?? Date.now;
  const outcomes: SeedOutcome[] = [];
  let next = 0;
  let batchNo = 0;
  let stopReason: StopReason = 'done';
  let inputError: InputError | undefined;

  let seedsTimed = 0;
  let msTimed = 0;
  const batchSize = (): number => {
    if (seedsTimed === 0 || msTimed <= 0) return BATCH_SEEDS_DEFAULT;
    const size = Math.round((BATCH_TARGET_MS * seedsTimed) / msTimed);
    return Math.max(BATCH_SEEDS_DEFAULT, Math.min(BATCH_SEEDS_MAX, size));
  };
  const takeBatch = (): BatchRequest | undefined => {
    if (inputError !== undefined) return undefined;
    if (opts.signal?.aborted) {
      stopReason = 'interrupted';
      return undefined;
    }
    if (opts.deadlineMs !== undefined && now() >= opts.deadlineMs) {
      stopReason = 'time-budget';
      return undefined;
    }
    const count = Math.min(batchSize(), opts.range.count - next);
    if (count <= 0) return undefined;
    const seeds = Array.from({ length: count }, (_, i) => seedAt(opts.range, next + i));
    next += count;
    return { batch: batchNo++, seeds };
  };

  const workerCount = Math.max(1, Math.min(opts.workers, Math.ceil(opts.range.count / BATCH_SEEDS_DEFAULT)));
  const script = workerUrl();
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData: opts.job });
      const finish = () => void worker.terminate().then(() => resolve(), reject);
      let sentMs = 0;
      let sentSeeds = 0;
      let warm = false; // a worker's first batch also pays for its start-up: not a measure of seed speed
      const feed = () => {
        const batch = takeBatch();
        if (batch === undefined) return finish();
        sentMs = now();
        sentSeeds = batch.seeds.length;
        worker.postMessage(batch);
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.kind === 'input-error') {
          inputError ??= reply.error;
          finish();
          return;
        }
        if (warm) {
          msTimed += now() - sentMs;
          seedsTimed += sentSeeds;
        }
        warm = true;
        outcomes.push(...reply.outcomes);
        opts.onBatch?.(reply.outcomes, outcomes.length);
        feed();
      });
      worker.on('error', reject);
      feed();
    });
  await Promise.all(Array.from({ length: workerCount }, runWorker));
  if (inputError !== undefined) return fail(inputError);
  outcomes.sort((a, b) => seedOrder(opts.range, a.seed) - seedOrder(opts.range, b.seed));
  return succeed({ outcomes, stopReason });
}

/** Position of a seed in its range (seeds wrap at 2^32). */
function seedOrder(range: SeedRange, seed: number): number {
  return (seed - range.start) >>> 0;
}
