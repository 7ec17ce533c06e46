/**
 * The simulator: one discrete-event loop over a seeded (or replayed) schedule. It runs a protocol's handlers, carries
 * out what they request, applies the fault plan and records the run (sim/recorder.ts).
 */
import type { MessageRecord, State } from '../execution/types.js';
import { Chooser, type SiteOptions } from './chooser.js';
import type { ChoiceDecider } from './decider.js';
import { ClientHistory } from './client-history.js';
import { SimContext } from './context.js';
import { Disks } from './disks.js';
import { applyFault, swarmPlan, type World } from './faults.js';
import { RandomFaultStep } from './random-faults.js';
import { LIMITS_DEFAULT, STORAGE_CHARS_MAX_DEFAULT, type EndReason, type Limits } from './limits.js';
import { Network } from './network.js';
import type { Choice, NetworkFault, ProtocolError, RunOutcome, StorageFault } from './outcome.js';
import type { FaultPlan } from './plan.js';
import type { AnyProtocol, NodeId } from './process.js';
import { EventQueue } from './queue.js';
import { Random } from './random.js';
import { MessageStore } from './messages.js';
import { checkedObservation } from './observe-check.js';
import { Kind, Recorder } from './recorder.js';
import { SiteNames } from './sites.js';
import { WorkloadClients, type ClientEventBody } from './workload/clients.js';
import { describeWithClients, hostName, hostNames, reliableClientLinks } from './workload/hook.js';
import type { ClientMessage, Workload } from './workload/types.js';

/** What to simulate. */
export interface SimulationConfig {
  readonly protocol: AnyProtocol;
  readonly nodeCount: number;
  /** A validated plan (validatePlan); an invalid one is a bug of the caller. */
  readonly plan: FaultPlan;
  readonly limits?: Partial<Limits>;
  /** The seed of a fresh run; ignored when `schedule` is given. */
  readonly seed: number;
  /** Replay these choices instead of drawing from the seed. */
  readonly schedule?: readonly Choice[];
  /** Indices into `plan.scripted` of scripted faults that do not happen (a shrunk repro leaves them out). */
  readonly scriptedFaultsSkipped?: readonly number[];
  /** Record vector clocks, snapshots and messages (default true). Off: `execution` has no events. */
  readonly record?: boolean;
  readonly label?: string;
  /** Told of every recorded event as it happens; it may end the run there (needs `record`). */
  readonly observer?: EventObserver;
  /** Name the site of every choice, and decide by site when `keyed` is given (sim/chooser.ts). */
  readonly sites?: SiteOptions;
  /** Makes a fresh run's choices instead of the seed's generator (a search strategy; sim/decider.ts). */
  readonly decider?: ChoiceDecider;
  /** Client processes apart from the protocol (sim/workload/); a validated one (validateWorkload). */
  readonly workload?: Workload;
}

/**
 * Watches a run event by event (online predicate detection, say). `onEvent` gets the event's host, its 1-based
 * index on the host, its vector clock (a view valid only during the call) and the fields it recorded; returning
 * true ends the run after this event, with end reason `observer-stop`.
 */
export interface EventObserver {
  onEvent(host: NodeId, index: number, clock: Int32Array, fields: State): boolean;
}

/** A run's outcome plus counters. */
export interface SimulationResult extends RunOutcome {
  /** Events that happened (recorded or not). */
  readonly eventCount: number;
  /** Replayed choices that did not fit and were replaced by defaults. */
  readonly fallbackCount: number;
  /** The site key of every choice of the schedule (when sites were on). */
  readonly siteKeys?: readonly string[];
  /** The tick at which each choice of the schedule was made (when sites were on). */
  readonly siteTicks?: readonly number[];
  /** The protocol's declared `fields` (`Protocol.fields`), when it declares them: what predicates may name. */
  readonly fieldsDeclared?: readonly string[];
  /** Clients of the workload (hosts `nodeCount ..`), when it has one. */
  readonly clientCount?: number;
  /** The partitions, heals, clogs and unclogs that fired (changed some link), in order. */
  readonly networkFaults: readonly NetworkFault[];
  /** The storage faults that struck, in order. */
  readonly storageFaults: readonly StorageFault[];
}

