/** Types of Safra's termination detection (EWD998) over the diffusing computation. */
import type { WorkConfig, WorkState } from '../diffusing/index.js';

/** A node's or the token's colour: black means "a basic message may have slipped past the probe". */
export type Color = 'white' | 'black';

/** The bug variants of the Safra model, each documented. */
export const SAFRA_BUGS = {
  'no-blacken-on-receive':
    'a node does not turn black when it receives a basic message, so a visited node reactivated behind the token goes unnoticed',
  'reset-counter-on-token':
    'a node other than p0 resets its message counter to 0 when it passes the token on, forgetting messages still in transit',
  'announce-on-white-token':
    'node 0 announces when the token returns white and it is white itself, whatever the sum of the counters',
} as const satisfies Record<string, string>;

/** Name of a Safra bug variant. */
export type SafraBug = keyof typeof SAFRA_BUGS;

/** How a Safra cluster is built. */
export interface SafraConfig {
  readonly work: WorkConfig;
  readonly bug: SafraBug | undefined;
}

/** The probe token: the sum of the counters of the nodes it visited, and black when one of them was black. */
export interface Token {
  readonly count: number;
  readonly color: Color;
}

/** A basic message (a work item) or the control message (the token). */
export type SafraMessage =
  | { readonly kind: 'work'; readonly depth: number }
  | ({ readonly kind: 'token' } & Token);

/** A node's state. */
export interface SafraState {
  readonly work: WorkState;
  /** Basic messages sent minus basic messages received. */
  readonly counter: number;
  readonly color: Color;
  /** The token, while this node holds it (it waits until the node is passive). */
  readonly token: Token | undefined;
  /** Node 0: probes started so far. */
  readonly rounds: number;
  /** Node 0: termination announced. */
  readonly announced: boolean;
}
