/** A fuzz worker thread: finds the job's scenario once, then runs the batches of seeds the campaign hands it. */
import { parentPort, workerData } from 'node:worker_threads';
import { scenarioOfJob } from './job-scenario.js';
import type { BatchRequest, CampaignJob, SeedOutcome, WorkerReply } from './protocol.js';
import { runSeed } from './run-seed.js';

const job = workerData as CampaignJob;
const port = parentPort;
if (port === null) throw new Error('search/fuzz/worker.js must run as a worker thread');
const scenario = scenarioOfJob(job);

port.on('message', (request: BatchRequest) => {
  void scenario.then((found) => {
    if (!found.ok) {
      port.postMessage({ kind: 'input-error', error: found.error } satisfies WorkerReply);
      return;
    }
    const outcomes: SeedOutcome[] = [];
    for (const [i, seed] of request.seeds.entries()) {
      const outcome = runSeed(job, found.value, seed, request.inputs?.[i]);
      if (!outcome.ok) {
        port.postMessage({ kind: 'input-error', error: outcome.error } satisfies WorkerReply);
        return;
      }
      outcomes.push(outcome.value);
    }
    port.postMessage({ kind: 'batch', batch: request.batch, outcomes } satisfies WorkerReply);
  });
});