const DELIVER = 0;
const TIMER = 1;
const START = 2;
const SCRIPTED = 3;
const RANDOM_STEP = 4;
const HEAL = 5;
const CLIENT_WAKE = 6;
const CLIENT_TIMEOUT = 7;
const FSYNC = 8;

/** Runs one simulation. Pure: the same config gives the same result. */
export function simulate(config: SimulationConfig): SimulationResult {
  return new Simulation(config).run();
}

class Simulation implements World {
  readonly n: number;
  /** Protocol nodes and workload clients: the execution's hosts (links are indexed `from * hostCount + to`). */
  private readonly hostCount: number;
  private readonly clients: WorkloadClients | undefined;
  readonly protocol: AnyProtocol;
  readonly chooser: Chooser;
  readonly network: Network;
  readonly plan: FaultPlan;
  private readonly ctx: SimContext;
  private readonly recorder: Recorder | undefined;
  private readonly observer: EventObserver | undefined;
  private observerStopped = false;
  private readonly limits: Limits;
  private readonly queue: EventQueue;
  nowTicks = 0;
  healed = false;
  private eventCount = 0;
  private protocolError: ProtocolError | undefined;
  private storageFull = false;
  /** The storage note's lead of the event `handle` records next (an fsync's delay). */
  private storageLead: string | undefined;
  private readonly disks: Disks;
  // nodes
  readonly up: Uint8Array;
  readonly paused: Uint8Array;
  private readonly states: unknown[];
  private readonly durables: unknown[];
  private readonly timers: Map<string, number>[];
  private readonly held: number[][];
  private readonly skewRate: Float64Array;
  private readonly skewOffset: Float64Array;
  private readonly timerNamesBySerial: string[] = [];
  private readonly msgs: MessageStore;
  private readonly history: ClientHistory;
  private readonly sites: SiteNames | undefined;
  private readonly fieldsDeclared: ReadonlySet<string> | undefined;
  private readonly decider: ChoiceDecider | undefined;
  private readonly randomFaults: RandomFaultStep | undefined;
  private readonly networkFaults: NetworkFault[] = [];

  constructor(private readonly config: SimulationConfig) {
    const n = config.nodeCount;
    this.n = n;
    const clientCount = config.workload?.clients ?? 0;
    this.hostCount = n + clientCount;
    this.protocol = config.protocol;
    this.fieldsDeclared = config.protocol.fields === undefined ? undefined : new Set(config.protocol.fields);
    const describe = config.protocol.describe;
    const described = describe === undefined ? undefined : (m: unknown) => describe.call(config.protocol, m);
    this.msgs = new MessageStore(clientCount === 0 ? (described ?? (() => 'msg')) : describeWithClients(described));
    const fresh = config.schedule === undefined && config.sites?.keyed === undefined;
    this.decider = fresh ? config.decider : undefined;
    this.chooser = new Chooser(fresh ? new Random(config.seed) : undefined, config.schedule, config.sites, this.decider);
    this.sites = config.sites === undefined ? undefined : new SiteNames(this.hostCount);
    if (this.sites !== undefined) this.chooser.at('swarm', 0);
    this.plan = config.plan.swarm === true ? swarmPlan(config.plan, this.chooser) : config.plan;
    this.network = new Network(this.hostCount, this.plan.network, this.plan.links);
    if (clientCount > 0) reliableClientLinks(this.network, n);
    this.randomFaults = this.plan.random === undefined ? undefined : new RandomFaultStep(this.plan.random, n);
    this.limits = { ...LIMITS_DEFAULT, ...config.limits };
    this.ctx = new SimContext(n, this.chooser, clientCount);
    this.ctx.storage.faults = this.plan.storage;
    this.disks = new Disks(n, this.plan.storage, this.chooser, this.limits.storageCharsMax ?? STORAGE_CHARS_MAX_DEFAULT);
    this.recorder = config.record === false ? undefined : new Recorder(this.hostCount, clientCount === 0 ? undefined : hostNames(n, clientCount));
    this.observer = config.observer;
    this.up = new Uint8Array(n);
    this.paused = new Uint8Array(n);
    this.states = new Array<unknown>(n).fill(undefined);
    this.durables = new Array<unknown>(n).fill(undefined);
    this.timers = Array.from({ length: n }, () => new Map<string, number>());
    this.held = Array.from({ length: n }, () => []);
    this.history = new ClientHistory(n);
    this.skewRate = new Float64Array(n).fill(100);
    this.skewOffset = new Float64Array(n);
    for (const s of this.plan.clockSkews ?? []) {
      this.skewRate[s.node] = s.ratePercent;
      this.skewOffset[s.node] = s.offsetTicks;
    }
    this.queue = new EventQueue();
    this.clients = config.workload === undefined ? undefined : new WorkloadClients(config.workload, this.clientWorld(), this.plan.healAtTicks);
  }

