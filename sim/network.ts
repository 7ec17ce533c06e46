/**
 * The simulated network: per-link behaviour tables, the partition matrix and the clog factors. Partitions are checked
 * when a message is sent: a message sent over a blocked link is dropped (reason `partition`); one already in flight is
 * delivered. A clogged link multiplies the delay drawn for a message sent over it. Links are numbered `from * n + to`;
 * the methods that change them answer the links they changed (a fault that changed none did not fire).
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
  /** The delay factor of each link (1: not clogged). */
  readonly clogFactor: Int32Array;
  private cloggedCount = 0;

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
    this.clogFactor = new Int32Array(size).fill(1);
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

  /** True when some link is clogged. */
  get clogged(): boolean {
    return this.cloggedCount > 0;
  }

  /** Blocks the link from → to (never a node's link to itself); adds it to `changed` when it was open. */
  block(from: NodeId, to: NodeId, changed?: number[]): void {
    if (from === to) return;
    const l = from * this.nodeCount + to;
    if (this.blocked[l] === 0) {
      this.blocked[l] = 1;
      this.blockedCount++;
      changed?.push(l);
    }
  }

  /** Blocks every link from a node of `a` to a node of `b`, and back when `symmetric`. */
  blockGroups(a: readonly NodeId[], b: readonly NodeId[], symmetric: boolean): number[] {
    const changed: number[] = [];
    for (const x of a) {
      for (const y of b) {
        this.block(x, y, changed);
        if (symmetric) this.block(y, x, changed);
      }
    }
    return changed;
  }

  /** Blocks each directed link `[from, to]`. */
  blockLinks(links: readonly (readonly [NodeId, NodeId])[]): number[] {
    const changed: number[] = [];
    for (const [from, to] of links) this.block(from, to, changed);
    return changed;
  }

  /** Removes every partition. */
  heal(): number[] {
    const changed = linksWhere(this.blocked, (v) => v === 1);
    this.blocked.fill(0);
    this.blockedCount = 0;
    return changed;
  }

  /** Sets the clog factor of every link from a node of `a` to a node of `b` (and back when `symmetric`). */
  clogGroups(a: readonly NodeId[], b: readonly NodeId[], symmetric: boolean, factor: number): number[] {
    const changed: number[] = [];
    const set = (from: NodeId, to: NodeId) => {
      const l = from * this.nodeCount + to;
      if (from === to || this.clogFactor[l] === factor) return;
      if (this.clogFactor[l] === 1) this.cloggedCount++;
      else if (factor === 1) this.cloggedCount--;
      this.clogFactor[l] = factor;
      changed.push(l);
    };
    for (const x of a) {
      for (const y of b) {
        set(x, y);
        if (symmetric) set(y, x);
      }
    }
    return changed;
  }

  /** Removes every clog. */
  unclog(): number[] {
    const changed = linksWhere(this.clogFactor, (v) => v !== 1);
    this.clogFactor.fill(1);
    this.cloggedCount = 0;
    return changed;
  }

  /** The nodes at either end of some link of `links`, ascending. */
  endsOf(links: readonly number[]): NodeId[] {
    const seen = new Uint8Array(this.nodeCount);
    for (const l of links) {
      seen[Math.floor(l / this.nodeCount)] = 1;
      seen[l % this.nodeCount] = 1;
    }
    const out: NodeId[] = [];
    for (let x = 0; x < this.nodeCount; x++) if (seen[x] === 1) out.push(x);
    return out;
  }

  /** No more loss or duplication on any link (the liveness phase). */
  calm(): void {
    this.loss.fill([0, 1]);
    this.duplication.fill([0, 1]);
  }
}

function linksWhere(values: Uint8Array | Int32Array, pred: (v: number) => boolean): number[] {
  const out: number[] = [];
  for (let l = 0; l < values.length; l++) if (pred(values[l]!)) out.push(l);
  return out;
}
