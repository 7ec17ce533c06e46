/**
 * Names of the places where a run's choices are made (sim/chooser.ts, sites on): each event and each message gets a
 * name built from what it is, not from when it happened or how many events came before it, so the same decision keeps
 * its name when a shrinker's edit adds or removes decisions elsewhere.
 *
 * - `s2`: node 2's start; `r2#0`: its first restart.
 * - `t2:election#3`: the fourth firing of node 2's timer `election`.
 * - `m0>2:RequestVote(term 1, p0)#1`: the second message with that summary from node 0 to node 2 (its drop, delay
 *   and duplicate choices); `m0>2:…#1@#0`: the handler that received its first copy.
 * - `f@45`: the random fault step at tick 45; `swarm`: the swarm plan's draws.
 */
import type { NodeId } from './process.js';
import { Kind } from './recorder.js';

export class SiteNames {
  private readonly counts = new Map<string, number>();
  /** Per link (from·n + to): messages sent so far by summary. */
  private readonly linkCounts: Map<string, number>[] = [];
  private readonly messageSites: string[] = [];
  /** Copies of each message received so far. */
  private readonly copies: number[] = [];

  constructor(private readonly n: number) {}

  private next(base: string): string {
    const k = this.counts.get(base) ?? 0;
    this.counts.set(base, k + 1);
    return `${base}#${k}`;
  }

  /**
   * The site of an event about to run: a receipt (`ref`: the message), a timer firing (`ref`: its serial, named in
   * `timerNames`), a start or a restart.
   */
  event(node: NodeId, kind: Kind, ref: number, timerNames: readonly string[]): string {
    if (kind === Kind.Receive) return this.receive(ref);
    if (kind === Kind.Timer) return this.timer(node, timerNames[ref]!);
    return kind === Kind.Start ? this.start(node) : this.restart(node);
  }

  start(node: NodeId): string {
    return `s${node}`;
  }

  restart(node: NodeId): string {
    return this.next(`r${node}`);
  }

  timer(node: NodeId, name: string): string {
    return this.next(`t${node}:${name}`);
  }

  /** Names message `id` (sent now) and answers its site. */
  message(id: number, from: NodeId, to: NodeId, summary: string): string {
    const counts = (this.linkCounts[from * this.n + to] ??= new Map());
    const k = counts.get(summary) ?? 0;
    counts.set(summary, k + 1);
    const site = `m${from}>${to}:${summary}#${k}`;
    this.messageSites[id] = site;
    return site;
  }

  /** The site of the handler receiving a copy of message `id`. */
  receive(id: number): string {
    const k = this.copies[id] ?? 0;
    this.copies[id] = k + 1;
    return `${this.messageSites[id]}@#${k}`;
  }

  faultStep(tick: number): string {
    return `f@${tick}`;
  }
}
