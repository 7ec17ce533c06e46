/**
 * Checking many histories (files, and the keys of Jepsen `independent` files) on worker threads. Each history is
 * checked by itself with its own limits, exactly as on the main thread, and the results are put back in job order,
 * so the output is the same whatever the number of workers; only the `ms` figures differ.
 *
 * How many workers (`workersFor`): a number given is used as it is (at most one per history); `'auto'` uses one
 * per core (at most 4) only when there are at least two histories and at least `PARALLEL_EVENTS_MIN` events in
 * all, since a worker costs tens of milliseconds to start and to compile the checker, and 1 otherwise. A model
 * from a config file, or one with --initial, cannot cross to a thread: those are checked on the main thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Failable, InputError } from '../../execution/failable.js';
import { checkHistoryJob, readHistoryJobs, type CheckFilesOptions, type FileCheckResult, type HistoryJob } from './files.js';
import type { ModelName } from './model.js';
import { isModelName, MODELS } from './models/registry.js';
import type { ModelChoice } from './resolve-model.js';

/** Below this many events in all, `'auto'` checks on the main thread. */
export const PARALLEL_EVENTS_MIN = 20_000;
/** `'auto'` starts at most this many workers. */
export const AUTO_WORKERS_MAX = 4;

/** The options that cross to a worker (no clock function: a worker reads its own). */
export type WorkerCheckOptions = Omit<CheckFilesOptions, 'nowMs'>;

export interface CheckWorkerData {
  readonly model: ModelName;
  readonly options: WorkerCheckOptions;
}

export interface CheckRequest {
  readonly index: number;
  readonly job: HistoryJob;
}

export interface CheckReply {
  readonly index: number;
  readonly result: Failable<FileCheckResult>;
}

export interface ParallelCheckOptions extends CheckFilesOptions {
  /** Worker threads: a count (1: the main thread only) or `'auto'` (the default; see above). */
  readonly workers?: number | 'auto';
}

/** What checking the files gave: the results in file order (keys in key order), and the files that were bad. */
export interface FilesChecked {
  readonly results: FileCheckResult[];
  readonly inputErrors: InputError[];
}

/** The workers to use for `jobs` (1 means the main thread). */
export function workersFor(jobs: readonly HistoryJob[], requested: number | 'auto', cores = availableParallelism()): number {
  if (requested !== 'auto') return Math.max(1, Math.min(requested, jobs.length));
  const events = jobs.reduce((sum, job) => sum + job.history.length, 0);
  if (jobs.length < 2 || events < PARALLEL_EVENTS_MIN) return 1;
  return Math.max(1, Math.min(cores, AUTO_WORKERS_MAX, jobs.length));
}

/** The built-in model's name when `model` can be checked on a worker (it is a built-in as it stands). */
function transferable(model: ModelChoice): ModelName | undefined {
  if (typeof model === 'string') return isModelName(model) ? model : undefined;
  return isModelName(model.name) && MODELS[model.name] === model ? model.name : undefined;
}

/**
 * Reads and checks each file; a bad file (unreadable, malformed, or a history the model rejects) is reported in
 * `inputErrors` and gives no result, and the other files are still checked.
 */
export async function checkFilesInParallel(paths: readonly string[], model: ModelChoice, options: ParallelCheckOptions = {}): Promise<FilesChecked> {
  const jobs: HistoryJob[] = [];
  const fileOf: number[] = [];
  const readErrors = new Map<number, InputError>();
  paths.forEach((path, file) => {
    const read = readHistoryJobs(path, model, options);
    if (!read.ok) return void readErrors.set(file, read.error);
    for (const job of read.value) {
      jobs.push(job);
      fileOf.push(file);
    }
  });
  const name = transferable(model);
  const workers = name === undefined ? 1 : workersFor(jobs, options.workers ?? 'auto');
  const { workers: _workers, nowMs: _nowMs, onProgress: _onProgress, ...crossing } = options;
  const checked = workers === 1 || name === undefined
    ? jobs.map((job) => checkHistoryJob(job, model, options))
    : await onWorkers(jobs, { model: name, options: crossing }, workers);
  const results: FileCheckResult[] = [];
  const inputErrors: InputError[] = [];
  let j = 0;
  for (let file = 0; file < paths.length; file++) {
    const readError = readErrors.get(file);
    if (readError !== undefined) {
      inputErrors.push(readError);
      continue;
    }
    const mine: FileCheckResult[] = [];
    let error: InputError | undefined;
    for (; j < jobs.length && fileOf[j] === file; j++) {
      const one = checked[j] as Failable<FileCheckResult>;
      if (!one.ok) error ??= one.error;
      else mine.push(one.value);
    }
    if (error !== undefined) inputErrors.push(error);
    else results.push(...mine);
  }
  return { results, inputErrors };
}

/** The compiled worker script: beside this module when it is compiled, else in dist/ (when run from source). */
function workerUrl(): URL {
  const beside = new URL('./check-worker.js', import.meta.url);
  if (existsSync(beside)) return beside;
  const built = new URL('../../dist/properties/linearizability/check-worker.js', import.meta.url);
  if (existsSync(built)) return built;
  throw new Error(`no compiled check-history worker at ${beside.pathname} or ${built.pathname}; run npm run build`);
}

/** Checks `jobs` on `count` threads, the largest first; the replies are placed by job index. */
async function onWorkers(jobs: readonly HistoryJob[], data: CheckWorkerData, count: number): Promise<Failable<FileCheckResult>[]> {
  const order = jobs.map((_, i) => i).sort((a, b) => (jobs[b] as HistoryJob).history.length - (jobs[a] as HistoryJob).history.length || a - b);
  const replies = new Array<Failable<FileCheckResult>>(jobs.length);
  let next = 0;
  const script = workerUrl();
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData: data });
      let outstanding = -1;
      const feed = (): void => {
        outstanding = -1;
        if (next >= order.length) return void worker.terminate().then(() => resolve(), reject);
        outstanding = order[next++] as number;
        worker.postMessage({ index: outstanding, job: jobs[outstanding] as HistoryJob } satisfies CheckRequest);
      };
      worker.on('message', (reply: CheckReply) => {
        replies[reply.index] = reply.result;
        feed();
      });
      // A worker that fails stops the others from taking more work; one that ends with a job under way is a failure.
      worker.on('error', (error) => {
        next = order.length;
        reject(error);
      });
      worker.on('exit', (code) => {
        if (outstanding === -1) return;
        next = order.length;
        reject(new Error(`a check-history worker ended (exit code ${code}) while checking ${(jobs[outstanding] as HistoryJob).file}`));
      });
      feed();
    });
  await Promise.all(Array.from({ length: count }, runWorker));
  return replies;
}
