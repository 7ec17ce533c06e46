/**
 * Cycle search: Tarjan's strongly connected components, then one short cycle per component, found by BFS and
 * classified by the weakest edges it needs, in Adya's order of severity:
 * G0 (ww edges only), G1c (ww and wr), G-single (exactly one rw), G2-item (two or more rw). Data edges are searched
 * first; with real-time or process-order edges, a component with no data cycle is searched again with them and its
 * cycle named `G0-realtime`, `G-single-process`, ... Every visit of a node or an edge counts against the budget.
 */
import { transactionName, type DependencyGraph } from './graph.js';
import type { CycleAnomaly, Cycle, CycleStep, EdgeKind, Transaction } from './types.js';

export interface SearchBudget {
  steps: number;
  readonly max: number;
  stopped: boolean;
}

function spend(budget: SearchBudget, n: number): boolean {
  budget.steps += n;
  if (budget.steps > budget.max) budget.stopped = true;
  return !budget.stopped;
}

/** Components of more than one node among `nodes` (sorted), over `allowed` edges; each sorted, by smallest id. */
export function components(graph: DependencyGraph, nodes: readonly number[], allowed: ReadonlySet<EdgeKind>, budget: SearchBudget): number[][] {
  const inSet = new Set(nodes);
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: number; next: number[]; i: number }[] = [];
    const open = (n: number): void => {
      index.set(n, counter);
      low.set(n, counter++);
      stack.push(n);
      onStack.add(n);
      work.push({ node: n, next: graph.successors(n, allowed).filter((m) => inSet.has(m)), i: 0 });
    };
    open(root);
    while (work.length > 0) {
      if (!spend(budget, 1)) return out;
      const top = work[work.length - 1]!;
      if (top.i < top.next.length) {
        const m = top.next[top.i++]!;
        if (!index.has(m)) open(m);
        else if (onStack.has(m)) low.set(top.node, Math.min(low.get(top.node)!, index.get(m)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const component: number[] = [];
        let m: number;
        do {
          m = stack.pop()!;
          onStack.delete(m);
          component.push(m);
        } while (m !== top.node);
        if (component.length > 1) out.push(component.sort((a, b) => a - b));
      }
    }
  }
  return out.sort((a, b) => a[0]! - b[0]!);
}

/** The shortest path from `from` to `to` (both included) over `allowed` edges inside `inSet`, by BFS. */
function shortestPath(graph: DependencyGraph, from: number, to: number, inSet: ReadonlySet<number>, allowed: ReadonlySet<EdgeKind>, budget: SearchBudget): number[] | undefined {
  const parent = new Map<number, number>([[from, from]]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const u of frontier) {
      for (const v of graph.successors(u, allowed)) {
        if (!spend(budget, 1)) return undefined;
        if (!inSet.has(v) || (parent.has(v) && v !== to)) continue;
        if (v === to) {
          const path: number[] = [];
          for (let w = u; w !== from; w = parent.get(w)!) path.push(w);
          path.push(from);
          path.reverse();
          if (from !== to) path.push(to);
          return path;
        }
        parent.set(v, u);
        next.push(v);
      }
    }
    frontier = next;
  }
  return undefined;
}

const kinds = (...k: EdgeKind[]): ReadonlySet<EdgeKind> => new Set(k);

/** The most severe cycle in one component, or undefined (none over these edges, or the budget ran out). */
function cycleIn(graph: DependencyGraph, component: readonly number[], extra: readonly EdgeKind[], budget: SearchBudget): { anomaly: CycleAnomaly; nodes: number[]; rwFirst: boolean } | undefined {
  const inSet = new Set(component);
  const levels: [CycleAnomaly, ReadonlySet<EdgeKind>][] = [['G0', kinds('ww', ...extra)], ['G1c', kinds('ww', 'wr', ...extra)]];
  for (const [anomaly, allowed] of levels) {
    const sub = components(graph, component, allowed, budget);
    if (sub.length === 0) continue;
    const start = sub[0]![0]!;
    const path = shortestPath(graph, start, start, new Set(sub[0]), allowed, budget);
    if (path !== undefined) return { anomaly, nodes: path, rwFirst: false };
  }
  if (budget.stopped) return undefined;
  const nonRw = kinds('ww', 'wr', ...extra);
  let best: number[] | undefined;
  for (const a of component) {
    for (const b of graph.successors(a, kinds('rw'))) {
      if (!inSet.has(b)) continue;
      const back = shortestPath(graph, b, a, inSet, nonRw, budget);
      if (back !== undefined && (best === undefined || back.length < best.length)) best = [a, ...back.slice(0, -1)];
      if (budget.stopped) return undefined;
    }
  }
  if (best !== undefined) return { anomaly: 'G-single', nodes: best, rwFirst: true };
  const all = kinds('ww', 'wr', 'rw', ...extra);
  const path = shortestPath(graph, component[0]!, component[0]!, inSet, all, budget);
  return path === undefined ? undefined : { anomaly: 'G2-item', nodes: path, rwFirst: false };
}

function stepsOf(graph: DependencyGraph, nodes: readonly number[], extra: readonly EdgeKind[], rwFirst: boolean, anomaly: CycleAnomaly): CycleStep[] {
  const data: EdgeKind[] = anomaly === 'G0' ? ['ww'] : anomaly === 'G2-item' ? ['ww', 'wr', 'rw'] : ['ww', 'wr'];
  return nodes.map((from, i) => {
    const to = nodes[(i + 1) % nodes.length]!;
    const allowed = rwFirst && i === 0 ? kinds('rw') : kinds(...data, ...extra);
    const r = graph.reason(from, to, allowed)!;
    return { from, to, kind: r.kind, text: r.text };
  });
}

/** One cycle per component, data cycles first; `extra` are the real-time/process kinds in use. */
export function findCycles(graph: DependencyGraph, txns: readonly Transaction[], extra: readonly EdgeKind[], budget: SearchBudget): Cycle[] {
  const nodes = txns.map((t) => t.id);
  const cycles: Cycle[] = [];
  const covered = new Set<number>();
  const passes: (readonly EdgeKind[])[] = extra.length === 0 ? [[]] : [[], extra];
  for (const pass of passes) {
    for (const component of components(graph, nodes, kinds('ww', 'wr', 'rw', ...pass), budget)) {
      if (budget.stopped) return cycles;
      if (component.some((n) => covered.has(n))) continue;
      const found = cycleIn(graph, component, pass, budget);
      if (found === undefined) continue;
      const steps = stepsOf(graph, found.nodes, pass, found.rwFirst, found.anomaly);
      const suffix = steps.some((s) => s.kind === 'realtime') ? '-realtime' : steps.some((s) => s.kind === 'process') ? '-process' : '';
      cycles.push({ anomaly: `${found.anomaly}${suffix}` as Cycle['anomaly'], transactions: found.nodes, steps });
      for (const n of component) covered.add(n);
    }
  }
  return cycles;
}

/** `T1 → T2 → T1`. */
export function cycleText(cycle: Cycle, txns: readonly Transaction[]): string {
  return [...cycle.transactions, cycle.transactions[0]!].map((id) => transactionName(txns[id]!)).join(' → ');
}
