/**
 * Records a run as an Execution. Each handler invocation is one event (`start`, `receive`, `timer`, `restart`);
 * the messages it sends are listed in its `sent`. Crashes, pauses and resumes are events too. Vector clocks: a
 * host's own entry counts its events 1, 2, 3, ...; a receive merges the sender's clock at the sending event.
 *
 * During the run, events live in typed arrays (clock rows in one flat Int32Array); `finish` makes the immutable
 * Execution, with exactly the shape and invariants `buildExecution` (execution/build.ts) gives.
 */
import type { EventKind, ExecEvent, Execution, MessageRecord, State } from '../execution/types.js';
import { lazyExecution, type EventViews } from './lazy-execution.js';

const KINDS: readonly EventKind[] = ['start', 'receive', 'timer', 'restart', 'crash', 'pause', 'resume', 'send'];

/** Event kind codes of the recorder. */
export const Kind = { Start: 0, Receive: 1, Timer: 2, Restart: 3, Crash: 4, Pause: 5, Resume: 6, Send: 7 } as const;
/** An event kind code. */
export type Kind = (typeof Kind)[keyof typeof Kind];

const EMPTY: State = Object.freeze({});

export class Recorder {
  private clocks: Int32Array;
  private hosts: Int32Array;
  private kinds: Uint8Array;
  private times: Float64Array;
  private received: Int32Array;
  private sentFirst: Int32Array;
  private sentCount: Int32Array;
  /** Labels of events that are not receives or timers (those are made at `finish` from their message or timer). */
  private readonly labels: (string | undefined)[] = [];
  private labelRefs: Int32Array;
  private readonly fields: State[] = [];
  /** Notes appended to events' labels (`[storage: append 1, fsync #2]`), by event id. */
  private readonly notes = new Map<number, string>();
  /** Current clock of each host, row-major. */
  private readonly current: Int32Array;
  count = 0;

  /** `names`: the hosts' names (default `p0`, `p1`, ...; a workload's clients are `c0`, `c1`, ...). */
  constructor(
    readonly hostCount: number,
    private readonly names?: readonly string[],
  ) {
    const cap = 1024;
    this.clocks = new Int32Array(cap * hostCount);
    this.hosts = new Int32Array(cap);
    this.kinds = new Uint8Array(cap);
    this.times = new Float64Array(cap);
    this.received = new Int32Array(cap);
    this.sentFirst = new Int32Array(cap);
    this.sentCount = new Int32Array(cap);
    this.labelRefs = new Int32Array(cap);
    this.current = new Int32Array(hostCount * hostCount);
  }

  /**
   * Records an event of `host`; `receivedEvent` is the sending event of the received message (or -1), `received`
   * its message id. `sentFirst..sentFirst+sentCount` are the ids of the messages it sent. `label` is the event's
   * label, or undefined when `finish` makes it from `labelRef` (a message id for receives, a timer serial for
   * timers). Returns the event id.
   */
  /** Event `id`'s vector clock: a view, valid until the next event is recorded. */
  clockRow(id: number): Int32Array {
    const n = this.hostCount;
    return this.clocks.subarray(id * n, (id + 1) * n);
  }

  record(
    host: number,
    kind: Kind,
    label: string | undefined,
    labelRef: number,
    timeTicks: number,
    fields: State,
    received: number,
    receivedEvent: number,
    sentFirst: number,
    sentCount: number,
  ): number {
    const id = this.count;
    if (id === this.hosts.length) this.grow();
    const n = this.hostCount;
    const cur = this.current;
    const base = host * n;
    if (receivedEvent >= 0) {
      const from = receivedEvent * n;
      const clocks = this.clocks;
      for (let j = 0; j < n; j++) {
        const v = clocks[from + j]!;
        if (v > cur[base + j]!) cur[base + j] = v;
      }
    }
    cur[base + host]++;
    const clocks = this.clocks;
    const row = id * n;
    for (let j = 0; j < n; j++) clocks[row + j] = cur[base + j]!;
    this.hosts[id] = host;
    this.kinds[id] = kind;
    this.times[id] = timeTicks;
    this.received[id] = received;
    this.sentFirst[id] = sentFirst;
    this.sentCount[id] = sentCount;
    this.labels.push(label);
    this.labelRefs[id] = labelRef;
    this.fields.push(fields);
    this.count = id + 1;
    return id;
  }

