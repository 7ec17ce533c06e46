/** A fuzz worker thread: runs the batches of seeds the campaign hands it, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchRequest, CampaignJob, SeedOutcome, WorkerReply } from './protocol.js';
import { runSeed } from './run-seed.js';

const job = workerData as CampaignJob;
const port = parentPort;
if (port === null) throw new Error('fuzz/worker.js must run as a worker thread');

port.on('message', (request: BatchRequest) => {
  const outcomes: SeedOutcome[] = [];
  for (const seed of request.seeds) {
    const outcome = runSeed(job, seed);
    if (!outcome.ok) {
      port.postMessage({ kind: 'input-error', error: outcome.error } satisfies WorkerReply);
      return;
    }
    outcomes.push(outcome.value);
  }
  port.postMessage({ kind: 'batch', batch: request.batch, outcomes } satisfies WorkerReply);
});
