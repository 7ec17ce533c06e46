/**
 * The protocol-facing API: what a protocol sees of the simulated world.
 *
 * A protocol is plain logic. Its handlers take a state and return the next one; everything else (sending, timers,
 * persistence, choices, client history) is a request made through `Context`, recorded by the simulator and carried
 * out after the handler returns. A protocol never touches time, randomness, the network or I/O directly.
 */
import type { HistoryValue } from '../execution/history.js';
import type { State } from '../execution/types.js';
import type { ClientRequest } from './workload/types.js';
import type { Storage } from './storage.js';

/** A node (process) of the simulated cluster: `0 .. nodeCount - 1`. Hosts are named `p0`, `p1`, ... */
export type NodeId = number;

/** A client operation a node starts on behalf of its client (Jepsen-style history, execution/history.ts). */
export interface Operation {
  /** Operation name: `read`, `write`, `cas`, `get`, `put`, `append`, ... */
  readonly f: string;
  readonly key?: string;
  readonly value: HistoryValue;
}

/** How an outstanding client operation ended: `ok`, `fail` (certainly not applied), `info` (unknown). */
export type CompletionType = 'ok' | 'fail' | 'info';

/**
 * What a handler may do. Every call is a request recorded during the handler and carried out after it returns
 * (except `choose`/`chooseInt`, which answer at once through the simulator's recorded chooser). Misuse (a send to a
 * node that does not exist, a negative delay, `complete` with no outstanding operation) is a protocol error of the
 * run, reported like a throw from the handler.
 */
export interface Context<M, D> {
  readonly self: NodeId;
  readonly nodeCount: number;
  /** This node's local clock in ticks: virtual time, scaled and offset by its clock skew when the plan has one. */
  readonly nowTicks: number;
  /** Sends `msg` to node `to` (may be `self`). */
  send(to: NodeId, msg: M): void;
  /** Sends `msg` to every other node, in node order. */
  broadcast(msg: M): void;
  /** Arms the named timer to fire after `delayTicks` (≥ 1) of local time; re-setting a named timer replaces it. */
  setTimer(name: string, delayTicks: number): void;
  /** Disarms the named timer; no effect when it is not armed. */
  cancelTimer(name: string): void;
  /** Stores `durable`, replacing what was stored before; it survives crashes and is handed to `onRecover`. */
  persist(durable: D): void;
  /**
   * The node's log and key-value store with explicit fsync, for protocols that model writing, syncing and sending
   * apart (docs/storage.md): writes are requests like sends, reads see what the node wrote, synced or not, and an
   * fsync's completion is an `onFsync` event. Storage faults come from the plan's `storage` field.
   */
  readonly storage: Storage;
  /**
   * A recorded choice in `[0, optionCount)`, e.g. which peer to contact. On replay the recorded value is used; when
   * the schedule has run out or the value no longer fits, the answer is 0.
   */
  choose(label: string, optionCount: number): number;
  /** A recorded choice in the inclusive range `[min, max]`, e.g. an election timeout; replay fallback is `min`. */
  chooseInt(label: string, min: number, max: number): number;
  /** Starts a client operation of this node (one outstanding at a time); recorded as an `invoke` history event. */
  invoke(op: Operation): void;
  /** Completes this node's outstanding operation; recorded as an `ok`/`fail`/`info` history event. */
  complete(type: CompletionType, value: HistoryValue): void;
  /**
   * Replies to a workload client's request (`onClientRequest`), from whichever node holds it: a message to the
   * client, which completes the operation with `type` and `value` when it arrives (a second reply is ignored).
   * `hint` names the node the client should ask next (a leader, a redirect), for the workload's `server` function.
   */
  reply(request: ClientRequest, type: CompletionType, value: HistoryValue, hint?: NodeId): void;
}

/**
 * A distributed protocol: a state machine per node.
 *
 * - `S`: a node's volatile state (lost on crash). Handlers return the next state; they may treat it as immutable
 *   or mutate and return it, but must not share mutable state between nodes.
 * - `M`: a message. Messages are delivered by reference; do not mutate a message after sending it.
 * - `D`: what a node persists (survives crashes); `never` when the protocol persists nothing.
 *
 * A handler that throws ends the run with `protocol error at pX, event N: <message>`; it never crashes dsim.
 */
export interface Protocol<S, M, D = never> {
  readonly name: string;
  /** The node's first event (event kind `start`). */
  init(ctx: Context<M, D>): S;
  onMessage(state: S, from: NodeId, msg: M, ctx: Context<M, D>): S;
  onTimer(state: S, timer: string, ctx: Context<M, D>): S;
  /**
   * A workload client's request arrives (sim/workload/, docs/workloads.md): answer it with `ctx.reply(request, ...)`
   * now or later, from this node or another one the request was forwarded to (it is plain data). Required when the
   * scenario has a workload; a protocol whose clients are its own nodes (`ctx.invoke`) leaves it out.
   */
  onClientRequest?(state: S, request: ClientRequest, ctx: Context<M, D>): S;
  /**
   * The first event after a restart (event kind `restart`), given what the node last persisted (`undefined` when it
   * never persisted). Default: `init(ctx)`.
   */
  onRecover?(durable: D | undefined, ctx: Context<M, D>): S;
  /**
   * Fsync `fsync` (the id `ctx.storage.fsync()` returned) completed: every write made before it is durable (event
   * kind `timer`, label `fsync #<id> done`). An fsync a crash interrupted never completes. Default: state unchanged.
   */
  onFsync?(state: S, fsync: number, ctx: Context<M, D>): S;
  /**
   * The observable variables of node `node`'s state, for predicates: a snapshot recorded after every event. Return
   * a new object (or one never changed afterwards): the recording keeps it as the event's `fields`.
   *
   * A value is a finite number, a string or a boolean (`StateValue`); anything else (NaN, Infinity, `undefined`,
   * `null`, an object, an array, a Map, a function) ends the run with a protocol error naming the node, the event
   * and the field. A field left out keeps the value an earlier event of the node gave it (states accumulate), so
   * return every field every time; leave a field out only until it is first set (it is *unset* before: every
   * comparison with it is false, `has(field)` tests it). The result must be a plain object (`{...}` or
   * `Object.create(null)`).
   *
   * The simulator always passes `node`; it is optional only so that code calling `observe(state)` directly (a
   * handler's unit test, say) still compiles.
   */
  observe(state: S, node?: NodeId): State;
  /**
   * Every field `observe` may return, when the protocol declares them. Optional, and worth it when a field is set
   * only in some runs (late, or by a bug variant): a predicate naming a declared field that no event of a run set
   * reads it as unset, while a name neither declared nor set is an input error (a typo). With `fields` declared,
   * `observe` returning another field is a protocol error. Without it, a predicate's field must be set by some
   * event of the run it checks.
   */
  readonly fields?: readonly string[];
  /** A short summary of a message for traces and reports (default: `msg`). */
  describe?(msg: M): string;
}

/** A protocol of any state, message and durable type, as registries and the simulator hold it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProtocol = Protocol<any, any, any>;