  /** Appends `[note]` to event `id`'s label. */
  note(id: number, note: string): void {
    this.notes.set(id, note);
  }

  private grow(): void {
    const cap = this.hosts.length * 2;
    const n = this.hostCount;
    this.clocks = copyInto(new Int32Array(cap * n), this.clocks);
    this.hosts = copyInto(new Int32Array(cap), this.hosts);
    this.kinds = copyInto(new Uint8Array(cap), this.kinds);
    this.times = copyInto(new Float64Array(cap), this.times);
    this.received = copyInto(new Int32Array(cap), this.received);
    this.sentFirst = copyInto(new Int32Array(cap), this.sentFirst);
    this.sentCount = copyInto(new Int32Array(cap), this.sentCount);
    this.labelRefs = copyInto(new Int32Array(cap), this.labelRefs);
  }

  /**
   * Builds the Execution (host names `p0`, `p1`, ..., or the constructor's `names`). The clocks are ready at once; the event objects, `byHost`
   * and `hostStates` are made on first access to any of them, and the messages on first access to `messages`
   * (see sim/lazy-execution.ts). `labelOf(kind, ref)` makes the deferred labels.
   */
  finish(label: string, messages: () => readonly MessageRecord[], labelOf: (kind: Kind, ref: number) => string): Execution {
    const n = this.hostCount;
    const count = this.count;
    const clocks = this.clocks.subarray(0, count * n);
    const hosts = this.names?.slice() ?? Array.from({ length: n }, (_, h) => `p${h}`);
    return lazyExecution(label, hosts, clocks, () => this.materialize(clocks, labelOf), messages);
  }

  private materialize(clocks: Int32Array, labelOf: (kind: Kind, ref: number) => string): EventViews {
    const n = this.hostCount;
    const count = this.count;
    const byHost: number[][] = Array.from({ length: n }, () => []);
    const hostStates: State[][] = Array.from({ length: n }, () => [EMPTY]);
    const events: ExecEvent[] = new Array(count);
    for (let id = 0; id < count; id++) {
      const host = this.hosts[id]!;
      const own = byHost[host]!;
      own.push(id);
      const fields = this.fields[id]!;
      const states = hostStates[host]!;
      states.push(merged(states[states.length - 1]!, fields));
      const base: Mutable<ExecEvent> = {
        id,
        host,
        index: own.length,
        kind: KINDS[this.kinds[id]!]!,
        label: this.labelOf(id, labelOf),
        timeTicks: this.times[id]!,
        clock: clocks.subarray(id * n, id * n + n),
        fields,
      };
      const sentCount = this.sentCount[id]!;
      if (sentCount > 0) {
        const first = this.sentFirst[id]!;
        const sent = new Array<number>(sentCount);
        for (let k = 0; k < sentCount; k++) sent[k] = first + k;
        base.sent = sent;
      }
      if (this.received[id]! >= 0) base.received = this.received[id]!;
      events[id] = base;
    }
    return { events, byHost, hostStates };
  }

  private labelOf(id: number, deferred: (kind: Kind, ref: number) => string): string {
    const label = this.labels[id] ?? deferred(this.kinds[id]! as Kind, this.labelRefs[id]!);
    const note = this.notes.size === 0 ? undefined : this.notes.get(id);
    return note === undefined ? label : `${label} [${note}]`;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * `{...prev, ...fields}` (frozen), or `fields` itself when it already has every key of `prev` (snapshots are fresh
 * objects the protocol does not touch again; not frozen, to keep recording cheap).
 */
function merged(prev: State, fields: State): State {
  for (const k in prev) {
    if (!(k in fields)) return Object.freeze({ ...prev, ...fields });
  }
  return fields;
}

function copyInto<T extends Int32Array | Uint8Array | Float64Array>(to: T, from: T): T {
  to.set(from as never);
  return to;
}
