/**
 * A check-history worker thread (see pool.ts): checks the histories it is handed, one at a time, against the
 * built-in model it was started with, and sends back each result (plain data) under the job's index.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { checkHistoryJob } from './files.js';
import type { CheckReply, CheckRequest, CheckWorkerData } from './pool.js';

const data = workerData as CheckWorkerData;
const port = parentPort;
if (port === null) throw new Error('properties/linearizability/check-worker.js must run as a worker thread');
const options = { ...data.options, nowMs: () => performance.now() };

port.on('message', (request: CheckRequest) => {
  const result = checkHistoryJob(request.job, data.model, options);
  port.postMessage({ index: request.index, result } satisfies CheckReply);
});
