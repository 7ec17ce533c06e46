/**
 * A fuzz campaign: seeds run in parallel on worker threads, handed out in small batches so fast and slow seeds
 * balance across workers. Every run is a pure function of (scenario, seed): which worker ran a seed, and in what
 * order seeds finished, never changes a result; the report lists seeds in seed order.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { fail, succeed, type Failable, type InputError } from '../../execution/failable.js';
import type { RunInput } from '../strategies/corpus.js';
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
  /**
   * Called with every outcome in seed order, as soon as the seeds before it are back (what a run explored is read
   * here: the campaign keeps of each outcome only what its summary needs).
   */
  readonly onOrdered?: (outcome: SeedOutcome) => void;
  /**
   * Run the seeds in generations (a coverage campaign): a generation's runs are planned together, and the next
   * generation starts only when every run of this one is back and absorbed, in seed order.
   */
  readonly generations?: Generations;
}

/** A campaign in generations: how big each is, how its runs are planned, and what it learns from them. */
export interface Generations {
  readonly runs: number;
  /** The inputs of the runs of one generation (parallel to `seeds`). */
  plan(seeds: readonly number[]): readonly RunInput[];
  /** The outcomes of one generation, in seed order, with the inputs they were run from. */
  absorb(outcomes: readonly SeedOutcome[], inputs: readonly RunInput[]): void;
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
  const gens = opts.generations;
  let genFirst = 0; // position of the current generation's first seed
  let genEnd = 0; // one past its last
  let genInputs: readonly RunInput[] = [];
  let genBack: SeedOutcome[] = [];
  const startGeneration = (): void => {
    genFirst = next;
    genEnd = Math.min(opts.range.count, next + gens!.runs);
    const seeds = Array.from({ length: genEnd - genFirst }, (_, i) => seedAt(opts.range, genFirst + i));
    genInputs = gens!.plan(seeds);
    genBack = [];
  };
  /** Takes a generation's outcomes; when it is complete, absorbs it and plans the next. */
  const generationBack = (outcomes: readonly SeedOutcome[]): boolean => {
    genBack.push(...outcomes);
    if (genBack.length < genEnd - genFirst) return false;
    genBack.sort((a, b) => seedOrder(opts.range, a.seed) - seedOrder(opts.range, b.seed));
    gens!.absorb(genBack, genInputs);
    if (next < opts.range.count) startGeneration();
    return true;
  };
  const parked: (() => void)[] = [];
  const ordered = new InOrder(opts.range, opts.onOrdered);
  const takeBatch = (): BatchRequest | undefined | 'wait' => {
    if (inputError !== undefined) return undefined;
    if (opts.signal?.aborted) {
      stopReason = 'interrupted';
      return undefined;
    }
    if (opts.deadlineMs !== undefined && now() >= opts.deadlineMs) {
      stopReason = 'time-budget';
      return undefined;
    }
    if (gens === undefined) {
      const count = Math.min(batchSize(), opts.range.count - next);
      if (count <= 0) return undefined;
      const seeds = Array.from({ length: count }, (_, i) => seedAt(opts.range, next + i));
      next += count;
      return { batch: batchNo++, seeds };
    }
    if (next >= opts.range.count) return undefined;
    if (next >= genEnd) return 'wait'; // this generation is handed out; the next needs its outcomes
    const share = Math.ceil((genEnd - genFirst) / workerCount);
    const count = Math.min(batchSize(), share, genEnd - next);
    const seeds = Array.from({ length: count }, (_, i) => seedAt(opts.range, next + i));
    const inputs = genInputs.slice(next - genFirst, next - genFirst + count);
    next += count;
    return { batch: batchNo++, seeds, inputs };
  };

  const workerCount = Math.max(1, Math.min(opts.workers, Math.ceil(opts.range.count / BATCH_SEEDS_DEFAULT)));
  if (gens !== undefined && opts.range.count > 0) startGeneration();
  const script = workerUrl();
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData: opts.job });
      const finish = () => void worker.terminate().then(() => resolve(), reject);
      let sentMs = 0;
      let sentSeeds = 0;
      let warm = false; // a worker's first batch also pays for its start-up: not a measure of seed speed
      const feed = (): void => {
        const batch = takeBatch();
        if (batch === 'wait') {
          parked.push(feed);
          return;
        }
        if (batch === undefined) {
          finish();
          for (const wake of parked.splice(0)) wake(); // the others see the end too
          return;
        }
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
        for (const o of reply.outcomes) ordered.add(o);
        outcomes.push(...reply.outcomes.map(keptOutcome));
        opts.onBatch?.(reply.outcomes, outcomes.length);
        if (gens !== undefined && generationBack(reply.outcomes)) for (const wake of parked.splice(0)) wake();
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

/** What a campaign keeps of an outcome: no exploration figures, and a schedule only for a failing steered run. */
export function keptOutcome(o: SeedOutcome): SeedOutcome {
  if (o.explored === undefined && o.choices === undefined) return o;
  const { explored: _explored, choices, choiceTicks: _ticks, ...rest } = o;
  return choices !== undefined && o.violations.length > 0 && o.steered === true ? { ...rest, choices } : rest;
}

/** Hands outcomes on in seed order, holding those that come back before a seed ahead of them. */
class InOrder {
  private readonly waiting = new Map<number, SeedOutcome>();
  private position = 0;

  constructor(
    private readonly range: SeedRange,
    private readonly onOrdered: ((o: SeedOutcome) => void) | undefined,
  ) {}

  add(o: SeedOutcome): void {
    if (this.onOrdered === undefined) return;
    this.waiting.set(seedOrder(this.range, o.seed), o);
    for (let next = this.waiting.get(this.position); next !== undefined; next = this.waiting.get(this.position)) {
      this.waiting.delete(this.position++);
      this.onOrdered(next);
    }
  }
}
