/**
 * Chain replication (van Renesse & Schneider, OSDI 2004): options, messages and node states.
 *
 * Node layout: `p0` is the master; `p1 .. pR` are the initial chain (head `p1`, tail `pR`); the next `S` nodes are
 * spare replicas that ask to join at the tail after `joinDelayTicks`; every node after them is a client.
 */
import type { NodeId } from '../../sim/process.js';

/** The bug variants (see docs/protocols/chain.md). */
export type ChainBug =
  | 'tail-acks-before-apply'
  | 'reads-at-head'
  | 'no-resend-on-middle-failure'
  | 'reconfigure-without-waiting';

/** Bug variants that need two faults in order (the `chain/two-faults` scenario, docs/hard-bugs/chain-two-faults.md). */
export type ChainDeepBug = 'predack-any-epoch';

/** How a chain cluster is laid out and timed. */
export interface ChainOptions {
  /** Replicas of the initial chain: nodes 1 .. replicas. */
  readonly replicas: number;
  /** Spare replicas after them, which ask to join at the tail after `joinDelayTicks`. */
  readonly spares: number;
  readonly opsPerClient: number;
  /** Keys of the key-value store the clients use. */
  readonly keys: readonly string[];
  /** Replicas send a heartbeat to the master every `heartbeatTicks`; the master checks as often. */
  readonly heartbeatTicks: number;
  /** The master declares a replica failed after this long without a heartbeat (must exceed period + delay max). */
  readonly failTimeoutTicks: number;
  /** A client gives up on an operation after this long and records it as `info`. */
  readonly clientTimeoutTicks: number;
  readonly joinDelayTicks: number;
  /** `tail-acks-before-apply`: the tail applies an update this many ticks at most after acknowledging it. */
  readonly applyLagTicksMax: number;
  readonly bug: ChainBug | ChainDeepBug | undefined;
}

/** Defaults: three replicas, no spares, timing for network delays of at most 15 ticks. */
export const CHAIN_OPTIONS_DEFAULT: ChainOptions = {
  replicas: 3,
  spares: 0,
  opsPerClient: 6,
  keys: ['a', 'b'],
  heartbeatTicks: 20,
  failTimeoutTicks: 50,
  clientTimeoutTicks: 120,
  joinDelayTicks: 80,
  applyLagTicksMax: 12,
  bug: undefined,
};

/** An update, numbered by the head (`seq` 1, 2, 3, ... in hist order). */
export interface Update {
  readonly seq: number;
  readonly key: string;
  readonly value: string;
  readonly client: NodeId;
  readonly opId: string;
}

/** A client request: `put key value` goes to the head, `get key` to the tail. */
export interface ClientRequest {
  readonly opId: string;
  readonly f: 'put' | 'get';
  readonly key: string;
  readonly value: string | null;
}

/** A node a configuration admits to the chain, with the join attempt (`nonce`) it answers. */
export interface Admission {
  readonly node: NodeId;
  readonly nonce: number;
}

/** Every message of the protocol. */
export type ChainMsg =
  /** master → all: the chain, head first. */
  | { readonly t: 'config'; readonly epoch: number; readonly chain: readonly NodeId[]; readonly admitted?: Admission }
  /** client → master */
  | { readonly t: 'getConfig' }
  /** replica → master; `member` false means "I hold no state: let me join" (join attempt `nonce`). */
  | { readonly t: 'hb'; readonly member: boolean; readonly nonce: number }
  /** master → successor of a failed middle replica: your predecessor is now `pred`. */
  | { readonly t: 'newPred'; readonly epoch: number; readonly pred: NodeId }
  /** successor → master: done; the last update I hold is `lastSeq`. */
  | { readonly t: 'predAck'; readonly epoch: number; readonly lastSeq: number }
  /** master → predecessor of a failed middle replica: your successor is now `succ`; resend what it lacks. */
  | { readonly t: 'newSucc'; readonly epoch: number; readonly succ: NodeId; readonly lastSeq: number }
  /** master → tail: hand your state to `joiner` and forward to it from now on. */
  | { readonly t: 'addTail'; readonly epoch: number; readonly joiner: NodeId; readonly nonce: number }
  /** old tail → joiner: the whole hist. */
  | { readonly t: 'transfer'; readonly epoch: number; readonly nonce: number; readonly hist: readonly Update[] }
  /** joiner → master: state received. */
  | { readonly t: 'joined'; readonly epoch: number; readonly nonce: number }
  /** master → joiner: the join was aborted; drop your state and ask again. */
  | { readonly t: 'rejoin'; readonly nonce: number }
  | { readonly t: 'update'; readonly u: Update }
  /** Cumulative: the tail has applied every update up to `seq`. Flows back up the chain. */
  | { readonly t: 'ack'; readonly seq: number }
  | { readonly t: 'req'; readonly req: ClientRequest }
  | { readonly t: 'resp'; readonly opId: string; readonly value: string | null }
  /** replica → client: I am not the one to serve this; ask the master and retry. */
  | { readonly t: 'redirect'; readonly opId: string };

/** What nodes persist: the master its configuration work, replicas and clients a counter that outlives crashes. */
export type ChainDurable = { readonly kind: 'master'; readonly core: MasterCore } | { readonly kind: 'counter'; readonly value: number };

/** A reconfiguration in progress at the master (one at a time). */
export type MasterStep =
  /** Middle failure: waiting for `succ`'s predAck before telling `pred` to resend. */
  | { readonly kind: 'middle'; readonly epoch: number; readonly pred: NodeId; readonly succ: NodeId }
  /** Join: waiting for `joiner` to report that it received the old tail's state. */
  | { readonly kind: 'join'; readonly epoch: number; readonly joiner: NodeId; readonly nonce: number; readonly tail: NodeId };

/** The master's durable part (it stands for the paper's Paxos-replicated master, so a crash loses none of it). */
export interface MasterCore {
  readonly epoch: number;
  /** The chain as the master knows it, head first (a failed node leaves it as soon as it is detected). */
  readonly chain: readonly NodeId[];
  readonly step: MasterStep | undefined;
  /** Per node: the join nonce it was admitted with (0 for the initial chain); a higher one means it restarted. */
  readonly nonceOf: readonly number[];
}

export interface MasterState {
  readonly kind: 'master';
  core: MasterCore;
  /** Local time of the last heartbeat per node (volatile). */
  lastHeard: number[];
  /** Live nodes asking to join: node → join nonce (volatile). */
  joinRequests: Map<NodeId, number>;
}

export interface ReplicaState {
  readonly kind: 'replica';
  /** `idle`: a spare not yet asking; `joining`: holds no state, asks to join; `member`: holds state. */
  status: 'idle' | 'joining' | 'member';
  /** The current join attempt (persisted, so a restarted replica never answers an older attempt's messages). */
  nonce: number;
  epoch: number;
  pred: NodeId;
  succ: NodeId;
  hist: Update[];
  histText: string;
  lastSeq: number;
  store: Map<string, string>;
  /** Forwarded to the successor, not yet acknowledged by the tail. */
  sent: Update[];
  /** `tail-acks-before-apply`: acknowledged but not yet applied. */
  lagging: Update[];
}

export interface ClientState {
  readonly kind: 'client';
  incarnation: number;
  chain: readonly NodeId[];
  epoch: number;
  opsDone: number;
  current: ClientRequest | undefined;
  /** Waiting for a config before (re)sending the current request. */
  awaitingConfig: boolean;
}

export type ChainState = MasterState | ReplicaState | ClientState;

/** No node: a replica without predecessor (the head) or successor (the tail). */
export const NONE: NodeId = -1;
