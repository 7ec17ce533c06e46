/**
 * The random fault step: every `stepTicks`, each kind of fault happens with its ratio (a recorded `fault:<kind>`
 * choice), on a node of its set chosen by a recorded choice, while its budget lasts. A kind whose budget is spent,
 * or that has no node to strike, draws nothing. Without node sets, budgets and clogs, the choices are the ones the
 * step always drew, in the same order, so old schedules keep their meaning.
 */
import type { Chooser } from './chooser.js';
import type { World } from './faults.js';
import { drawPartition } from './partition-shapes.js';
import { NEVER, RANDOM_PARTITION_SHAPES_DEFAULT, type KindFaults, type RandomFaults, type Ratio } from './plan.js';
import type { NodeId } from './process.js';

/** Largest random clog factor by default. */
export const CLOG_FACTOR_MAX_DEFAULT = 10;

/** A kind's ratio, whichever form the plan gives it in. */
export function ratioOf(k: KindFaults | undefined): Ratio {
  if (k === undefined) return NEVER;
  return 'ratio' in k ? k.ratio : k;
}

/** The random fault step of one run, with the counts of what it fired (for the budgets). */
export class RandomFaultStep {
  private crashes = 0;
  private pauses = 0;
  private partitions = 0;
  private clogs = 0;
  private readonly all: readonly NodeId[];

  constructor(
    private readonly random: RandomFaults,
    n: number,
  ) {
    this.all = Array.from({ length: n }, (_, i) => i);
  }

  /** The nodes a kind may strike: its own set, else the plan's, else every node (ascending). */
  private setOf(k: KindFaults | undefined): readonly NodeId[] {
    const own = k !== undefined && 'ratio' in k ? k.nodes : undefined;
    const nodes = own ?? this.random.nodes;
    return nodes === undefined ? this.all : [...nodes].sort((a, b) => a - b);
  }

  /** Whether one more node of the kind's set may go down (the plan's `downMax`, and the kind's own). */
  private mayGoDown(world: World, k: KindFaults): boolean {
    const isDown = (x: NodeId) => world.up[x] === 0 || world.paused[x] === 1;
    const n = world.n;
    const downMax = this.random.downMax ?? Math.floor((n - 1) / 2);
    const planSet = this.random.nodes ?? this.all;
    if (planSet.filter(isDown).length >= downMax) return false;
    const own = 'ratio' in k ? k.downMax : undefined;
    return own === undefined || this.setOf(k).filter(isDown).length < own;
  }

  /** One step. */
  step(world: World): void {
    const r = this.random;
    const c = world.chooser;
    const running = (x: NodeId) => world.up[x] === 1 && world.paused[x] === 0;
    const crashable = this.setOf(r.crash).filter(running);
    const pausable = this.setOf(r.pause).filter(running);
    if (this.mayGoDown(world, r.crash) && crashable.length > 0 && under(this.crashes, r.crashesMax) && c.chance('fault:crash', ratioOf(r.crash))) {
      this.crashes++;
      world.crash(crashable[c.intRange('fault:crash-node', 0, crashable.length - 1)]!);
    } else if (this.mayGoDown(world, r.pause) && pausable.length > 0 && under(this.pauses, r.pausesMax) && c.chance('fault:pause', ratioOf(r.pause))) {
      this.pauses++;
      world.pause(pausable[c.intRange('fault:pause-node', 0, pausable.length - 1)]!);
    }
    const crashed = this.setOf(r.restart).filter((x) => world.up[x] === 0);
    if (crashed.length > 0 && c.chance('fault:restart', ratioOf(r.restart))) {
      world.restart(crashed[c.intRange('fault:restart-node', 0, crashed.length - 1)]!);
    }
    const paused = this.setOf(r.resume).filter((x) => world.paused[x] === 1);
    if (paused.length > 0 && c.chance('fault:resume', ratioOf(r.resume))) {
      world.resume(paused[c.intRange('fault:resume-node', 0, paused.length - 1)]!);
    }
    const cuttable = this.setOf(r.partition);
    if (world.network.partitioned && c.chance('fault:heal', r.heal)) {
      world.noteNetworkFault('heal', world.network.heal());
    } else if (cuttable.length > 1 && under(this.partitions, r.partitionsMax) && c.chance('fault:partition', ratioOf(r.partition))) {
      this.partitions++;
      const drawn = drawPartition(c, r.partitionShapes ?? RANDOM_PARTITION_SHAPES_DEFAULT, cuttable);
      world.noteNetworkFault(`partition:${drawn.shape}`, world.network.blockLinks(drawn.links));
    }
    this.clogStep(world, c);
  }

  /** Clogs: drawn after everything else, and only by plans that have them. */
  private clogStep(world: World, c: Chooser): void {
    const r = this.random;
    const cloggable = this.setOf(r.clog);
    if (world.network.clogged && c.chance('fault:unclog', r.unclog ?? NEVER)) {
      world.noteNetworkFault('unclog', world.network.unclog());
    } else if (cloggable.length > 1 && under(this.clogs, r.clogsMax) && c.chance('fault:clog', ratioOf(r.clog))) {
      this.clogs++;
      const node = cloggable[c.intRange('fault:clog-node', 0, cloggable.length - 1)]!;
      const factor = c.intRange('fault:clog-factor', 2, r.clogFactorMax ?? CLOG_FACTOR_MAX_DEFAULT);
      const peers = cloggable.filter((x) => x !== node);
      world.noteNetworkFault('clog', world.network.clogGroups([node], peers, true, factor));
    }
  }
}

function under(count: number, max: number | undefined): boolean {
  return max === undefined || count < max;
}