  run(): SimulationResult {
    const q = this.queue;
    for (let node = 0; node < this.n; node++) q.push(0, START, node, 0);
    if (this.plan.healAtTicks !== undefined) q.push(this.plan.healAtTicks, HEAL, 0, 0);
    const scripted = this.plan.scripted ?? [];
    const skipped = new Set(this.config.scriptedFaultsSkipped ?? []);
    const order = scripted
      .map((_, i) => i)
      .filter((i) => !skipped.has(i))
      .sort((a, b) => scripted[a]!.atTicks - scripted[b]!.atTicks || a - b);
    for (const i of order) q.push(scripted[i]!.atTicks, SCRIPTED, i, 0);
    if (this.plan.random !== undefined) q.push(this.plan.random.stepTicks, RANDOM_STEP, 0, 0);
    this.clients?.start();
    let endReason: EndReason;
    for (;;) {
      if (this.protocolError !== undefined) {
        endReason = 'protocol-error';
        break;
      }
      if (this.storageFull) {
        endReason = 'storage-limit';
        break;
      }
      if (this.observerStopped) {
        endReason = 'observer-stop';
        break;
      }
      const t = q.peekTimeTicks();
      if (t === Infinity) {
        endReason = 'quiescent';
        break;
      }
      if (t > this.limits.timeTicksMax) {
        endReason = 'time-limit';
        break;
      }
      if (this.eventCount >= this.limits.eventsMax) {
        endReason = 'events-limit';
        break;
      }
      q.pop();
      this.nowTicks = q.timeTicks;
      this.dispatch(q.kind, q.a, q.b);
    }
    return this.result(endReason);
  }

  private dispatch(kind: number, a: number, b: number): void {
    switch (kind) {
      case DELIVER:
        return this.deliver(a);
      case TIMER:
        return this.fireTimer(a, b);
      case START:
        this.up[a] = 1;
        return this.handle(a, Kind.Start, 'start', -1, () => this.protocol.init(this.ctx));
      case SCRIPTED:
        if (!this.healed) applyFault(this, this.plan.scripted![a]!.action);
        return;
      case RANDOM_STEP:
        return this.randomStep();
      case HEAL:
        return this.heal();
      case CLIENT_WAKE:
        return this.clients!.onWake(a);
      case CLIENT_TIMEOUT:
        return this.clients!.onTimeout(a, b);
      case FSYNC:
        return this.fsyncDone(a);
      default:
        throw new Error(`unknown queue entry kind ${kind}`);
    }
  }

  private deliver(id: number): void {
    const to = this.msgs.to[id]!;
    if (to >= this.n) {
      this.msgs.pending[id]!--;
      return this.clients!.onReply(to - this.n, id, (this.msgs.payload[id] as Extract<ClientMessage, { clientReply: unknown }>).clientReply);
    }
    if (this.up[to] === 0) {
      this.msgs.noteDrop(id, 'crashed');
      return;
    }
    if (this.paused[to] === 1) {
      this.held[to]!.push(DELIVER, id, 0);
      return;
    }
    this.msgs.pending[id]!--;
    const from = this.msgs.from[id]!;
    const msg = this.msgs.payload[id];
    if (from >= this.n) return this.handle(to, Kind.Receive, undefined, id, () => this.clientRequest(to, msg));
    this.handle(to, Kind.Receive, undefined, id, () => this.protocol.onMessage(this.states[to], from, msg, this.ctx));
  }

