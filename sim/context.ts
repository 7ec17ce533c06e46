/**
 * The Context handed to handlers. One object serves every handler invocation of a run: the simulator points it at
 * the node and time of the event, runs the handler, then carries out the buffered requests. A handler must not keep
 * the context for later.
 */
import type { HistoryValue } from '../execution/history.js';
import type { Chooser } from './chooser.js';
import type { CompletionType, Context, NodeId, Operation } from './process.js';
import type { ClientMessage, ClientRequest } from './workload/types.js';
import { StorageContext } from './storage.js';

/** A protocol misusing its context; reported as a protocol error of the run. */
export class ContextMisuse extends Error {}

export class SimContext implements Context<unknown, unknown> {
  self: NodeId = 0;
  nowTicks = 0;
  /** Buffered sends: the first `sendCount` entries (the arrays are reused, never shrunk). */
  readonly sendTo: number[] = [];
  readonly sendMsg: unknown[] = [];
  sendCount = 0;
  /** Buffered timer requests: delay in local ticks, or -1 to cancel. */
  readonly timerNames: string[] = [];
  readonly timerDelays: number[] = [];
  persisted = false;
  durable: unknown = undefined;
  /** Buffered client-history requests. */
  readonly ops: ({ readonly invoke: Operation } | { readonly type: CompletionType; readonly value: HistoryValue })[] =
    [];

  /** Storage requests and reads (sim/storage.ts); the simulator points it at the node's disk. */
  readonly storage: StorageContext;

  constructor(
    readonly nodeCount: number,
    private readonly chooser: Chooser,
    /** Clients of the workload (hosts `nodeCount ..`); 0 without one. */
    private readonly clientCount = 0,
  ) {
    this.storage = new StorageContext(chooser);
  }

  /** Points the context at a node and clears the buffers. */
  reset(self: NodeId, nowTicks: number): void {
    this.self = self;
    this.nowTicks = nowTicks;
    if (this.sendCount > 0) {
      this.sendMsg.fill(undefined, 0, this.sendCount); // do not keep payloads alive
      this.sendCount = 0;
    }
    if (this.timerNames.length > 0) {
      this.timerNames.length = 0;
      this.timerDelays.length = 0;
    }
    this.persisted = false;
    this.durable = undefined;
    if (this.ops.length > 0) this.ops.length = 0;
  }

  send(to: NodeId, msg: unknown): void {
    if (!Number.isInteger(to) || to < 0 || to >= this.nodeCount) {
      throw new ContextMisuse(`send to node ${String(to)}, but nodes are 0..${this.nodeCount - 1}`);
    }
    this.sendTo[this.sendCount] = to;
    this.sendMsg[this.sendCount++] = msg;
  }

  broadcast(msg: unknown): void {
    for (let to = 0; to < this.nodeCount; to++) {
      if (to !== this.self) {
        this.sendTo[this.sendCount] = to;
        this.sendMsg[this.sendCount++] = msg;
      }
    }
  }

  setTimer(name: string, delayTicks: number): void {
    if (!Number.isInteger(delayTicks) || delayTicks < 1) {
      throw new ContextMisuse(`timer "${name}" set with delay ${delayTicks}; expected an integer number of ticks ≥ 1`);
    }
    this.timerNames.push(name);
    this.timerDelays.push(delayTicks);
  }

  cancelTimer(name: string): void {
    this.timerNames.push(name);
    this.timerDelays.push(-1);
  }

  persist(durable: unknown): void {
    this.persisted = true;
    this.durable = durable;
  }

  choose(label: string, optionCount: number): number {
    if (!Number.isInteger(optionCount) || optionCount < 1) {
      throw new ContextMisuse(`choose("${label}") with ${optionCount} options; expected an integer ≥ 1`);
    }
    return this.chooser.intRange(`choose:${label}`, 0, optionCount - 1);
  }

  chooseInt(label: string, min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new ContextMisuse(`chooseInt("${label}", ${min}, ${max}); expected integers with min ≤ max`);
    }
    return this.chooser.intRange(`choose:${label}`, min, max);
  }

  invoke(op: Operation): void {
    if (this.clientCount > 0) throw new ContextMisuse(`invoke ${op.f} in a scenario with a workload; its clients make the history`);
    this.ops.push({ invoke: op });
  }

  reply(request: ClientRequest, type: CompletionType, value: HistoryValue, hint?: NodeId): void {
    const client = request?.client;
    if (!Number.isInteger(client) || client < 0 || client >= this.clientCount) {
      throw new ContextMisuse(`reply to client ${String(client)}, but the workload has ${this.clientCount} clients`);
    }
    if (type !== 'ok' && type !== 'fail' && type !== 'info') throw new ContextMisuse(`reply of type ${String(type)}; expected ok, fail or info`);
    const msg: ClientMessage = { clientReply: { request: request.id, type, value, ...(hint === undefined ? {} : { hint }) } };
    this.sendTo[this.sendCount] = this.nodeCount + client;
    this.sendMsg[this.sendCount++] = msg;
  }

  complete(type: CompletionType, value: HistoryValue): void {
    this.ops.push({ type, value });
  }
}
