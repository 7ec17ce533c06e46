/** Types of Dijkstra–Scholten termination detection over the diffusing computation. */
import type { WorkConfig, WorkState } from '../diffusing/index.js';

/** The bug variants of the Dijkstra–Scholten model, each documented. */
export const DIJKSTRA_SCHOLTEN_BUGS = {
  'ack-on-receive':
    'a node acknowledges the basic message that engaged it at once instead of on leaving the tree, so the root stops waiting for it',
  'detach-with-deficit':
    'a passive node leaves the tree (acknowledges its parent) while some of its own basic messages are still unacknowledged',
} as const satisfies Record<string, string>;

/** Name of a Dijkstra–Scholten bug variant. */
export type DijkstraScholtenBug = keyof typeof DIJKSTRA_SCHOLTEN_BUGS;

/** How a Dijkstra–Scholten cluster is built. */
export interface DijkstraScholtenConfig {
  readonly work: WorkConfig;
  readonly bug: DijkstraScholtenBug | undefined;
}

/** A basic message (a work item) or the control message (an acknowledgement of one basic message). */
export type DijkstraScholtenMessage = { readonly kind: 'work'; readonly depth: number } | { readonly kind: 'ack' };

/** A node's state. */
export interface DijkstraScholtenState {
  readonly work: WorkState;
  /** Basic messages this node sent that are not acknowledged yet. */
  readonly deficit: number;
  /** In the tree: the root from its start until it announces; another node from its engaging message until it detaches. */
  readonly engaged: boolean;
  /** Parent in the tree (the sender of the engaging message); -1 for the root and for a node not in the tree. */
  readonly parent: number;
  /** Root (node 0): termination announced. */
  readonly announced: boolean;
}