  private fireTimer(node: NodeId, serial: number): void {
    const name = this.timerNamesBySerial[serial]!;
    const timers = this.timers[node]!;
    if (timers.get(name) !== serial) return; // cancelled, replaced, or lost in a crash
    if (this.paused[node] === 1) {
      this.held[node]!.push(TIMER, node, serial);
      return;
    }
    timers.delete(name);
    this.handle(node, Kind.Timer, undefined, serial, () => this.protocol.onTimer(this.states[node], name, this.ctx));
  }

  /** Runs one handler as one event and carries out what it requested. */
  private handle(
    node: NodeId,
    kind: Kind,
    label: string | undefined,
    labelRef: number,
    handler: () => unknown,
  ): void {
    if (this.eventCount >= this.limits.eventsMax) return; // one dispatch may make several events (heal)
    if (this.sites !== undefined) this.chooser.at(this.sites.event(node, kind, labelRef, this.timerNamesBySerial), this.nowTicks);
    const from = kind === Kind.Receive ? this.msgs.from[labelRef]! : -1;
    this.decider?.onEvent?.(node, this.nowTicks, from < this.n ? from : -1); // strategies know the protocol's nodes only
    const ctx = this.ctx;
    ctx.reset(node, this.localTicks(node));
    ctx.storage.reset(this.disks.of(node), this.storageLead);
    this.storageLead = undefined;
    let next: unknown;
    let fields: State | undefined;
    try {
      next = handler();
      if (this.recorder !== undefined) fields = checkedObservation(this.protocol.observe(next, node), this.fieldsDeclared);
      if (ctx.ops.length > 0) this.history.apply(node, ctx.ops, this.nowTicks);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.protocolError = { node, eventId: this.eventCount, message };
      return;
    }
    this.states[node] = next;
    const eventId = this.eventCount++;
    const sentFirst = this.msgs.count;
    const sendTo = ctx.sendTo;
    const sendCount = ctx.sendCount;
    for (let i = 0; i < sendCount; i++) this.send(node, sendTo[i]!, ctx.sendMsg[i], eventId);
    if (this.recorder !== undefined) {
      const received = kind === Kind.Receive ? labelRef : -1;
      const receivedEvent = received >= 0 ? this.msgs.sendEvent[received]! : -1;
      const r = this.recorder;
      const id = r.record(node, kind, label, labelRef, this.nowTicks, fields!, received, receivedEvent, sentFirst, sendCount);
      const note = ctx.storage.note();
      if (note !== undefined) r.note(id, note);
      this.notify(node, id, fields!);
      if (received >= 0) this.msgs.noteReceive(received, eventId);
    }
    for (let i = 0; i < ctx.timerNames.length; i++) this.setTimer(node, ctx.timerNames[i]!, ctx.timerDelays[i]!);
    if (ctx.persisted) this.durables[node] = ctx.durable;
    this.disks.readErrors(node, ctx.storage.readErrors);
    if (ctx.storage.requests.length > 0) {
      const schedule = (ticks: number, serial: number) => this.queue.push(this.nowTicks + ticks, FSYNC, serial, 0);
      if (!this.disks.apply(node, ctx.storage, schedule)) this.storageFull = true;
    }
  }

  /** An fsync completes (an event, `onFsync`), unless a crash voided it; held while the node is paused. */
  private fsyncDone(serial: number): void {
    const node = this.disks.nodeOf(serial);
    if (this.paused[node] === 1) {
      this.held[node]!.push(FSYNC, serial, 0);
      return;
    }
    const done = this.disks.complete(serial);
    if (done === undefined) return;
    const onFsync = this.protocol.onFsync;
    const ref = this.timerNamesBySerial.push('(fsync)') - 1; // the event's site is `t<node>:(fsync)#k`
    this.storageLead = done.lead;
    this.handle(node, Kind.Timer, done.label, ref, () =>
      onFsync === undefined ? this.states[node] : onFsync.call(this.protocol, this.states[node], done.id, this.ctx),
    );
    this.storageLead = undefined; // unused when the run ended before the event
  }

