/** A Context that records what a handler asked for, for handler-level tests. */
import type { HistoryValue } from '../../../execution/history.js';
import type { CompletionType, Context, NodeId, Operation } from '../../../sim/process.js';
import type { Storage } from '../../../sim/storage.js';
import type { ChainDurable, ChainMsg } from '../../../protocols/chain/types.js';

export class FakeContext implements Context<ChainMsg, ChainDurable> {
  /** These protocols do not use storage. */
  readonly storage = {} as Storage;
  readonly sent: { to: NodeId; msg: ChainMsg }[] = [];
  readonly timers = new Map<string, number>();
  readonly ops: ({ invoke: Operation } | { type: CompletionType; value: HistoryValue })[] = [];
  durable: ChainDurable | undefined;

  constructor(
    readonly self: NodeId,
    readonly nodeCount: number,
    public nowTicks = 0,
  ) {}

  send(to: NodeId, msg: ChainMsg): void {
    this.sent.push({ to, msg });
  }
  broadcast(msg: ChainMsg): void {
    for (let to = 0; to < this.nodeCount; to++) if (to !== this.self) this.sent.push({ to, msg });
  }
  setTimer(name: string, delayTicks: number): void {
    this.timers.set(name, delayTicks);
  }
  cancelTimer(name: string): void {
    this.timers.delete(name);
  }
  persist(durable: ChainDurable): void {
    this.durable = durable;
  }
  choose(_label: string, _optionCount: number): number {
    return 0;
  }
  chooseInt(_label: string, min: number, _max: number): number {
    return min;
  }
  invoke(op: Operation): void {
    this.ops.push({ invoke: op });
  }
  complete(type: CompletionType, value: HistoryValue): void {
    this.ops.push({ type, value });
  }
  reply(): void {
    throw new Error('chain replicas do not reply to workload clients in these tests');
  }
  /** The messages sent so far, as `to:type` strings, and forgets them. */
  drain(): string[] {
    const out = this.sent.map(({ to, msg }) => `${to}:${msg.t}`);
    this.sent.length = 0;
    return out;
  }
}
