/**
 * Workloads: client processes that are not protocol nodes, driven by a small generator (in the spirit of Jepsen's
 * generators). A workload names a mix of operations with integer weights, the keys they touch, how many clients run
 * and how many operations each keeps outstanding, the gap between a client's operations, when the workload stops, a
 * per-operation timeout, and a final read of every key after the plan's heal point.
 *
 * Clients are processes of the execution (hosts `c0`, `c1`, ... after the protocol's `p0 .. p(n-1)`): a request and
 * its reply are messages, so vector clocks order them. Every draw (operation, key, value, gap, server) is a recorded
 * choice whose default is the first option, so a workload run replays from its schedule and shrinks.
 */
import type { HistoryValue } from '../../execution/history.js';
import type { CompletionType, NodeId, Operation } from '../process.js';

/** The draws an operation's value function may make (recorded choices). */
export interface ValueDraw {
  /** The next of the workload's sequential unique values 1, 2, 3, ... (not a choice: a counter of the run). */
  unique(): number;
  /** A recorded integer in `[min, max]` (default `min`). */
  int(min: number, max: number): number;
  /** The key this operation touches (undefined without `keys`). */
  readonly key: string | undefined;
}

/** How an operation's value is made: Jepsen's unique integers, a uniform integer range, a constant, or a function. */
export type ValueSource =
  | 'unique'
  | { readonly uniform: readonly [min: number, max: number] }
  | { readonly constant: HistoryValue }
  | ((draw: ValueDraw) => HistoryValue);

/** One kind of operation of the mix. */
export interface WorkloadOperation {
  /** Operation name, as the history and the model read it: `read`, `write`, `cas`, ... */
  readonly f: string;
  /** Integer weight ≥ 1 (default 1): `f` is drawn `weight` times in `Σ weights` on average. */
  readonly weight?: number;
  /** The value of the invoke (default `null`, as for a read). */
  readonly value?: ValueSource;
}

/** Which node a client sends its next request to. */
export type ServerChoice =
  | { readonly fixed: NodeId }
  | 'round-robin'
  | 'random'
  /**
   * A function of the client (0-based), the operation about to be sent, the last reply the client received
   * (undefined before the first; its `hint` a leader or redirect) and the cluster size. Keep it a pure function:
   * state in its closure would leak from one run into the next. A server that wants clients to stay puts its hint
   * in every reply.
   */
  | ((client: number, op: Operation, last: ClientReply | undefined, nodeCount: number) => NodeId);

/** A workload: see the module comment; docs/workloads.md has an example. */
export interface Workload {
  /** Number of client processes (≥ 1). */
  readonly clients: number;
  /** Operations each client keeps outstanding at most (default 1). */
  readonly outstandingMax?: number;
  /** The operation mix (at least one). The first operation is the default of the recorded draw. */
  readonly operations: readonly WorkloadOperation[];
  /** Keys the operations touch (default: none, a single register). */
  readonly keys?: readonly string[];
  /**
   * How keys are drawn: `uniform` (default), or `hot`: the first key weighs as much as all the others together
   * (integer weights `keys.length - 1` and 1 each), a zipf-like hot key.
   */
  readonly keyDistribution?: 'uniform' | 'hot';
  /** Ticks from a client's invoke to its next one, at least (≥ 1; default 1). */
  readonly gapTicks?: number;
  /** The gap is drawn in `[gapTicks, gapTicksMax]` (default `gapTicks`: a fixed rate). */
  readonly gapTicksMax?: number;
  /** Stop invoking after this many operations in all (the final reads not counted). */
  readonly opsMax?: number;
  /** No invoke at or after this tick (the final reads excepted). */
  readonly stopAtTicks?: number;
  /** Ticks after which an operation without reply completes as `info` (unknown); default: never. */
  readonly timeoutTicks?: number;
  /**
   * After the plan's heal point (and once the client's main phase is over), each client reads each key once with
   * this operation (`f`, value null). Without a heal point, the reads follow the main phase. Default: none.
   */
  readonly finalRead?: { readonly f: string };
  /** Which node each request goes to (default `round-robin` over the protocol's nodes). */
  readonly server?: ServerChoice;
  /** Tick of the clients' first invoke (default 1). */
  readonly startTicks?: number;
}

/** A client's request as a protocol node receives it (`Protocol.onClientRequest`). Plain data: forward it freely. */
export interface ClientRequest {
  /** The client, 0-based (host `c<client>` of the execution). */
  readonly client: number;
  /** The request's id, unique in the run. */
  readonly id: number;
  readonly op: Operation;
}

/** A reply to a client: how the operation ended, its value, and an optional hint of the node to ask next. */
export interface ClientReply {
  readonly request: number;
  readonly type: CompletionType;
  readonly value: HistoryValue;
  /** Where the client should send its next request (a leader hint, a redirect); the server function reads it. */
  readonly hint?: NodeId;
}

/** A message on a client link: a request (client → node) or a reply (node → client). */
export type ClientMessage =
  | { readonly clientRequest: ClientRequest }
  | { readonly clientReply: ClientReply };

/** True for a message of a client link. */
export function isClientMessage(msg: unknown): msg is ClientMessage {
  return typeof msg === 'object' && msg !== null && ('clientRequest' in msg || 'clientReply' in msg);
}

/** `write k1 3`, `ok read k1 = 3`: a client message's summary in traces and reports. */
export function describeClientMessage(msg: ClientMessage): string {
  if ('clientRequest' in msg) {
    const { op } = msg.clientRequest;
    return `${op.f}${op.key === undefined ? '' : ` ${op.key}`} ${JSON.stringify(op.value)} (req ${msg.clientRequest.id})`;
  }
  const r = msg.clientReply;
  return `${r.type} ${JSON.stringify(r.value)} (req ${r.request})`;
}
