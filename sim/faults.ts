/**
 * Applying faults: scripted actions, the random fault step and swarm plans. Every random decision is a recorded
 * choice whose default (on replay fallback) is "no fault".
 */
import type { Chooser } from './chooser.js';
import type { Network } from './network.js';
import { NEVER, type FaultAction, type FaultPlan, type RandomFaults, type Ratio } from './plan.js';
import type { NodeId } from './process.js';

/** What faults act on (implemented by the simulation). */
export interface World {
  readonly n: number;
  readonly chooser: Chooser;
  readonly network: Network;
  readonly up: Uint8Array;
  readonly paused: Uint8Array;
  crash(node: NodeId): void;
  restart(node: NodeId): void;
  pause(node: NodeId): void;
  resume(node: NodeId): void;
}

/** Applies one fault action. */
export function applyFault(world: World, action: FaultAction): void {
  switch (action.kind) {
    case 'crash':
      return world.crash(action.node);
    case 'restart':
      return world.restart(action.node);
    case 'pause':
      return world.pause(action.node);
    case 'resume':
      return world.resume(action.node);
    case 'partition':
      return world.network.blockGroups(action.from, action.to, action.mode === 'symmetric');
    case 'split': {
      const other = allNodes(world.n).filter((x) => !action.side.includes(x));
      return world.network.blockGroups(action.side, other, true);
    }
    case 'isolate':
      return world.network.blockGroups([action.node], allNodes(world.n), true);
    case 'heal':
      return world.network.heal();
  }
}

/** One random fault step: each kind of fault happens with its ratio, on a node chosen by a recorded choice. */
export function randomFaultStep(world: World, random: RandomFaults): void {
  const c = world.chooser;
  const n = world.n;
  const downMax = random.downMax ?? Math.floor((n - 1) / 2);
  const running = nodesWhere(n, (x) => world.up[x] === 1 && world.paused[x] === 0);
  const down = n - running.length;
  if (down < downMax && running.length > 0 && c.chance('fault:crash', random.crash)) {
    world.crash(running[c.intRange('fault:crash-node', 0, running.length - 1)]!);
  } else if (down < downMax && running.length > 0 && c.chance('fault:pause', random.pause)) {
    world.pause(running[c.intRange('fault:pause-node', 0, running.length - 1)]!);
  }
  const crashed = nodesWhere(n, (x) => world.up[x] === 0);
  if (crashed.length > 0 && c.chance('fault:restart', random.restart)) {
    world.restart(crashed[c.intRange('fault:restart-node', 0, crashed.length - 1)]!);
  }
  const paused = nodesWhere(n, (x) => world.paused[x] === 1);
  if (paused.length > 0 && c.chance('fault:resume', random.resume)) {
    world.resume(paused[c.intRange('fault:resume-node', 0, paused.length - 1)]!);
  }
  if (world.network.partitioned && c.chance('fault:heal', random.heal)) {
    world.network.heal();
  } else if (n > 1 && c.chance('fault:partition', random.partition)) {
    partitionAtRandom(world, c);
  }
}

function partitionAtRandom(world: World, c: Chooser): void {
  const n = world.n;
  const shape = c.intRange('fault:partition-shape', 0, 2);
  if (shape === 0) {
    applyFault(world, { kind: 'isolate', node: c.intRange('fault:partition-node', 0, n - 1) });
  } else if (shape === 1) {
    const side = nodesWhere(n, () => c.chance('fault:split-side', [1, 2]));
    applyFault(world, { kind: 'split', side });
  } else {
    const from = c.intRange('fault:partition-node', 0, n - 1);
    const to = (from + 1 + c.intRange('fault:partition-peer', 0, n - 2)) % n;
    applyFault(world, { kind: 'partition', mode: 'one-way', from: [from], to: [to] });
  }
}

const SWARM_LOSS: readonly Ratio[] = [NEVER, [1, 100], [1, 20], [1, 5]];
const SWARM_DUPLICATION: readonly Ratio[] = [NEVER, [1, 100], [1, 10]];
const SWARM_FAULT: readonly Ratio[] = [NEVER, [1, 50], [1, 10], [1, 3]];
const SWARM_HEAL: readonly Ratio[] = [[1, 2], [1, 10]];
/** Step of swarm random faults when the plan has none, in ticks. */
export const SWARM_STEP_TICKS_DEFAULT = 20;

/**
 * Draws a plan from the seed (recorded `swarm:*` choices; option 0 is always the calmest): loss, duplication, extra
 * delay spread, and random crash/pause/partition ratios. Scripted faults, links, skews and the heal point are kept.
 */
export function swarmPlan(plan: FaultPlan, c: Chooser): FaultPlan {
  const pick = (kind: string, options: readonly Ratio[]): Ratio => options[c.intRange(kind, 0, options.length - 1)]!;
  const loss = pick('swarm:loss', SWARM_LOSS);
  const duplication = pick('swarm:duplication', SWARM_DUPLICATION);
  const spreadTicks = c.intRange('swarm:delay-spread', 0, 20);
  const ordering = c.intRange('swarm:unordered', 0, 1) === 1 ? 'unordered' : plan.network.ordering;
  const random: RandomFaults = {
    stepTicks: plan.random?.stepTicks ?? SWARM_STEP_TICKS_DEFAULT,
    crash: pick('swarm:crash', SWARM_FAULT),
    pause: pick('swarm:pause', SWARM_FAULT),
    partition: pick('swarm:partition', SWARM_FAULT),
    restart: pick('swarm:restart', SWARM_HEAL),
    resume: pick('swarm:resume', SWARM_HEAL),
    heal: pick('swarm:heal', SWARM_HEAL),
    ...(plan.random?.downMax === undefined ? {} : { downMax: plan.random.downMax }),
  };
  const network = {
    ...plan.network,
    loss,
    duplication,
    ordering,
    delayTicksMax: plan.network.delayTicksMax + spreadTicks,
  } as const;
  return { ...plan, swarm: false, network, random };
}

function allNodes(n: number): NodeId[] {
  return Array.from({ length: n }, (_, i) => i);
}

function nodesWhere(n: number, pred: (x: NodeId) => boolean): NodeId[] {
  const out: NodeId[] = [];
  for (let x = 0; x < n; x++) if (pred(x)) out.push(x);
  return out;
}
