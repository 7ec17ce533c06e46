/**
 * Applying faults: scripted actions and swarm plans (the random fault step is sim/random-faults.ts). Every random
 * decision is a recorded choice whose default (on replay fallback) is "no fault".
 */
import type { Chooser } from './chooser.js';
import type { Network } from './network.js';
import { shapeLinks } from './partition-shapes.js';
import { NEVER, type FaultAction, type FaultPlan, type KindFaults, type RandomFaults, type Ratio } from './plan.js';
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
  /** Notes a network fault (`partition:<shape>`, `heal`, `clog`, `unclog`) by the links it changed (none: it did not fire). */
  noteNetworkFault(kind: string, links: readonly number[]): void;
}

/** Applies one fault action, noting the network faults that changed some link. */
export function applyFault(world: World, action: FaultAction): void {
  const net = world.network;
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
      return world.noteNetworkFault('partition:groups', net.blockGroups(action.from, action.to, action.mode === 'symmetric'));
    case 'split': {
      const other = allNodes(world.n).filter((x) => !action.side.includes(x));
      return world.noteNetworkFault('partition:split', net.blockGroups(action.side, other, true));
    }
    case 'isolate':
      return world.noteNetworkFault('partition:isolate', net.blockGroups([action.node], allNodes(world.n), true));
    case 'partition-shape': {
      const links = shapeLinks(action.shape, action.nodes ?? allNodes(world.n));
      return world.noteNetworkFault(`partition:${action.shape}`, net.blockLinks(links));
    }
    case 'heal':
      return world.noteNetworkFault('heal', net.heal());
    case 'clog':
      return world.noteNetworkFault('clog', net.clogGroups(action.from, action.to, action.mode === 'symmetric', action.factor));
    case 'unclog':
      return world.noteNetworkFault('unclog', net.unclog());
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
 * delay spread, and random crash/pause/partition ratios. Scripted faults, links, skews and the heal point are kept,
 * and so are the plan's node sets, budgets, partition shapes and clogs (its ratios are what swarm draws).
 */
export function swarmPlan(plan: FaultPlan, c: Chooser): FaultPlan {
  const pick = (kind: string, options: readonly Ratio[]): Ratio => options[c.intRange(kind, 0, options.length - 1)]!;
  const loss = pick('swarm:loss', SWARM_LOSS);
  const duplication = pick('swarm:duplication', SWARM_DUPLICATION);
  const spreadTicks = c.intRange('swarm:delay-spread', 0, 20);
  const ordering = c.intRange('swarm:unordered', 0, 1) === 1 ? 'unordered' : plan.network.ordering;
  const was = plan.random;
  // A kind keeps its own node set and down limit; only its ratio is drawn.
  const kind = (k: KindFaults | undefined, ratio: Ratio): KindFaults => (k !== undefined && 'ratio' in k ? { ...k, ratio } : ratio);
  const random: RandomFaults = {
    ...was,
    stepTicks: was?.stepTicks ?? SWARM_STEP_TICKS_DEFAULT,
    crash: kind(was?.crash, pick('swarm:crash', SWARM_FAULT)),
    pause: kind(was?.pause, pick('swarm:pause', SWARM_FAULT)),
    partition: kind(was?.partition, pick('swarm:partition', SWARM_FAULT)),
    restart: kind(was?.restart, pick('swarm:restart', SWARM_HEAL)),
    resume: kind(was?.resume, pick('swarm:resume', SWARM_HEAL)),
    heal: pick('swarm:heal', SWARM_HEAL),
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
