/** A Context that records what a handler requests, for handler-level unit tests (no simulator). */
import type { CompletionType, Context, NodeId, Operation } from '../../../sim/process.js';
import type { Storage } from '../../../sim/storage.js';
import type { HistoryValue } from '../../../execution/history.js';

export class FakeContext<M, D> implements Context<M, D> {
  /** These protocols do not use storage. */
  readonly storage = {} as Storage;
  readonly sent: { to: NodeId; msg: M }[] = [];
  readonly timers = new Map<string, number>();
  readonly cancelled: string[] = [];
  readonly persisted: D[] = [];
  readonly choices: { label: string; value: number }[] = [];
  nowTicks = 0;

  constructor(
    readonly self: NodeId,
    readonly nodeCount: number,
    /** Answer of every chooseInt/choose: 'min' or 'max' of the range. */
    private readonly answer: 'min' | 'max' = 'min',
  ) {}

  send(to: NodeId, msg: M): void {
    this.sent.push({ to, msg });
  }
  broadcast(msg: M): void {
    for (let to = 0; to < this.nodeCount; to++) if (to !== this.self) this.sent.push({ to, msg });
  }
  setTimer(name: string, delayTicks: number): void {
    this.timers.set(name, delayTicks);
  }
  cancelTimer(name: string): void {
    this.timers.delete(name);
    this.cancelled.push(name);
  }
  persist(durable: D): void {
    this.persisted.push(durable);
  }
  choose(label: string, optionCount: number): number {
    return this.chooseInt(label, 0, optionCount - 1);
  }
  chooseInt(label: string, min: number, max: number): number {
    const value = this.answer === 'min' ? min : max;
    this.choices.push({ label, value });
    return value;
  }
  invoke(_op: Operation): void {
    throw new Error('election protocols have no client operations');
  }
  complete(_type: CompletionType, _value: HistoryValue): void {
    throw new Error('election protocols have no client operations');
  }
  reply(): void {
    throw new Error('election protocols have no workload clients');
  }
  /** Forgets what was recorded (between handler calls). */
  clear(): void {
    this.sent.length = 0;
    this.cancelled.length = 0;
    this.persisted.length = 0;
    this.choices.length = 0;
  }
}
