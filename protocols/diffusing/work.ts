/**
 * A diffusing computation, shared by the termination detectors (Safra, Dijkstra–Scholten).
 *
 * Node 0 starts it with one work item of depth 0. Working on an item takes a randomised number of ticks (a `work`
 * timer); when it is done the item spawns a randomised number of children (depth + 1) sent to randomly chosen other
 * nodes. Items at `depthMax` spawn nothing, so the computation is bounded: at most
 * `1 + fanOutMax + fanOutMax² + … + fanOutMax^depthMax` items. A node is *active* while it holds unfinished items
 * and *passive* otherwise; only a received work item makes a passive node active again.
 *
 * These are pure helpers: the detector wraps them, sends the spawned items itself and does its own bookkeeping
 * (counters, deficits). Every random decision goes through `ctx.choose`/`ctx.chooseInt`.
 */
import type { Context, NodeId } from '../../sim/process.js';

/** Shape of the computation. */
export interface WorkConfig {
  /** Items at this depth spawn no children. */
  readonly depthMax: number;
  /** Children per item are drawn from `[0, fanOutMax]` (from `[1, fanOutMax]` for the root item). */
  readonly fanOutMax: number;
  /** Ticks spent on one item, drawn from `[workTicksMin, workTicksMax]` (min ≥ 1). */
  readonly workTicksMin: number;
  readonly workTicksMax: number;
}

/** A node's part of the computation. */
export interface WorkState {
  /** True while the node holds unfinished items (and its `work` timer is armed). */
  readonly active: boolean;
  /** Depths of the items not yet worked on, oldest first. */
  readonly queue: readonly number[];
}

/** A work item to send: to whom, and its depth. */
export interface Spawn {
  readonly to: NodeId;
  readonly depth: number;
}

/** Name of the timer that ends work on one item. */
export const WORK_TIMER = 'work';

const PASSIVE: WorkState = { active: false, queue: [] };

/** A node's first state: node 0 is active with the root item, every other node passive. */
export function workStart(config: WorkConfig, ctx: Context<unknown, unknown>): WorkState {
  if (ctx.self !== 0) return PASSIVE;
  armWork(config, ctx);
  return { active: true, queue: [0] };
}

/** Takes in a received item of `depth`; a passive node becomes active. */
export function workReceive(w: WorkState, depth: number, config: WorkConfig, ctx: Context<unknown, unknown>): WorkState {
  if (!w.active) armWork(config, ctx);
  return { active: true, queue: [...w.queue, depth] };
}

/**
 * Finishes the oldest item (on the `work` timer): returns the children to send and the next state, passive when no
 * item is left.
 */
export function workStep(
  w: WorkState,
  config: WorkConfig,
  ctx: Context<unknown, unknown>,
): { readonly work: WorkState; readonly spawns: readonly Spawn[] } {
  if (!w.active || w.queue.length === 0) throw new Error('work timer fired on a passive node');
  const [depth, ...rest] = w.queue as [number, ...number[]];
  const spawns: Spawn[] = [];
  if (depth < config.depthMax && ctx.nodeCount > 1) {
    const fanOut = ctx.chooseInt('fan-out', depth === 0 ? 1 : 0, config.fanOutMax);
    for (let i = 0; i < fanOut; i++) {
      const r = ctx.choose('work-to', ctx.nodeCount - 1);
      spawns.push({ to: r >= ctx.self ? r + 1 : r, depth: depth + 1 });
    }
  }
  if (rest.length === 0) return { work: PASSIVE, spawns };
  armWork(config, ctx);
  return { work: { active: true, queue: rest }, spawns };
}

function armWork(config: WorkConfig, ctx: Context<unknown, unknown>): void {
  ctx.setTimer(WORK_TIMER, ctx.chooseInt('work-ticks', config.workTicksMin, config.workTicksMax));
}