  private send(from: NodeId, to: NodeId, msg: unknown, eventId: number): void {
    const id = this.msgs.add(from, to, msg, eventId);
    if (this.sites !== undefined) this.chooser.at(this.sites.message(id, from, to, this.msgs.summary(id)), this.nowTicks);
    if (from < this.n && to < this.n) this.decider?.onSend?.(from, to, this.nowTicks); // not told of client links
    const net = this.network;
    const link = from * this.hostCount + to;
    if (net.blocked[link] === 1) {
      this.msgs.dropReason[id] = 'partition';
    } else if (this.chooser.chance('drop', net.loss[link]!)) {
      this.msgs.dropReason[id] = 'loss';
    } else {
      this.schedule(id, link);
      if (this.chooser.chance('duplicate', net.duplication[link]!)) this.schedule(id, link);
    }
  }

  private schedule(id: number, link: number): void {
    const net = this.network;
    const drawn = this.chooser.intRange('delay', net.delayTicksMin[link]!, net.delayTicksMax[link]!);
    let t = this.nowTicks + drawn * net.clogFactor[link]!;
    if (net.fifo[link] === 1) {
      if (t < net.lastDeliveryTicks[link]!) t = net.lastDeliveryTicks[link]!;
      net.lastDeliveryTicks[link] = t;
    }
    this.msgs.pending[id]!++;
    this.queue.push(t, DELIVER, id, 0);
  }

  private setTimer(node: NodeId, name: string, delayTicks: number): void {
    const timers = this.timers[node]!;
    if (delayTicks < 0) {
      timers.delete(name);
      return;
    }
    const serial = this.timerNamesBySerial.length;
    this.timerNamesBySerial.push(name);
    timers.set(name, serial);
    const rate = this.skewRate[node]!;
    const virtualTicks = rate === 100 ? delayTicks : Math.max(1, Math.ceil((delayTicks * 100) / rate));
    this.queue.push(this.nowTicks + virtualTicks, TIMER, node, serial);
  }

  private localTicks(node: NodeId): number {
    const rate = this.skewRate[node]!;
    const t = rate === 100 ? this.nowTicks : Math.floor((this.nowTicks * rate) / 100);
    return t + this.skewOffset[node]!;
  }

  // ---- faults (World) ----

  crash(node: NodeId): void {
    if (this.eventCount >= this.limits.eventsMax) return; // the run ends here
    if (this.up[node] === 0) return;
    const storageNote = this.disks.crash(node);
    this.recordBare(node, Kind.Crash, storageNote === undefined ? 'crash' : `crash [${storageNote}]`);
    this.up[node] = 0;
    this.paused[node] = 0;
    this.states[node] = undefined;
    this.timers[node]!.clear();
    const held = this.held[node]!;
    for (let i = 0; i < held.length; i += 3) {
      if (held[i] === DELIVER) this.msgs.noteDrop(held[i + 1]!, 'crashed');
    }
    held.length = 0;
    this.history.crashed(node);
  }

  restart(node: NodeId): void {
    if (this.eventCount >= this.limits.eventsMax) return; // the run ends here
    if (this.up[node] === 1) return;
    this.up[node] = 1;
    this.history.restarted(node);
    const recover = this.protocol.onRecover;
    const durable = this.durables[node];
    // The restart is a site of its own; choices after it (in the same fault step) belong to the step again.
    const mark = this.sites === undefined ? undefined : this.chooser.siteMark();
    this.handle(node, Kind.Restart, 'restart', -1, () =>
      recover === undefined ? this.protocol.init(this.ctx) : recover.call(this.protocol, durable, this.ctx),
    );
    if (mark !== undefined) this.chooser.returnTo(mark);
  }

  pause(node: NodeId): void {
    if (this.eventCount >= this.limits.eventsMax) return; // the run ends here
    if (this.up[node] === 0 || this.paused[node] === 1) return;
    this.recordBare(node, Kind.Pause, 'pause');
    this.paused[node] = 1;
  }

