/**
 * `lease-lock`: a lock server (p0) grants leases with fencing tokens to three clients (p1..p3), which write to a
 * storage node (p4) under the lock; random crashes and restarts of any node, partitions, loss, duplication and
 * reordering; the plan heals at tick 500.
 */
import type { State } from '../execution/types.js';
import { LEASE_LOCK_BUGS, leaseLockProtocol, type LeaseLockBug } from '../protocols/lease-lock/index.js';
import type { FaultPlan } from '../sim/plan.js';
import { fencedWrites, mutualExclusionInTime } from './properties/lease-lock.js';
import type { Scenario } from './types.js';

/** The heal point. */
export const LEASE_LOCK_HEAL_AT_TICKS = 500;

/** The plan every variant runs under. */
export const LEASE_LOCK_FAULTS: FaultPlan = {
  network: { delayTicksMin: 1, delayTicksMax: 10, loss: [1, 20], duplication: [1, 10], ordering: 'unordered' },
  random: { stepTicks: 10, crash: [1, 40], restart: [1, 2], partition: [1, 12], heal: [1, 4], pause: [0, 1], resume: [0, 1], downMax: 1 },
  healAtTicks: LEASE_LOCK_HEAL_AT_TICKS,
};

/**
 * `server|held|grace:false`, `client|holding|write:pending`, `storage|fence:set`: what each node is doing, without
 * node ids, tokens or values.
 */
export function leaseLockAbstractState(o: State): string {
  switch (o['role']) {
    case 'server':
      return `server|${o['holder'] === -1 ? 'free' : 'held'}|grace:${String(o['grace'])}`;
    case 'client':
      return `client|${String(o['phase'])}|write:${o['writePending'] === true ? 'pending' : 'none'}`;
    default:
      return `storage|fence:${o['fence'] === 0 ? 'none' : 'set'}`;
  }
}

const PROPERTIES = [mutualExclusionInTime, fencedWrites] as const;

export const leaseLockScenario: Scenario = {
  name: 'lease-lock',
  protocol: 'lease-lock',
  description:
    'a lease lock with fencing tokens: server p0, clients p1..p3 writing to storage p4 under the lock, three cycles each; random crashes and restarts, partitions, loss, duplication, reordering; heals at tick 500',
  nodesDefault: 5,
  nodesMin: 3,
  nodesMax: 8,
  bugs: LEASE_LOCK_BUGS,
  properties: PROPERTIES.map((p) => p.name),
  build: ({ bug }) => ({
    protocol: leaseLockProtocol({ bug: bug as LeaseLockBug | undefined }),
    faults: LEASE_LOCK_FAULTS,
    limits: { timeTicksMax: 800, eventsMax: 5_000 },
    properties: PROPERTIES,
    abstractState: leaseLockAbstractState,
  }),
};

/** For the registry (scenarios/index.ts). */
export const leaseLockScenarios = { 'lease-lock': leaseLockScenario } satisfies Record<string, Scenario>;
