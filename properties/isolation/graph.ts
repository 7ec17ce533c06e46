/**
 * The dependency graph over transactions: at most one edge of each kind between two transactions, with the reason
 * it was inferred (the first found), bounded by `edgesMax`. Real-time and process-order edges are added here too.
 */
import { EDGE_KINDS, type Anomaly, type Atom, type EdgeKind, type EdgeReason, type Transaction } from './types.js';

export class DependencyGraph {
  /** `out[from]`: successor id → the reasons, one per kind. */
  private readonly out: Map<number, EdgeReason[]>[];
  edges = 0;
  /** Set when `edgesMax` was reached: later edges are dropped and the verdict can only be `unknown` or `false`. */
  stopped = false;

  constructor(
    readonly size: number,
    private readonly edgesMax: number,
  ) {
    this.out = Array.from({ length: size }, () => new Map());
  }

  add(from: number, to: number, kind: EdgeKind, text: string): void {
    if (from === to || this.stopped) return;
    const reasons = this.out[from]!.get(to);
    if (reasons?.some((r) => r.kind === kind)) return;
    if (this.edges >= this.edgesMax) {
      this.stopped = true;
      return;
    }
    this.edges++;
    if (reasons === undefined) this.out[from]!.set(to, [{ kind, text }]);
    else reasons.push({ kind, text });
  }

  /** Successors of `from` over edges of the kinds `allowed`, in increasing id order. */
  successors(from: number, allowed: ReadonlySet<EdgeKind>): number[] {
    const next: number[] = [];
    for (const [to, reasons] of this.out[from]!) if (reasons.some((r) => allowed.has(r.kind))) next.push(to);
    return next.sort((a, b) => a - b);
  }

  /** Every edge, by source, target and kind. */
  list(): { from: number; to: number; kind: EdgeKind; text: string }[] {
    const out: { from: number; to: number; kind: EdgeKind; text: string }[] = [];
    this.out.forEach((m, from) => {
      for (const to of [...m.keys()].sort((a, b) => a - b)) for (const r of m.get(to)!) out.push({ from, to, ...r });
    });
    return out.sort((a, b) => a.from - b.from || a.to - b.to || EDGE_KINDS.indexOf(a.kind) - EDGE_KINDS.indexOf(b.kind));
  }

  /** The reason of an edge from→to of an allowed kind, data edges first (ww, wr, rw, realtime, process). */
  reason(from: number, to: number, allowed: ReadonlySet<EdgeKind>): EdgeReason | undefined {
    const reasons = this.out[from]!.get(to) ?? [];
    for (const kind of EDGE_KINDS) {
      const r = reasons.find((x) => x.kind === kind);
      if (r !== undefined && allowed.has(kind)) return r;
    }
    return undefined;
  }
}

/** `T3 (index 5)`, `T3 (line 7)` or `T3`: how a transaction is named in messages. */
export function transactionName(t: Transaction): string {
  if (t.index !== undefined) return `T${t.id + 1} (index ${t.index})`;
  if (t.line !== undefined) return `T${t.id + 1} (line ${t.line})`;
  return `T${t.id + 1}`;
}

/** `9`, `"x"`, `:k`: an atom as written in EDN. */
export function atomText(a: Atom): string {
  return typeof a === 'number' || a.startsWith(':') ? String(a) : JSON.stringify(a);
}

export function listText(list: readonly Atom[]): string {
  return `[${list.map(atomText).join(' ')}]`;
}

/**
 * Real-time edges: T1 → T2 when T1 committed (`ok`) before T2 was invoked. Only the frontier is linked (a completed
 * transaction not yet known to precede another completed one), which keeps the order's transitive reduction small.
 */
export function addRealtimeEdges(txns: readonly Transaction[], graph: DependencyGraph): void {
  const events: { at: number; id: number; invoke: boolean }[] = [];
  for (const t of txns) {
    if (t.type === 'fail') continue;
    events.push({ at: t.invokedAt, id: t.id, invoke: true });
    if (t.type === 'ok' && t.completedAt !== undefined) events.push({ at: t.completedAt, id: t.id, invoke: false });
  }
  events.sort((a, b) => a.at - b.at || Number(a.invoke) - Number(b.invoke) || a.id - b.id);
  let frontier: number[] = [];
  const before = new Map<number, number[]>();
  for (const e of events) {
    if (e.invoke) {
      before.set(e.id, frontier);
      for (const p of frontier) graph.add(p, e.id, 'realtime', `${transactionName(txns[p]!)} completed before ${transactionName(txns[e.id]!)} was invoked`);
    } else {
      const covered = new Set(before.get(e.id) ?? []);
      frontier = frontier.filter((p) => !covered.has(p)).concat([e.id]);
    }
  }
}

/** Process-order edges: consecutive transactions of one process (committed or of unknown outcome). */
export function addProcessEdges(txns: readonly Transaction[], graph: DependencyGraph): void {
  const last = new Map<Atom, Transaction>();
  for (const t of txns) {
    if (t.process === undefined || t.type === 'fail') continue;
    const prev = last.get(t.process);
    if (prev !== undefined) graph.add(prev.id, t.id, 'process', `process ${atomText(t.process)} ran ${transactionName(prev)} and then ${transactionName(t)}`);
    last.set(t.process, t);
  }
}

/** Anomalies found so far, each once (by name and text). */
export type Findings = Map<string, Anomaly>;

export function report(found: Findings, anomaly: Anomaly): void {
  const key = `${anomaly.name}\n${anomaly.text}`;
  if (!found.has(key)) found.set(key, anomaly);
}
