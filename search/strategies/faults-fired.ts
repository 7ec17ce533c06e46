/**
 * The faults a run actually fired, counted by kind: crashes, restarts, pauses and resumes (scripted or random, from
 * the recorded events), partitions and heals drawn by the random fault step, messages lost, cut by a partition or
 * dropped at a crashed node, messages delivered more than once, and storage faults (`storage:lose`, `storage:torn`,
 * `storage:read-error`, `storage:fsync-delay`). A campaign sums them, so a "green" campaign
 * whose faults never fired shows it.
 */
import type { Execution } from '../../execution/types.js';

/** Counts by fault kind (kinds that never fired are absent). */
export type FaultCounts = Record<string, number>;

export function faultsFired(execution: Execution, schedule: readonly { readonly kind: string; readonly value: number }[]): FaultCounts {
  const out: FaultCounts = {};
  const add = (kind: string, count = 1) => {
    out[kind] = (out[kind] ?? 0) + count;
  };
  for (const e of execution.events) {
    if (e.kind === 'crash' || e.kind === 'restart' || e.kind === 'pause' || e.kind === 'resume') add(e.kind);
  }
  for (const c of schedule) {
    if (c.value === 1 && (c.kind === 'fault:partition' || c.kind === 'fault:heal')) add(c.kind.slice('fault:'.length));
  }
  // Storage faults (sim/storage.ts): each one that fired is a `storage:*` choice of value 1.
  for (const c of schedule) {
    if (c.value === 1 && STORAGE_FAULTS.has(c.kind)) add(c.kind);
  }
  for (const m of execution.messages) {
    if (m.fate === 'dropped') add(`dropped:${m.dropReason ?? 'unknown'}`);
    if (m.receiveEvents.length > 1) add('duplicated', m.receiveEvents.length - 1);
  }
  return out;
}

const STORAGE_FAULTS: ReadonlySet<string> = new Set(['storage:lose', 'storage:torn', 'storage:read-error', 'storage:fsync-delay']);

/** Adds `b` into `a`. */
export function addFaultCounts(a: FaultCounts, b: FaultCounts): void {
  for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + v;
}

/** The counts sorted by kind, so that a report lists them in the same order every time. */
export function sortedFaultCounts(counts: FaultCounts): FaultCounts {
  return Object.fromEntries(Object.keys(counts).sort().map((k) => [k, counts[k]!]));
}
