/**
 * One event as the online detector receives it: its host, its 1-based index among the host's events, its vector
 * clock, and whether the host's local predicate holds in the state the event leads to.
 */
export interface OnlineEvent {
  readonly host: number;
  readonly index: number;
  readonly clock: ArrayLike<number>;
  readonly holds: boolean;
}

/**
 * Online weak conjunctive detection (Garg–Waldecker's checker): fed the events of an execution one at a time in
 * any order consistent with happened-before, it keeps per host a queue of the candidate states where the host's
 * local predicate holds (with the state's vector clock) and drops a candidate of host i as soon as some other
 * host's head candidate depends on more of host i's events. When every head is present and no head depends on
 * another host beyond its head, those heads form the least cut satisfying the conjunction, found as early as the
 * events allow. Hosts without a local predicate are treated as always true.
 */
export class OnlineConjunctiveDetector {
  private readonly queues: { index: number; clock: Int32Array }[][];
  private readonly heads: Int32Array;
  private readonly seen: Int32Array;
  private found: Int32Array | undefined;

  /**
   * @param hostCount number of hosts
   * @param initialHolds initialHolds[h]: host h's local predicate in its initial state (before any event)
   */
  constructor(
    readonly hostCount: number,
    initialHolds: readonly boolean[],
  ) {
    if (initialHolds.length !== hostCount) throw new Error(`initialHolds has ${initialHolds.length} entries, expected ${hostCount}`);
    this.queues = initialHolds.map((holds) => (holds ? [{ index: 0, clock: new Int32Array(hostCount) }] : []));
    this.heads = new Int32Array(hostCount);
    this.seen = new Int32Array(hostCount);
    this.resolve(); // the initial states may already satisfy the conjunction
  }

  /** The satisfying cut once detected (cut[h] = events of host h), else undefined. */
  get detected(): Int32Array | undefined {
    return this.found;
  }

  /**
   * Declares that every event has been fed: the answer is final. Returns the satisfying cut, or undefined when the
   * conjunction never held at any consistent cut.
   */
  finish(): Int32Array | undefined {
    return this.found;
  }

  /** Feeds one event; returns true once the conjunction has been detected (later events are ignored). */
  feed(event: OnlineEvent): boolean {
    if (this.found !== undefined) return true;
    const h = event.host;
    if (event.index !== this.seen[h]! + 1) {
      throw new Error(`host ${h}'s event ${event.index} arrived after its event ${this.seen[h]}`);
    }
    this.seen[h] = event.index;
    if (event.holds) this.queues[h]!.push({ index: event.index, clock: Int32Array.from(event.clock) });
    return this.resolve();
  }

  private resolve(): boolean {
    const n = this.hostCount;
    for (let changed = true; changed; ) {
      changed = false;
      for (let h = 0; h < n; h++) if (this.heads[h]! >= this.queues[h]!.length) return false;
      for (let j = 0; j < n; j++) {
        const head = this.queues[j]![this.heads[j]!]!;
        for (let i = 0; i < n; i++) {
          if (i === j) continue;
          // Drop host i's heads that happened before what host j's head depends on.
          while (this.heads[i]! < this.queues[i]!.length && this.queues[i]![this.heads[i]!]!.index < head.clock[i]!) {
            this.heads[i]!++;
            changed = true;
          }
          if (this.heads[i]! >= this.queues[i]!.length) return false;
        }
      }
    }
    const cut = new Int32Array(n);
    for (let h = 0; h < n; h++) cut[h] = this.queues[h]![this.heads[h]!]!.index;
    this.found = cut;
    return true;
  }
}
