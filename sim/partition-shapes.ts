/**
 * Partition shapes from Jepsen's nemeses, laid over an ordered list of nodes: the directed links each blocks, and
 * how the random fault step draws a shape and the order it is laid over (recorded choices, sim/chooser.ts).
 *
 * Only links between nodes of the list are ever blocked, so a node outside it is never cut off from anyone.
 */
import type { Chooser } from './chooser.js';
import type { PartitionShape, RandomPartitionShape } from './plan.js';
import type { NodeId } from './process.js';

/** A directed link `[from, to]`. */
export type Link = readonly [from: NodeId, to: NodeId];

/** The directed links `shape` blocks when laid over `order` (see `PARTITION_SHAPES` in sim/plan.ts). */
export function shapeLinks(shape: PartitionShape, order: readonly NodeId[]): Link[] {
  const s = order.length;
  const half = Math.floor(s / 2);
  const out: Link[] = [];
  const cut = (a: readonly NodeId[], b: readonly NodeId[]) => {
    for (const x of a) for (const y of b) out.push([x, y], [y, x]);
  };
  const first = order.slice(0, 1);
  const rest = order.slice(1);
  switch (shape) {
    case 'isolate':
      cut(first, rest);
      break;
    case 'majority':
      cut(order.slice(0, half), order.slice(half));
      break;
    case 'bridge':
      cut(order.slice(0, half), order.slice(half + 1));
      break;
    case 'ring': {
      // Each node keeps the nodes within ring distance `reach`: itself and 2 × reach others, a majority.
      const reach = Math.ceil(half / 2);
      for (let i = 0; i < s; i++) {
        for (let j = 0; j < s; j++) {
          const d = Math.abs(i - j);
          if (Math.min(d, s - d) > reach) out.push([order[i]!, order[j]!]);
        }
      }
      break;
    }
    case 'send-only':
      for (const y of rest) out.push([y, order[0]!]);
      break;
    case 'receive-only':
      for (const y of rest) out.push([order[0]!, y]);
      break;
  }
  return out;
}

/** How many leading nodes of the order a shape depends on (the rest follow in ascending order). */
function picksOf(shape: PartitionShape, s: number): number {
  const half = Math.floor(s / 2);
  if (shape === 'majority') return half;
  if (shape === 'bridge') return half + 1;
  if (shape === 'ring') return s - 1;
  return 1;
}

/** A drawn partition: its shape (the fault kind is `partition:<shape>`) and the links it blocks (symmetric or not). */
export interface DrawnPartition {
  readonly shape: RandomPartitionShape;
  readonly links: Link[];
}

/**
 * Draws a partition of the nodes `set` (ascending, at least 2): the shape (`fault:partition-shape`, when there is a
 * choice of shapes), then what it needs. `isolate` draws its node, the ordered shapes their leading nodes, one
 * `fault:partition-node` pick among the nodes left each; `split` a fair coin per node (`fault:split-side`);
 * `one-way-link` a node and a peer (`fault:partition-node`, `fault:partition-peer`). Over the default shapes and
 * every node, these are the choices the step always drew.
 */
export function drawPartition(c: Chooser, shapes: readonly RandomPartitionShape[], set: readonly NodeId[]): DrawnPartition {
  const shape = shapes[c.intRange('fault:partition-shape', 0, shapes.length - 1)]!;
  const s = set.length;
  if (shape === 'split') {
    const side = set.filter(() => c.chance('fault:split-side', [1, 2]));
    const other = set.filter((x) => !side.includes(x));
    const links: Link[] = [];
    for (const x of side) for (const y of other) links.push([x, y], [y, x]);
    return { shape, links };
  }
  if (shape === 'one-way-link') {
    const from = c.intRange('fault:partition-node', 0, s - 1);
    const to = (from + 1 + c.intRange('fault:partition-peer', 0, s - 2)) % s;
    return { shape, links: [[set[from]!, set[to]!]] };
  }
  const left = set.slice();
  const order: NodeId[] = [];
  for (let k = picksOf(shape, s); k > 0 && left.length > 0; k--) {
    order.push(left.splice(c.intRange('fault:partition-node', 0, left.length - 1), 1)[0]!);
  }
  return { shape, links: shapeLinks(shape, [...order, ...left]) };
}
