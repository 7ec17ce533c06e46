import { concurrent } from '../../execution/clock.js';
import type { Execution } from '../../execution/types.js';
import { CutSpace } from '../lattice/cut-space.js';
import { resolveLimits } from '../lattice/limits.js';
import type { SearchLimits } from '../result-types.js';
import { searchFeasible } from './feasible-search.js';
import { type CriticalSection, LockTable } from './lock-model.js';
import type { LocksArgument } from './modalities.js';

/** Two critical sections of one lock, on different threads, that could run in either order. */
export interface ReorderablePair {
  readonly lock: string;
  /** The section that entered first in the recorded trace (smaller acquire id), and the other. */
  readonly first: CriticalSection;
  readonly second: CriticalSection;
}

/** The reorderable pairs, and whether the search that found them saw every feasible cut. */
export interface ReorderReport {
  readonly pairs: ReorderablePair[];
  /** False when a limit stopped the search: the pairs listed are certain, others may be missing. */
  readonly complete: boolean;
  readonly cutsVisited: number;
  readonly stoppedBy?: string;
}

/**
 * The pairs of critical sections of the same lock, on different threads, that could run in the other order: for
 * each order, some lock-feasible cut reachable from the empty cut has the one section entered and the other not
 * yet (from there, the other can only enter after the first releases). Decided on the edges of one breadth-first
 * search over the feasible cuts (an atomicity question: a pair listed here is not protected by its order).
 */
export function reorderableSections(exec: Execution, locks: LocksArgument, limits?: SearchLimits): ReorderReport {
  const table = locks instanceof LockTable ? locks : new LockTable(exec, locks);
  const sections = table.sections;
  const byLock = table.names.map(() => [] as number[]);
  const sectionOfAcquire = new Map<number, number>();
  sections.forEach((s, i) => {
    byLock[table.names.indexOf(s.lock)]!.push(i);
    sectionOfAcquire.set(s.acquire, i);
  });
  const count = sections.length;
  const before = new Set<number>();
  const outcome = searchFeasible(new CutSpace(exec), table, resolveLimits(limits), {
    admit: () => true,
    edge: (cut, h, id) => {
      const lock = table.takes[id]!;
      if (lock < 0) return;
      const s = sectionOfAcquire.get(id)!;
      for (const t of byLock[lock]!) {
        const other = sections[t]!;
        if (other.host !== h && cut[other.host]! < other.acquireIndex) before.add(s * count + t);
      }
    },
  });
  const pairs: ReorderablePair[] = [];
  for (let s = 0; s < count; s++) {
    for (let t = s + 1; t < count; t++) {
      if (before.has(s * count + t) && before.has(t * count + s)) {
        pairs.push({ lock: sections[s]!.lock, first: sections[s]!, second: sections[t]! });
      }
    }
  }
  const complete = outcome.kind !== 'stopped';
  return {
    pairs,
    complete,
    cutsVisited: outcome.cutsVisited,
    ...(outcome.kind === 'stopped' ? { stoppedBy: outcome.stoppedBy } : {}),
  };
}

/** Two writes of one field by different threads, neither happened before the other, under no common lock. */
export interface WriteRace {
  readonly field: string;
  /** Event ids, first < second. */
  readonly first: number;
  readonly second: number;
  /** The locks each write held (none in common). */
  readonly firstLocks: readonly string[];
  readonly secondLocks: readonly string[];
}

/**
 * Data races on `field`: pairs of events that write it (carry it in their own fields) on different threads,
 * concurrent by happened-before, whose threads hold no lock in common when they write (the locks held before the
 * event: an acquire's own write is outside its section, a release's inside). Ordered by the events' ids.
 */
export function writeRaces(exec: Execution, locks: LocksArgument, field: string): WriteRace[] {
  const table = locks instanceof LockTable ? locks : new LockTable(exec, locks);
  const writes = exec.events.filter((e) => Object.hasOwn(e.fields, field));
  const held = writes.map((e) => table.heldBy(e.host, e.index - 1));
  const races: WriteRace[] = [];
  for (let i = 0; i < writes.length; i++) {
    for (let j = i + 1; j < writes.length; j++) {
      const a = writes[i]!;
      const b = writes[j]!;
      if (a.host === b.host || !concurrent(exec, a.id, b.id)) continue;
      if (held[i]!.some((l) => held[j]!.includes(l))) continue;
      races.push({ field, first: a.id, second: b.id, firstLocks: held[i]!.map((l) => table.names[l]!), secondLocks: held[j]!.map((l) => table.names[l]!) });
    }
  }
  return races;
}
