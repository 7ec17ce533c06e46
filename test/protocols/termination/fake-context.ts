/** A recording Context for handler-level tests: choices answer from a script (then their minimum). */
import type { Context, NodeId } from '../../../sim/process.js';
import type { Storage } from '../../../sim/storage.js';

/** A Context that records requests instead of carrying them out. */
export class FakeContext<M> implements Context<M, never> {
  /** These protocols do not use storage. */
  readonly storage = {} as Storage;
  readonly sent: { to: NodeId; msg: M }[] = [];
  readonly timers = new Map<string, number>();
  nowTicks = 0;

  constructor(
    readonly self: NodeId,
    readonly nodeCount: number,
    /** Answers for choose/chooseInt, in order; when exhausted, the minimum. */
    private readonly answers: number[] = [],
  ) {}

  send(to: NodeId, msg: M): void {
    this.sent.push({ to, msg });
  }
  broadcast(msg: M): void {
    for (let to = 0; to < this.nodeCount; to++) if (to !== this.self) this.send(to, msg);
  }
  setTimer(name: string, delayTicks: number): void {
    this.timers.set(name, delayTicks);
  }
  cancelTimer(name: string): void {
    this.timers.delete(name);
  }
  persist(): void {
    throw new Error('termination protocols persist nothing');
  }
  choose(_label: string, optionCount: number): number {
    return Math.min(this.answers.shift() ?? 0, optionCount - 1);
  }
  chooseInt(_label: string, min: number, max: number): number {
    return Math.max(min, Math.min(this.answers.shift() ?? min, max));
  }
  invoke(): void {
    throw new Error('termination protocols have no client operations');
  }
  complete(): void {
    throw new Error('termination protocols have no client operations');
  }
  reply(): void {
    throw new Error('termination protocols have no workload clients');
  }
  /** Clears the recorded sends and timers (between handler calls). */
  clear(): this {
    this.sent.length = 0;
    this.timers.clear();
    return this;
  }
}