  resume(node: NodeId): void {
    if (this.eventCount >= this.limits.eventsMax) return; // the run ends here
    if (this.paused[node] === 0) return;
    this.recordBare(node, Kind.Resume, 'resume');
    this.paused[node] = 0;
    const held = this.held[node]!;
    for (let i = 0; i < held.length; i += 3) this.queue.push(this.nowTicks, held[i]!, held[i + 1]!, held[i + 2]!);
    held.length = 0;
  }

  noteNetworkFault(kind: string, links: readonly number[]): void {
    if (links.length === 0) return;
    this.networkFaults.push({ ticks: this.nowTicks, kind, nodes: this.network.endsOf(links), links: links.length });
  }

  private recordBare(node: NodeId, kind: Kind, label: string): void {
    const id = this.recorder?.record(node, kind, label, -1, this.nowTicks, EMPTY, -1, -1, 0, 0);
    this.eventCount++;
    if (id !== undefined) this.notify(node, id, EMPTY);
  }

  /** Tells the observer of a recorded event; it may stop the run. */
  private notify(node: NodeId, id: number, fields: State): void {
    const observer = this.observer;
    if (observer === undefined || this.recorder === undefined) return;
    const clock = this.recorder.clockRow(id);
    if (observer.onEvent(node, clock[node]!, clock, fields)) this.observerStopped = true;
  }

  private randomStep(): void {
    if (this.healed) return;
    if (this.sites !== undefined) this.chooser.at(this.sites.faultStep(this.nowTicks), this.nowTicks);
    this.randomFaults!.step(this);
    const step = this.plan.random!.stepTicks;
    const next = this.nowTicks + step;
    const heal = this.plan.healAtTicks;
    let down = 0;
    for (let i = 0; i < this.n; i++) down += (1 - this.up[i]!) | this.paused[i]!;
    const faulty = down > 0 || this.network.partitioned || this.network.clogged;
    if ((heal === undefined || next < heal) && (this.queue.length > 0 || faulty)) {
      this.queue.push(next, RANDOM_STEP, 0, 0);
    }
  }

  private heal(): void {
    this.healed = true;
    this.noteNetworkFault('heal', this.network.heal());
    this.noteNetworkFault('unclog', this.network.unclog());
    this.network.calm();
    this.disks.heal();
    this.ctx.storage.faults = undefined;
    for (let node = 0; node < this.n; node++) {
      if (this.protocolError !== undefined) return;
      if (this.up[node] === 0) this.restart(node);
      else this.resume(node);
    }
    this.clients?.heal();
  }

  // ---- workload clients (sim/workload/) ----

  private clientRequest(node: NodeId, msg: unknown): unknown {
    const on = this.protocol.onClientRequest;
    if (on === undefined) throw new Error(`protocol ${this.protocol.name} has no onClientRequest, but the scenario has a workload`);
    return on.call(this.protocol, this.states[node], (msg as Extract<ClientMessage, { clientRequest: unknown }>).clientRequest, this.ctx);
  }

  private clientWorld(): ConstructorParameters<typeof WorkloadClients>[1] {
    const time = (): number => this.nowTicks;
    return {
      nodeCount: this.n,
      chooser: this.chooser,
      get nowTicks(): number {
        return time();
      },
      clientEvent: (c, kind, received, body) => this.clientEvent(c, kind, received, body),
      wakeClient: (c, atTicks) => this.queue.push(atTicks, CLIENT_WAKE, c, 0),
      timeoutClient: (c, request, atTicks) => this.queue.push(atTicks, CLIENT_TIMEOUT, c, request),
      history: (e) => this.history.events.push(e),
    };
  }

