/** Types of the EWD840 termination detection model (adapted to asynchronous channels with acknowledgements). */
import type { WorkConfig, WorkState } from '../diffusing/index.js';

/** A node's or the token's colour. */
export type Ewd840Color = 'white' | 'black';

/** The bug variants of the EWD840 model, each documented. */
export const EWD840_BUGS = {
  'no-wait-for-ack':
    'EWD840 as published on asynchronous channels: a node passes the token (and node 0 announces) as soon as its ' +
    'work is done, with basic messages still unacknowledged, so a message in transit goes unseen',
  'no-blacken-on-send':
    'a node does not turn black when it sends a basic message to a higher-numbered node (one the token may already ' +
    'have visited)',
} as const satisfies Record<string, string>;

/** Name of an EWD840 bug variant. */
export type Ewd840Bug = keyof typeof EWD840_BUGS;

/** How an EWD840 cluster is built. */
export interface Ewd840Config {
  readonly work: WorkConfig;
  readonly bug: Ewd840Bug | undefined;
}

/** Basic messages (work items), and the control messages: acknowledgements and the token. */
export type Ewd840Message =
  | { readonly kind: 'work'; readonly depth: number }
  | { readonly kind: 'ack' }
  | { readonly kind: 'token'; readonly color: Ewd840Color };

/** A node's state. */
export interface Ewd840State {
  readonly work: WorkState;
  /** Basic messages sent and not acknowledged yet; the node passes the token only when this is 0. */
  readonly unacked: number;
  readonly color: Ewd840Color;
  /** The token's colour while this node holds it. */
  readonly token: Ewd840Color | undefined;
  /** Node 0: probes started so far. */
  readonly rounds: number;
  /** Node 0: termination announced. */
  readonly announced: boolean;
}
