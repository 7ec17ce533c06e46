/**
 * What the simulator needs to host a workload's clients (sim/simulator.ts keeps its part small and calls these).
 *
 * Hosts: the protocol's nodes are `0 .. n-1` (`p0 ..`), client `c` is host `n + c` (`c<c>`). Client events are
 * recorded like handler events: an invoke (kind `send`, label `invoke write k1 3`) sends one request; a reply is a
 * `receive` of the node's message; a timeout is a `timer` event labelled `timeout ...`. Client events record no
 * fields (the protocol's `observe` never sees a client).
 *
 * Client links: faults act on the protocol's nodes only. A link between a client and a node never loses nor
 * duplicates a message and is never partitioned; its delay and ordering are the plan's `network` ones (a swarm
 * plan's wider delay spread included). A request to a crashed node is lost with it (reason `crashed`), one to a
 * paused node waits for it to resume: the client's timeout turns either into `info`.
 */
import type { Network } from '../network.js';
import { NEVER } from '../plan.js';
import { describeClientMessage, isClientMessage } from './types.js';

/** Host names: `p0 .. p(n-1)`, then `c0 .. c(k-1)`. */
export function hostNames(nodeCount: number, clientCount: number): string[] {
  const names: string[] = [];
  for (let h = 0; h < nodeCount; h++) names.push(`p${h}`);
  for (let c = 0; c < clientCount; c++) names.push(`c${c}`);
  return names;
}

/** The name of host `h`. */
export function hostName(h: number, nodeCount: number): string {
  return h < nodeCount ? `p${h}` : `c${h - nodeCount}`;
}

/** Makes every link between a client and a node lossless and without duplicates (see the module comment). */
export function reliableClientLinks(network: Network, nodeCount: number): void {
  const hosts = network.nodeCount;
  for (let c = nodeCount; c < hosts; c++) {
    for (let x = 0; x < hosts; x++) {
      for (const l of [c * hosts + x, x * hosts + c]) {
        network.loss[l] = NEVER;
        network.duplication[l] = NEVER;
      }
    }
  }
}

/** The protocol's message summary, with client messages summarised by the workload. */
export function describeWithClients(describe: ((msg: unknown) => string) | undefined): (msg: unknown) => string {
  return (msg) => (isClientMessage(msg) ? describeClientMessage(msg) : describe === undefined ? 'msg' : describe(msg));
}