  /** One event of a workload client (see sim/workload/hook.ts): its choices, its record, its sends. */
  private clientEvent(c: number, kind: 'invoke' | 'reply' | 'timeout', received: number, body: () => ClientEventBody): boolean {
    if (this.eventCount >= this.limits.eventsMax || this.protocolError !== undefined) return false;
    const host = this.n + c;
    if (this.sites !== undefined) {
      const site = kind === 'reply' ? this.sites.receive(received) : this.sites.timer(host, kind);
      this.chooser.at(site, this.nowTicks);
    }
    let out: ClientEventBody;
    try {
      out = body();
    } catch (e) {
      this.protocolError = { node: host, hostName: `c${c}`, eventId: this.eventCount, message: e instanceof Error ? e.message : String(e) };
      return false;
    }
    const eventId = this.eventCount++;
    const sentFirst = this.msgs.count;
    for (const s of out.sends) this.send(host, s.to, s.msg, eventId);
    if (this.recorder !== undefined) {
      const code = kind === 'invoke' ? Kind.Send : kind === 'reply' ? Kind.Receive : Kind.Timer;
      const receivedEvent = received >= 0 ? this.msgs.sendEvent[received]! : -1;
      const label = kind === 'reply' ? undefined : out.label;
      const id = this.recorder.record(host, code, label, received, this.nowTicks, EMPTY, received, receivedEvent, sentFirst, out.sends.length);
      this.notify(host, id, EMPTY);
      if (received >= 0) this.msgs.noteReceive(received, eventId);
    }
    return true;
  }

  /** A node's observable state at the end; undefined when a failed handler left it without one. */
  private finalState(node: NodeId): State | undefined {
    try {
      return this.protocol.observe(this.states[node], node);
    } catch {
      return undefined;
    }
  }

  private result(endReason: EndReason): SimulationResult {
    const msgs = this.msgs;
    const messages = (): MessageRecord[] => (this.recorder === undefined ? [] : msgs.records());
    // Labels are interned: one string per (summary, sender) and per timer name.
    const receiveLabels = new Map<string, string[]>();
    const timerLabels = new Map<string, string>();
    const labelOf = (kind: Kind, ref: number): string => {
      if (kind === Kind.Receive) {
        const summary = msgs.summary(ref);
        const from = msgs.from[ref]!;
        let byFrom = receiveLabels.get(summary);
        if (byFrom === undefined) receiveLabels.set(summary, (byFrom = []));
        return (byFrom[from] ??= `${summary} from ${hostName(from, this.n)}`);
      }
      const name = this.timerNamesBySerial[ref]!;
      let label = timerLabels.get(name);
      if (label === undefined) timerLabels.set(name, (label = `timer ${name}`));
      return label;
    };
    const label = this.config.label ?? this.protocol.name;
    const execution = (this.recorder ?? new Recorder(this.hostCount)).finish(label, messages, labelOf);
    const finalStates: (State | undefined)[] = [];
    for (let node = 0; node < this.n; node++) {
      finalStates.push(this.up[node] === 1 ? this.finalState(node) : undefined);
    }
    const out: Omit<SimulationResult, 'schedule'> = {
      execution,
      history: this.history.events,
      endReason,
      endTicks: this.nowTicks,
      ...(this.plan.healAtTicks === undefined ? {} : { healAtTicks: this.plan.healAtTicks }),
      ...(this.protocolError === undefined ? {} : { protocolError: this.protocolError }),
      nodeCount: this.n,
      finalStates,
      inFlightCount: msgs.inFlightCount(),
      eventCount: this.eventCount,
      fallbackCount: this.chooser.fallbackCount,
      networkFaults: this.networkFaults,
      storageFaults: this.disks.fired,
      ...(this.fieldsDeclared === undefined ? {} : { fieldsDeclared: [...this.fieldsDeclared] }),
      ...(this.clients === undefined ? {} : { clientCount: this.hostCount - this.n }),
    };
    let schedule: Choice[] | undefined;
    // The schedule and its site keys are made on first access (like the execution's event objects).
    Object.defineProperty(out, 'schedule', { enumerable: true, get: () => (schedule ??= this.chooser.schedule()) });
    if (this.sites !== undefined) {
      let keys: string[] | undefined;
      Object.defineProperty(out, 'siteKeys', { enumerable: true, get: () => (keys ??= this.chooser.siteKeys()) });
      Object.defineProperty(out, 'siteTicks', { enumerable: true, get: () => this.chooser.siteTicks() });
    }
    return out as SimulationResult;
  }
}

const EMPTY: State = Object.freeze({});
