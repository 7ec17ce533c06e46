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
  /** Cuts `nodes` (default: every node, in order) into a shape from Jepsen's nemeses (sim/partition-shapes.ts). */
  | { readonly kind: 'partition-shape'; readonly shape: PartitionShape; readonly nodes?: readonly NodeId[] }
  /** Removes every partition. */
  | { readonly kind: 'heal' }
  /**
   * Slows every link from a node of `from` to a node of `to` (and back when `symmetric`): a message sent over it
   * takes `factor` times its drawn delay, until `unclog` (TigerBeetle's clogged paths, slowed instead of stopped).
   */
  | {
      readonly kind: 'clog';
      readonly mode: 'symmetric' | 'one-way';
      readonly from: readonly NodeId[];
      readonly to: readonly NodeId[];
      readonly factor: number;
    }
  /** Removes every clog. */
  | { readonly kind: 'unclog' };

/**
 * Partition shapes laid over an ordered list of nodes (s of them): `isolate` cuts the first off from the rest;
 * `majority` cuts the first floor(s/2) (a minority) from the rest; `bridge` cuts the first floor(s/2) from the nodes
 * after the next one, which stays joined to both; `ring` keeps each node's links to its ring neighbours only, within
 * the distance that makes each see a majority; `send-only`: the first node sends but receives nothing; `receive-only`:
 * it receives but nothing it sends arrives.
 */
export const PARTITION_SHAPES = ['isolate', 'majority', 'bridge', 'ring', 'send-only', 'receive-only'] as const;
export type PartitionShape = (typeof PARTITION_SHAPES)[number];

/**
 * The shapes the random step draws from: the ordered shapes, plus `split` (each node on a side by a fair coin) and
 * `one-way-link` (one directed link). The default, `['isolate', 'split', 'one-way-link']`, is what it always drew.
 */
export const RANDOM_PARTITION_SHAPES = [...PARTITION_SHAPES, 'split', 'one-way-link'] as const;
export type RandomPartitionShape = (typeof RANDOM_PARTITION_SHAPES)[number];
export const RANDOM_PARTITION_SHAPES_DEFAULT: readonly RandomPartitionShape[] = ['isolate', 'split', 'one-way-link'];

/**
 * One kind of random fault: its ratio per step, alone or with the nodes it may strike (replacing `random.nodes`) and,
 * for crash and pause, at most how many of those nodes may be down at once.
 */
export type KindFaults = Ratio | { readonly ratio: Ratio; readonly nodes?: readonly NodeId[]; readonly downMax?: number };

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
  readonly crash: KindFaults;
  readonly restart: KindFaults;
  readonly partition: KindFaults;
  readonly heal: Ratio;
  readonly pause: KindFaults;
  readonly resume: KindFaults;
  /** Chance to clog one node's links (to the other nodes of the clog set) by a factor 2..`clogFactorMax`. */
  readonly clog?: KindFaults;
  /** Chance to remove every clog, when some link is clogged; absent: clogs last until the heal point. */
  readonly unclog?: Ratio;
  /** Largest random clog factor; default 10. */
  readonly clogFactorMax?: number;
  /** The nodes random faults may strike (default: all); a node outside is never crashed, paused or cut off. */
  readonly nodes?: readonly NodeId[];
  /**
   * At most this many nodes of `nodes` down (crashed or paused) at once; default: a minority of the cluster,
   * `floor((n - 1) / 2)`.
   */
  readonly downMax?: number;
  /** The shapes a random partition is drawn from (a recorded choice); default `RANDOM_PARTITION_SHAPES_DEFAULT`. */
  readonly partitionShapes?: readonly RandomPartitionShape[];
  /** At most this many random crashes in a run (scripted ones do not count); default: no limit. */
  readonly crashesMax?: number;
  readonly pausesMax?: number;
  readonly partitionsMax?: number;
  readonly clogsMax?: number;
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
