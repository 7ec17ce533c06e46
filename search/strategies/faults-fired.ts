/**
 * The faults a run actually fired, counted by kind and by node, from what the run recorded (never from its plan):
 * crashes, restarts, pauses and resumes (scripted, random or at the heal point) from its events; partitions by shape,
 * heals, clogs and unclogs from the network faults it noted (those that changed some link); messages lost, cut by a
 * partition or dropped at a crashed node, by reason; messages delivered more than once; and storage faults
 * (`storage:lose`, `storage:torn`, `storage:read-error`, `storage:fsync-delay`) at the node whose disk they struck. A campaign sums them, so a
 * "green" campaign whose faults never fired shows it.
 *
 * Each family of kinds is one counter in `COUNTERS`: adding a kind is adding a block there.
 */
import type { Execution } from '../../execution/types.js';
import type { NetworkFault, StorageFault } from '../../sim/outcome.js';
import type { NodeId } from '../../sim/process.js';

/** Counts by fault kind (kinds that never fired are absent). */
export type FaultCounts = Record<string, number>;

/** The faults that fired: by kind, and by node (`p0`, `p1`, …; nodes no fault touched are absent). */
export interface FaultsFired {
  readonly byKind: FaultCounts;
  readonly byNode: Record<string, FaultCounts>;
}

/** What the counts are taken from: a run's execution and the network faults it noted. */
export interface FiredSource {
  readonly execution: Execution;
  readonly networkFaults?: readonly NetworkFault[] | undefined;
  readonly storageFaults?: readonly StorageFault[] | undefined;
}

/** Counts `count` of `kind` once overall and once at each of `nodes`. */
type Add = (kind: string, nodes: readonly NodeId[], count?: number) => void;

const NODE_EVENT_KINDS: ReadonlySet<string> = new Set(['crash', 'restart', 'pause', 'resume']);

const COUNTERS: readonly ((run: FiredSource, add: Add) => void)[] = [
  // Crashes, restarts, pauses, resumes: the recorded events, at their host.
  (run, add) => {
    for (const e of run.execution.events) if (NODE_EVENT_KINDS.has(e.kind)) add(e.kind, [e.host]);
  },
  // Partitions (`partition:<shape>`), heals, clogs, unclogs: at every node one of whose links changed.
  (run, add) => {
    for (const f of run.networkFaults ?? []) add(f.kind, f.nodes);
  },
  // Storage faults: lost and torn writes at a crash, latent read errors, delayed fsyncs, at the node struck.
  (run, add) => {
    for (const f of run.storageFaults ?? []) add(f.kind, [f.node], f.count);
  },
  // Messages dropped, by reason (`dropped:loss`, `dropped:partition`, `dropped:crashed`), at the addressee.
  (run, add) => {
    for (const m of run.execution.messages) if (m.fate === 'dropped') add(`dropped:${m.dropReason ?? 'unknown'}`, [m.to]);
  },
  // Deliveries beyond the first, at the addressee.
  (run, add) => {
    for (const m of run.execution.messages) if (m.receiveEvents.length > 1) add('duplicated', [m.to], m.receiveEvents.length - 1);
  },
];

/** The faults one run fired. */
export function faultsFired(run: FiredSource): FaultsFired {
  const out: FaultsFired = { byKind: {}, byNode: {} };
  const add: Add = (kind, nodes, count = 1) => {
    out.byKind[kind] = (out.byKind[kind] ?? 0) + count;
    for (const x of nodes) {
      const at = (out.byNode[`p${x}`] ??= {});
      at[kind] = (at[kind] ?? 0) + count;
    }
  };
  for (const counter of COUNTERS) counter(run, add);
  return sortedFaultsFired(out);
}

/** No fault fired yet. */
export function noFaultsFired(): FaultsFired {
  return { byKind: {}, byNode: {} };
}

/** Adds `b` into `a`. */
export function addFaultsFired(a: FaultsFired, b: FaultsFired): void {
  addFaultCounts(a.byKind, b.byKind);
  for (const [node, counts] of Object.entries(b.byNode)) addFaultCounts((a.byNode[node] ??= {}), counts);
}

/** Adds `b` into `a`. */
export function addFaultCounts(a: FaultCounts, b: FaultCounts): void {
  for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + v;
}

/** The counts sorted by kind, so that a report lists them in the same order every time. */
export function sortedFaultCounts(counts: FaultCounts): FaultCounts {
  return Object.fromEntries(Object.keys(counts).sort().map((k) => [k, counts[k]!]));
}

/** Kinds sorted, and nodes in node order (`p2` before `p10`). */
export function sortedFaultsFired(f: FaultsFired): FaultsFired {
  const nodes = Object.keys(f.byNode).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  return { byKind: sortedFaultCounts(f.byKind), byNode: Object.fromEntries(nodes.map((x) => [x, sortedFaultCounts(f.byNode[x]!)])) };
}

/** `crash 2, restart 1`, or `none`. */
export function formatFaultCounts(counts: FaultCounts): string {
  const parts = Object.entries(counts).map(([kind, count]) => `${kind} ${count}`);
  return parts.length === 0 ? 'none' : parts.join(', ');
}
