/**
 * A shrink worker thread: finds the job's scenario once, then re-runs and shrinks the failing seeds it is handed, one
 * at a time. Shrinking runs here, not on the main thread, so the main thread stays free to hear a signal: it sets
 * the shared stop flag, which the shrink reads before each candidate run (a busy thread never sees an event).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { scenarioOfJob } from './job-scenario.js';
import { reproduceOne } from './reproduce.js';
import type { ShrinkReply, ShrinkRequest, ShrinkWorkerData } from './shrink-pool.js';

const data = workerData as ShrinkWorkerData;
const port = parentPort;
if (port === null) throw new Error('search/fuzz/shrink-worker.js must run as a worker thread');
const stopFlag = new Int32Array(data.stop);
const signal = { get aborted() { return Atomics.load(stopFlag, 0) !== 0; } };
const scenario = scenarioOfJob(data.job);

port.on('message', (request: ShrinkRequest) => {
  void scenario.then((found) => {
    if (!found.ok) return port.postMessage({ kind: 'input-error', error: found.error } satisfies ShrinkReply);
    const shrink = { ...request.shrink, signal };
    const one = reproduceOne(found.value, data.job, request.failure, shrink);
    if (!one.ok) return port.postMessage({ kind: 'input-error', error: one.error } satisfies ShrinkReply);
    const f = one.value;
    const r = f.report;
    const source = {
      scenario: r.scenario,
      bug: r.bug,
      seed: r.seed,
      nodes: r.nodes,
      eventsMax: r.eventsMax,
      timeTicksMax: r.timeTicksMax,
      swarm: r.swarm === true,
      schedule: r.schedule.map((c) => ({ kind: c.kind, value: c.value })),
      traceHash: r.traceHash,
      scriptedFaultsSkipped: r.scriptedFaultsSkipped,
      definition: r.definition.origin === undefined ? {} : { origin: { ...r.definition.origin } },
    };
    const reply: ShrinkReply = { kind: 'shrunk', index: request.index, source, message: f.message, shrunk: f.shrunk, origin: f.origin, shrinkStop: f.shrinkStop };
    return port.postMessage(reply);
  });
});
