/**
 * The workload's clients at run time. Each client keeps up to `outstandingMax` requests outstanding, one per slot;
 * slot `s` of client `c` is the history's process `c × outstandingMax + s` (Jepsen's one operation per process).
 * A client wakes at its next invoke tick, invokes while its main phase lasts, waits when its slots are full, and
 * after the main phase (and the heal point) reads each key once. The simulator carries out what it asks through
 * `ClientWorld` (sim/workload/hook.ts documents the events). With `finalRead` and a heal point, the main phase ends
 * at the heal.
 */
import type { HistoryEvent } from '../../execution/history.js';
import type { Chooser } from '../chooser.js';
import type { NodeId, Operation } from '../process.js';
import { WorkloadGenerator } from './generator.js';
import type { ClientMessage, ClientReply, Workload } from './types.js';

/** What the clients need of the simulation. */
export interface ClientWorld {
  readonly nodeCount: number;
  readonly chooser: Chooser;
  readonly nowTicks: number;
  /**
   * Records one event of client `client` now (`kind`: an invoke, a reply received as message `received`, a
   * timeout): runs `body` (which may draw choices and answers the label and the messages to send), then sends them.
   * Answers false, without running `body`, when a limit ends the run first.
   */
  clientEvent(client: number, kind: 'invoke' | 'reply' | 'timeout', received: number, body: () => ClientEventBody): boolean;
  /** Wakes client `client` at `atTicks` (its next invoke). */
  wakeClient(client: number, atTicks: number): void;
  /** Times out request `request` of client `client` at `atTicks`. */
  timeoutClient(client: number, request: number, atTicks: number): void;
  /** Appends to the run's history. */
  history(e: HistoryEvent): void;
}

export interface ClientEventBody {
  readonly label: string;
  readonly sends: readonly { readonly to: NodeId; readonly msg: ClientMessage }[];
}

interface Request {
  readonly client: number;
  readonly slot: number;
  readonly op: Operation;
  done: boolean;
}

interface Client {
  readonly slots: number[];
  outstanding: number;
  nextInvokeTicks: number;
  wakeAtTicks: number;
  last: ClientReply | undefined;
  finalKey: number;
  sent: number;
}

export class WorkloadClients {
  private readonly generator: WorkloadGenerator;
  private readonly clients: Client[];
  private readonly requests: Request[] = [];
  private readonly perClient: number;
  private readonly finalKeys: readonly (string | undefined)[];
  private opsIssued = 0;
  private healed = false;

  constructor(
    private readonly workload: Workload,
    private readonly world: ClientWorld,
    private readonly healAtTicks: number | undefined,
  ) {
    this.generator = new WorkloadGenerator(workload, world.chooser);
    this.perClient = workload.outstandingMax ?? 1;
    this.finalKeys = workload.keys ?? [undefined];
    const first = workload.startTicks ?? 1;
    this.clients = Array.from({ length: workload.clients }, () => ({
      slots: new Array<number>(this.perClient).fill(-1),
      outstanding: 0,
      nextInvokeTicks: first,
      wakeAtTicks: -1,
      last: undefined,
      finalKey: 0,
      sent: 0,
    }));
  }

  /** Queues every client's first wake-up. */
  start(): void {
    for (let c = 0; c < this.clients.length; c++) this.wake(c, this.clients[c]!.nextInvokeTicks);
  }

  /** The plan's heal point: main phases with a final read end, and every client wakes for its final reads. */
  heal(): void {
    this.healed = true;
    for (let c = 0; c < this.clients.length; c++) this.wake(c, Math.max(this.world.nowTicks, this.clients[c]!.nextInvokeTicks));
  }

  private wake(c: number, atTicks: number): void {
    const client = this.clients[c]!;
    if (client.wakeAtTicks >= this.world.nowTicks && client.wakeAtTicks <= atTicks) return; // an earlier one is queued
    client.wakeAtTicks = atTicks;
    this.world.wakeClient(c, atTicks);
  }

  private mainActive(): boolean {
    const w = this.workload;
    if (w.opsMax !== undefined && this.opsIssued >= w.opsMax) return false;
    if (w.stopAtTicks !== undefined && this.world.nowTicks >= w.stopAtTicks) return false;
    return !(w.finalRead !== undefined && this.healAtTicks !== undefined && this.healed);
  }

