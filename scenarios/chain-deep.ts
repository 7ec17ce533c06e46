/**
 * `chain/two-faults`: chain replication with five replicas under random crashes and restarts of any node, up to two
 * down at once, so a second replica can fail while the master is still reconfiguring around the first. Same network,
 * lossy client links, heal point and properties as the other chain scenarios (scenarios/chain.ts).
 */
import type { State } from '../execution/types.js';
import { chainProtocol, type ChainDeepBug } from '../protocols/chain/index.js';
import type { FaultPlan } from '../sim/plan.js';
import { CLIENT_LOSS, linearizable, lossyClientLinks, NETWORK, updatePropagation } from './chain.js';
import type { Scenario } from './types.js';

const BUGS: Readonly<Record<ChainDeepBug, string>> = {
  'predack-any-epoch':
    "the master matches a successor's predAck to its middle-failure step by sender only, not epoch: when the step is aborted (the predecessor failed too) and redone with the same successor, the old step's late ack completes the new one before the successor has switched to its new predecessor, whose resent updates it then drops",
};

const REPLICAS = 5;
const HEAL_AT_TICKS = 700;

function faults(nodes: number): FaultPlan {
  return {
    network: NETWORK,
    links: lossyClientLinks(nodes, REPLICAS + 1, CLIENT_LOSS),
    random: { stepTicks: 20, crash: [1, 4], restart: [1, 3], partition: [0, 1], heal: [0, 1], pause: [0, 1], resume: [0, 1], downMax: 2 },
    healAtTicks: HEAL_AT_TICKS,
  };
}

/** `master|middle`, `replica|middle|sent:some`, `client`: a node's part and role, and whether it holds unacked updates. */
export function chainAbstractState(o: State): string {
  if (o['role'] === 'master') return `master|${String(o['step'])}`;
  if (o['role'] === 'client') return 'client';
  return `replica|${String(o['role'])}|sent:${o['sentLen'] === 0 ? 'none' : 'some'}`;
}

const replicaNodes = Array.from({ length: REPLICAS }, (_, i) => i + 1);
const propagation = updatePropagation(replicaNodes);

export const chainTwoFaultsScenario: Scenario = {
  name: 'chain/two-faults',
  protocol: 'chain',
  description:
    'chain replication (5 replicas, master p0, 3 clients) under random crashes and restarts of any node, up to two down at once (restarted replicas rejoin at the tail); delays 1..15, lossy client links; heals at tick 700',
  nodesDefault: REPLICAS + 4,
  nodesMin: REPLICAS + 2,
  bugs: BUGS,
  properties: [linearizable.name, propagation.name],
  build: ({ bug, nodes }) => ({
    protocol: chainProtocol({ replicas: REPLICAS, bug: bug as ChainDeepBug | undefined }),
    faults: faults(nodes),
    limits: { timeTicksMax: 1_000, eventsMax: 5_000 },
    properties: [linearizable, propagation],
    abstractState: chainAbstractState,
  }),
};

/** For the registry (scenarios/index.ts). */
export const chainDeepScenarios = { 'chain/two-faults': chainTwoFaultsScenario } satisfies Record<string, Scenario>;
