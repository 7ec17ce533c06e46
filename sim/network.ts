/**
 * The simulated network: per-link behaviour tables and the partition matrix. Partitions are checked when a message
 * is sent: a message sent over a blocked link is dropped (reason `partition`); one already in flight is delivered.
 */
import type { FaultPlan, LinkBehaviour, Ratio } from './plan.js';
import type { NodeId } from './process.js';

export class Network {
  readonly delayTicksMin: Int32Array;
  readonly delayTicksMax: Int32Array;
  readonly loss: Ratio[];
  readonly duplication: Ratio[];
  readonly fifo: Uint8Array;
  /** Latest delivery time scheduled on each link (FIFO links never deliver before it). */
  readonly lastDeliveryTicks: Float64Array;
  /** 1 where the link `from * n + to` is blocked by a partition. */
  readonly blocked: Uint8Array;
  private blockedCount = 0;

  constructor(
    readonly nodeCount: number,
    network: LinkBehaviour,
    links: FaultPlan['links'],
  ) {
    const size = nodeCount * nodeCount;
    this.delayTicksMin = new Int32Array(size).fill(network.delayTicksMin);
    this.delayTicksMax = new Int32Array(size).fill(network.delayTicksMax);
    this.loss = new Array<Ratio>(size).fill(network.loss);
    this.duplication = new Array<Ratio>(size).fill(network.duplication);
    this.fifo = new Uint8Array(size).fill(network.ordering === 'fifo' ? 1 : 0);
    this.lastDeliveryTicks = new Float64Array(size);
    this.blocked = new Uint8Array(size);
    for (const o of links ?? []) {
      const l = o.from * nodeCount + o.to;
      if (o.delayTicksMin !== undefined) this.delayTicksMin[l] = o.delayTicksMin;
      if (o.delayTicksMax !== undefined) this.delayTicksMax[l] = o.delayTicksMax;
      if (o.loss !== undefined) this.loss[l] = o.loss;
      if (o.duplication !== undefined) this.duplication[l] = o.duplication;
      if (o.ordering !== undefined) this.fifo[l] = o.ordering === 'fifo' ? 1 : 0;
    }
  }

  /** True when some link is blocked. */
  get partitioned(): boolean {
    return this.blockedCount > 0;
  }

  /** Blocks the link from → to (never a node's link to itself). */
  block(from: NodeId, to: NodeId): void {
    if (from === to) return;
    const l = from * this.nodeCount + to;
    if (this.blocked[l] === 0) {
      this.blocked[l] = 1;
      this.blockedCount++;
    }
  }

  /** Blocks every link from a node of `a` to a node of `b`, and back when `symmetric`. */
  blockGroups(a: readonly NodeId[], b: readonly NodeId[], symmetric: boolean): void {
    for (const x of a) {
      for (const y of b) {
        this.block(x, y);
        if (symmetric) this.block(y, x);
      }
    }
  }

  /** Removes every partition. */
  heal(): void {
    this.blocked.fill(0);
    this.blockedCount = 0;
  }

  /** No more loss or duplication on any link (the liveness phase). */
  calm(): void {
    this.loss.fill([0, 1]);
    this.duplication.fill([0, 1]);
  }
}
