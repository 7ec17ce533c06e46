import type { ExecEvent, Execution } from '../../execution/types.js';

/**
 * Recognises lock events by their labels. A RegExp matches an event when it matches its label; the lock's name is
 * the named group `lock` when present, else the first capture group that matched, else `''` (one unnamed lock).
 * A function returns the lock's name, or undefined when the event is not of this kind.
 */
export type LockMatcher = RegExp | ((label: string, event: ExecEvent) => string | undefined);

/** Which events acquire and which release which lock. */
export interface LockModel {
  readonly acquire: LockMatcher;
  readonly release: LockMatcher;
}

/** One critical section: host `host` holds lock `lock` from its `acquireIndex`-th event to its `releaseIndex`-th. */
export interface CriticalSection {
  readonly lock: string;
  readonly host: number;
  /** Event id of the acquire. */
  readonly acquire: number;
  /** Event id of the release; undefined when the trace ends inside the section. */
  readonly release: number | undefined;
  /** 1-based positions among the host's events (releaseIndex = Infinity when never released). */
  readonly acquireIndex: number;
  readonly releaseIndex: number;
}

/**
 * The lock events of one execution, resolved per host, laid out for the feasibility test.
 *
 * Per thread, an acquire of a lock the thread already holds nests (re-entrant: only the outermost acquire and
 * release count); a release of a lock the thread does not hold is ignored (a section entered before the trace
 * began, e.g. the tsviz logs start mid-run). An event matching both patterns is an acquire.
 */
export class LockTable {
  /** Lock names, in order of first appearance in `exec.events`. */
  readonly names: string[] = [];
  /** For each event id: the lock index it takes (outermost acquire), else -1. */
  readonly takes: Int32Array;
  /** held[lock][h] = after k events of host h, whether h holds the lock (Uint8Array of length own + 1), or undefined. */
  readonly held: (Uint8Array | undefined)[][] = [];
  /** Hosts that ever hold each lock. */
  readonly holders: number[][] = [];
  readonly sections: CriticalSection[] = [];

  constructor(
    readonly exec: Execution,
    model: LockModel,
  ) {
    this.takes = new Int32Array(exec.events.length).fill(-1);
    const index = new Map<string, number>();
    const lockIndex = (name: string): number => {
      let at = index.get(name);
      if (at === undefined) {
        at = this.names.length;
        index.set(name, at);
        this.names.push(name);
        this.held.push(exec.hosts.map(() => undefined));
        this.holders.push([]);
      }
      return at;
    };
    const open = exec.hosts.map(() => new Map<number, { depth: number; acquire: number; acquireIndex: number }>());
    for (const e of exec.events) {
      const acquired = matchLock(model.acquire, e);
      const released = acquired === undefined ? matchLock(model.release, e) : undefined;
      const mine = open[e.host]!;
      if (acquired !== undefined) {
        const lock = lockIndex(acquired);
        const entry = mine.get(lock);
        if (entry !== undefined) entry.depth++;
        else {
          mine.set(lock, { depth: 1, acquire: e.id, acquireIndex: e.index });
          this.takes[e.id] = lock;
        }
      } else if (released !== undefined) {
        const lock = index.get(released);
        const entry = lock === undefined ? undefined : mine.get(lock);
        if (lock === undefined || entry === undefined) continue;
        if (--entry.depth > 0) continue;
        mine.delete(lock);
        this.mark(lock, e.host, entry.acquireIndex, e.index);
        this.sections.push({ lock: released, host: e.host, acquire: entry.acquire, release: e.id, acquireIndex: entry.acquireIndex, releaseIndex: e.index });
      }
    }
    for (let h = 0; h < open.length; h++) {
      for (const [lock, entry] of open[h]!) {
        this.mark(lock, h, entry.acquireIndex, Infinity);
        this.sections.push({ lock: this.names[lock]!, host: h, acquire: entry.acquire, release: undefined, acquireIndex: entry.acquireIndex, releaseIndex: Infinity });
      }
    }
    this.sections.sort((a, b) => a.acquire - b.acquire);
  }

  /** Marks host h as holding `lock` after k events for acquireIndex ≤ k < releaseIndex. */
  private mark(lock: number, h: number, acquireIndex: number, releaseIndex: number): void {
    const perHost = this.held[lock]!;
    let row = perHost[h];
    if (row === undefined) {
      row = new Uint8Array(this.exec.byHost[h]!.length + 1);
      perHost[h] = row;
      this.holders[lock]!.push(h);
    }
    const end = Math.min(releaseIndex, row.length);
    for (let k = acquireIndex; k < end; k++) row[k] = 1;
  }

  /**
   * True when adding host h's next event (`id`) to the lock-feasible cut `cut` keeps it lock-feasible: the event is
   * not the acquire of a lock another host holds at the cut. (Consistency is CutSpace.canAdvance's business.)
   */
  allows(cut: Int32Array, h: number, id: number): boolean {
    const lock = this.takes[id]!;
    if (lock < 0) return true;
    const rows = this.held[lock]!;
    for (const j of this.holders[lock]!) if (j !== h && rows[j]![cut[j]!] === 1) return false;
    return true;
  }

  /** Indices of the locks host h holds after its first k events. */
  heldBy(h: number, k: number): number[] {
    const out: number[] = [];
    for (let lock = 0; lock < this.names.length; lock++) if (this.held[lock]![h]?.[k] === 1) out.push(lock);
    return out;
  }
}

function matchLock(matcher: LockMatcher, event: ExecEvent): string | undefined {
  if (typeof matcher === 'function') return matcher(event.label, event);
  matcher.lastIndex = 0;
  const m = matcher.exec(event.label);
  if (m === null) return undefined;
  const named = m.groups?.['lock'];
  if (named !== undefined) return named;
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return m[i];
  return '';
}
