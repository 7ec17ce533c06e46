/**
 * `durable-log`: a client (p0) writes 20 entries to two servers, which log them with checksums and acknowledge each
 * once its fsync completed; random crashes and restarts of any node, and storage faults: a crash loses unsynced
 * writes or tears the last, reads fail (latent errors), fsyncs are delayed. The plan heals at tick 400.
 */
import type { State } from '../execution/types.js';
import { DURABLE_LOG_BUGS, durableLogProtocol, type DurableLogBug } from '../protocols/durable-log/index.js';
import type { FaultPlan } from '../sim/plan.js';
import { ackedWritesSurvive, logHoldsWrittenValues } from './properties/durable-log.js';
import type { Scenario } from './types.js';

/** The heal point. */
export const DURABLE_LOG_HEAL_AT_TICKS = 400;

/** The plan every variant runs under. */
export const DURABLE_LOG_FAULTS: FaultPlan = {
  network: { delayTicksMin: 1, delayTicksMax: 6, loss: [1, 50], duplication: [1, 50], ordering: 'unordered' },
  random: { stepTicks: 10, crash: [1, 6], restart: [1, 2], partition: [0, 1], heal: [0, 1], pause: [0, 1], resume: [0, 1], downMax: 1 },
  storage: { lose: [1, 3], torn: [1, 2], readError: [1, 8], fsyncDelay: [1, 2], fsyncTicks: 3, fsyncDelayTicksMax: 20 },
  healAtTicks: DURABLE_LOG_HEAL_AT_TICKS,
};

/** `client`, `server|ready|unsynced`, `server|recovering|synced`: a node's role and phase, and whether it waits on an fsync. */
export function durableLogAbstractState(o: State): string {
  if (o['role'] === 'client') return 'client';
  return `server|${String(o['phase'])}|${o['synced'] === o['len'] ? 'synced' : 'unsynced'}`;
}

const PROPERTIES = [ackedWritesSurvive, logHoldsWrittenValues] as const;

export const durableLogScenario: Scenario = {
  name: 'durable-log',
  protocol: 'durable-log',
  description:
    'a client writes 20 entries to two servers that log with checksums and acknowledge after fsync; random crashes and restarts, lost and torn unsynced writes, latent read errors, delayed fsyncs; heals at tick 400',
  nodesDefault: 3,
  nodesMin: 2,
  nodesMax: 8,
  bugs: DURABLE_LOG_BUGS,
  properties: PROPERTIES.map((p) => p.name),
  build: ({ bug }) => ({
    protocol: durableLogProtocol({ bug: bug as DurableLogBug | undefined }),
    faults: DURABLE_LOG_FAULTS,
    limits: { timeTicksMax: 700, eventsMax: 5_000 },
    properties: PROPERTIES,
    abstractState: durableLogAbstractState,
  }),
};

/** For the registry (scenarios/index.ts). */
export const durableLogScenarios = { 'durable-log': durableLogScenario } satisfies Record<string, Scenario>;
