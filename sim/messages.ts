/**
 * The messages of a run, in parallel arrays indexed by message id (ids count from 0 in send order). A message may
 * be scheduled more than once (duplication); `pending` counts its copies still in the network.
 */
import type { MessageRecord } from '../execution/types.js';
import type { NodeId } from './process.js';

const NONE: readonly number[] = Object.freeze([]);

export class MessageStore {
  readonly from: number[] = [];
  readonly to: number[] = [];
  readonly payload: unknown[] = [];
  /** Event id of the sending event. */
  readonly sendEvent: number[] = [];
  /** Copies still in the network (or held at a paused node). */
  readonly pending: number[] = [];
  /** Why it was dropped (the first reason), when it was. */
  readonly dropReason: (string | undefined)[] = [];
  /** First receive event of each message (-1: none); later receives (duplicates) in `receivesMore`. */
  private receive = new Int32Array(1024);
  private readonly receivesMore = new Map<number, number[]>();
  private readonly summaries: string[] = [];

  constructor(private readonly describe: (msg: unknown) => string) {}

  get count(): number {
    return this.from.length;
  }

  /** Adds a message sent by event `sendEvent`; returns its id. */
  add(from: NodeId, to: NodeId, msg: unknown, sendEvent: number): number {
    const id = this.from.length;
    if (id === this.receive.length) {
      const grown = new Int32Array(id * 2);
      grown.set(this.receive);
      this.receive = grown;
    }
    this.receive[id] = -1;
    this.from.push(from);
    this.to.push(to);
    this.payload.push(msg);
    this.sendEvent.push(sendEvent);
    this.pending.push(0);
    this.dropReason.push(undefined);
    return id;
  }

  /** Notes that event `eventId` received message `id`. */
  noteReceive(id: number, eventId: number): void {
    if (this.receive[id] === -1) {
      this.receive[id] = eventId;
      return;
    }
    const more = this.receivesMore.get(id);
    if (more === undefined) this.receivesMore.set(id, [eventId]);
    else more.push(eventId);
  }

  /** Notes that a copy of message `id` was lost (the first reason sticks). */
  noteDrop(id: number, reason: string): void {
    this.pending[id]!--;
    this.dropReason[id] ??= reason;
  }

  /** Messages neither delivered nor dropped. */
  inFlightCount(): number {
    let count = 0;
    for (let id = 0; id < this.from.length; id++) if (this.pending[id]! > 0 && this.receive[id] === -1) count++;
    return count;
  }

  /** The protocol's summary of message `id` (made once). */
  summary(id: number): string {
    return (this.summaries[id] ??= this.describe(this.payload[id]));
  }

  private receives(id: number, first: number): number[] {
    const more = this.receivesMore.get(id);
    return more === undefined ? [first] : [first, ...more];
  }

  /** Message records, with fates, for the Execution. */
  records(): MessageRecord[] {
    const out: MessageRecord[] = [];
    for (let id = 0; id < this.from.length; id++) {
      const first = this.receive[id]!;
      const drop = this.dropReason[id];
      const fate = first !== -1 ? 'delivered' : this.pending[id]! > 0 || drop === undefined ? 'in-flight' : 'dropped';
      out.push({
        id,
        from: this.from[id]!,
        to: this.to[id]!,
        sendEvent: this.sendEvent[id]!,
        receiveEvents: first === -1 ? NONE : this.receives(id, first),
        fate,
        ...(fate === 'dropped' ? { dropReason: drop! } : {}),
        summary: this.summary(id),
      });
    }
    return out;
  }
}
