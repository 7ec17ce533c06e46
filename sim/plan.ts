/**
 * Fault plans as data: the network's behaviour, scripted faults, random faults and the heal point.
 *
 * A plan is validated (`validatePlan`, sim/validate.ts) before a run. Probabilities are integer ratios
 * `[numerator, denominator]`, never floats, so a plan means the same thing on every machine.
 */
import type { NodeId } from './process.js';

/** A probability as `[numerator, denominator]`: `[1, 10]` is one in ten; `[0, 1]` never. */
export type Ratio = readonly [numerator: number, denominator: number];

/** The ratio that never happens. */
export const NEVER: Ratio = [0, 1];

/** How one link (or every link) behaves. */
export interface LinkBehaviour {
  /** Delivery delay drawn uniformly (a recorded `delay` choice) from `[delayTicksMin, delayTicksMax]`; min ≥ 1. */
  readonly delayTicksMin: number;
  readonly delayTicksMax: number;
  /** Chance a message is lost (`drop` choice, drop reason `loss`). */
  readonly loss: Ratio;
  /** Chance a message is delivered twice (`duplicate` choice); the copy has its own delay. */
  readonly duplication: Ratio;
  /** `fifo`: a link never reorders (a message is never delivered before an earlier one); `unordered`: it may. */
  readonly ordering: 'fifo' | 'unordered';
}

/** A per-link override of the default behaviour (directed: `from` → `to`). */
export interface LinkOverride extends Partial<LinkBehaviour> {
  readonly from: NodeId;
  readonly to: NodeId;
}

/** A fault the plan can apply. Partitions accumulate until `heal`. */
export type FaultAction =
  /** Volatile state and timers are lost; messages arriving while down are dropped (reason `crashed`). */
  | { readonly kind: 'crash'; readonly node: NodeId }
  /** The node comes back through `onRecover(durable)`. No effect when it is up. */
  | { readonly kind: 'restart'; readonly node: NodeId }
  /** Deliveries and timers for a paused node are held and happen, in order, when it resumes (nothing is lost). */
  | { readonly kind: 'pause'; readonly node: NodeId }
  | { readonly kind: 'resume'; readonly node: NodeId }
  /** Blocks every link from a node of `from` to a node of `to` (`one-way`), or both directions (`symmetric`). */
  | {
      readonly kind: 'partition';
      readonly mode: 'symmetric' | 'one-way';
      readonly from: readonly NodeId[];
      readonly to: readonly NodeId[];
    }
  /** Splits the cluster in two: `side` and everyone else (symmetric). */
  | { readonly kind: 'split'; readonly side: readonly NodeId[] }
  /** Cuts one node off from all others (symmetric). */
  | { readonly kind: 'isolate'; readonly node: NodeId }
  /** Removes every partition. */
  | { readonly kind: 'heal' };

/** A fault at a given virtual time. */
export interface ScriptedFault {
  readonly atTicks: number;
  readonly action: FaultAction;
}

/**
 * Random faults: every `stepTicks` a fault step draws (as recorded choices) whether to crash an up node, restart a
 * crashed node, partition, heal partitions, pause or resume a node. Which node and which partition shape are
 * recorded choices too.
 */
export interface RandomFaults {
  readonly stepTicks: number;
  readonly crash: Ratio;
  readonly restart: Ratio;
  readonly partition: Ratio;
  readonly heal: Ratio;
  readonly pause: Ratio;
  readonly resume: Ratio;
  /** At most this many nodes down (crashed or paused) at once; default: a minority, `floor((n - 1) / 2)`. */
  readonly downMax?: number;
}

/**
 * Storage faults (docs/storage.md), for protocols that use `ctx.storage`; each is a recorded `storage:*` choice whose
 * default is "no fault". Without this field storage never fails and an fsync completes after 1 tick.
 */
export interface StorageFaults {
  /** At a crash, the node's unsynced writes are lost (`storage:lose`): all, or a suffix (`storage:kept` survive). */
  readonly lose: Ratio;
  /** At a crash, the last unsynced write that survives is torn: cut to a shorter prefix (`storage:torn`). */
  readonly torn: Ratio;
  /** A read (`log()`, `get(k)`) answers a latent read error (`storage:read-error`). */
  readonly readError: Ratio;
  /** An fsync completes `1..fsyncDelayTicksMax` ticks late (`storage:fsync-delay`, `storage:fsync-delay-ticks`). */
  readonly fsyncDelay: Ratio;
  /** Ticks an fsync takes when not delayed (default 1, at least 1). */
  readonly fsyncTicks?: number;
  /** Extra ticks of a delayed fsync at most (default 20). */
  readonly fsyncDelayTicksMax?: number;
}

/** The whole fault plan of a run. */
export interface FaultPlan {
  readonly network: LinkBehaviour;
  readonly links?: readonly LinkOverride[];
  readonly scripted?: readonly ScriptedFault[];
  readonly random?: RandomFaults;
  /**
   * Swarm mode: before the run, draw the network's loss, duplication and delay spread and the random-fault ratios
   * from the seed (recorded `swarm:*` choices), so different seeds stress different mixes. Replaces `random`.
   */
  readonly swarm?: boolean;
  /**
   * The heal point (start of the liveness phase): at this time every partition is healed, crashed nodes restart,
   * paused nodes resume, loss and duplication become zero, and no further fault (scripted, random or storage) happens.
   */
  readonly healAtTicks?: number;
  /** Storage faults, for protocols that use `ctx.storage` (swarm mode leaves them as they are). */
  readonly storage?: StorageFaults;
  /** Per-node clock skew: local time = floor(virtual × ratePercent / 100) + offsetTicks; timers run at that rate. */
  readonly clockSkews?: readonly { readonly node: NodeId; readonly offsetTicks: number; readonly ratePercent: number }[];
}

/** A reliable FIFO network with delays 1..5 ticks and no faults. */
export const NETWORK_RELIABLE: LinkBehaviour = {
  delayTicksMin: 1,
  delayTicksMax: 5,
  loss: NEVER,
  duplication: NEVER,
  ordering: 'fifo',
};