  /** A queued wake-up of client `c` (stale ones do nothing). */
  onWake(c: number): void {
    const client = this.clients[c]!;
    const now = this.world.nowTicks;
    if (client.wakeAtTicks !== now) return;
    client.wakeAtTicks = -1;
    if (client.outstanding >= this.perClient) return; // a completion wakes it
    if (now < client.nextInvokeTicks) return this.wake(c, client.nextInvokeTicks);
    const main = this.mainActive();
    if (!main && !this.finalReady(client)) return;
    const slot = client.slots.indexOf(-1);
    const id = this.requests.length;
    const done = this.world.clientEvent(c, 'invoke', -1, () => {
      const op = main ? this.generator.next() : this.finalRead(client);
      const to = this.server(c, client, op);
      this.requests.push({ client: c, slot, op, done: false });
      return { label: `invoke ${describeOp(op)}`, sends: [{ to, msg: { clientRequest: { client: c, id, op } } }] };
    });
    if (!done) return;
    const op = this.requests[id]!.op;
    if (main) this.opsIssued++;
    else client.finalKey++;
    client.slots[slot] = id;
    client.outstanding++;
    client.sent++;
    this.world.history({ process: c * this.perClient + slot, type: 'invoke', ...op, timeTicks: now });
    if (this.workload.timeoutTicks !== undefined) this.world.timeoutClient(c, id, now + this.workload.timeoutTicks);
    client.nextInvokeTicks = now + (main ? this.generator.gap() : 1);
    if (client.outstanding < this.perClient) this.wake(c, client.nextInvokeTicks);
  }

  /** Final reads start once the main phase is over, the plan healed (if it heals) and nothing is outstanding. */
  private finalReady(client: Client): boolean {
    if (this.workload.finalRead === undefined || client.finalKey >= this.finalKeys.length) return false;
    if (this.healAtTicks !== undefined && !this.healed) return false;
    return client.outstanding === 0;
  }

  private finalRead(client: Client): Operation {
    const key = this.finalKeys[client.finalKey];
    const f = this.workload.finalRead!.f;
    return key === undefined ? { f, value: null } : { f, key, value: null };
  }

  private server(c: number, client: Client, op: Operation): NodeId {
    const s = this.workload.server ?? 'round-robin';
    const n = this.world.nodeCount;
    if (s === 'round-robin') return (c + client.sent) % n;
    if (s === 'random') return this.world.chooser.intRange('workload:server', 0, n - 1);
    if (typeof s === 'function') {
      const to = s(c, op, client.last, n);
      if (!Number.isInteger(to) || to < 0 || to >= n) throw new Error(`workload server function answered ${String(to)} for client c${c}; expected a node from 0 to ${n - 1}`);
      return to;
    }
    return s.fixed;
  }

  /** Message `msgId`, a reply to request `reply.request`, arrives at client `c`. */
  onReply(c: number, msgId: number, reply: ClientReply): void {
    const req = this.requests[reply.request];
    const ok = this.world.clientEvent(c, 'reply', msgId, () => ({ label: '', sends: [] }));
    if (!ok || req === undefined || req.client !== c || req.done) return; // late (timed out) or a duplicate
    this.clients[c]!.last = reply;
    this.complete(req, reply.type, reply.value);
  }

  /** Request `id` of client `c` timed out: unknown outcome (`info`) unless it completed already. */
  onTimeout(c: number, id: number): void {
    const req = this.requests[id]!;
    if (req.done) return;
    if (!this.world.clientEvent(c, 'timeout', -1, () => ({ label: `timeout ${describeOp(req.op)} (req ${id})`, sends: [] }))) return;
    this.complete(req, 'info', null);
  }

  /** Ends `req` (an `info` keeps the invoke's value, as Jepsen's do) and wakes its client for the next one. */
  private complete(req: Request, type: 'ok' | 'fail' | 'info', value: Operation['value']): void {
    const client = this.clients[req.client]!;
    req.done = true;
    client.slots[req.slot] = -1;
    client.outstanding--;
    const { f, key } = req.op;
    const process = req.client * this.perClient + req.slot;
    this.world.history({ process, type, f, ...(key === undefined ? {} : { key }), value: type === 'info' ? req.op.value : value, timeTicks: this.world.nowTicks });
    this.wake(req.client, Math.max(this.world.nowTicks, client.nextInvokeTicks));
  }
}

function describeOp(op: Operation): string {
  return `${op.f}${op.key === undefined ? '' : ` ${op.key}`} ${JSON.stringify(op.value)}`;
}
