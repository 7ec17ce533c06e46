/**
 * `checkIsolation`: infer the dependency graph of a transactional history (list-append or rw-register), search it
 * for cycles, and name the anomalies found, the models they rule out and the strongest model left. Pure and
 * deterministic: the work is bounded by counts (edges, search steps), never by time.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import { cycleText, findCycles, type SearchBudget } from './cycles.js';
import { explainIsolation } from './explain.js';
import { addProcessEdges, addRealtimeEdges, DependencyGraph, transactionName, type Findings } from './graph.js';
import { inferListAppend } from './list-append.js';
import { judge } from './models.js';
import { readTransactionsEdn } from './read.js';
import { inferRwRegister } from './rw-register.js';
import {
  EDGES_MAX_DEFAULT,
  TRANSACTIONS_MAX_DEFAULT,
  SEARCH_STEPS_MAX_DEFAULT,
  type Anomaly,
  type EdgeKind,
  type IsolationOptions,
  type IsolationResult,
  type Transaction,
} from './types.js';

function compareAnomalies(a: Anomaly, b: Anomaly): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  const n = Math.min(a.transactions.length, b.transactions.length);
  for (let i = 0; i < n; i++) if (a.transactions[i] !== b.transactions[i]) return a.transactions[i]! - b.transactions[i]!;
  if (a.transactions.length !== b.transactions.length) return a.transactions.length - b.transactions.length;
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

/** One inferred dependency: `from` precedes `to`, and why. */
export interface Dependency {
  readonly from: number;
  readonly to: number;
  readonly kind: EdgeKind;
  readonly text: string;
}

function infer(txns: readonly Transaction[], options: IsolationOptions, realtime: boolean): { graph: DependencyGraph; found: Findings; extra: EdgeKind[] } {
  txns.forEach((t, i) => {
    if (t.id !== i) throw new Error(`checkIsolation: transaction ${i} has id ${t.id}; ids must be 0..n-1 in order`);
  });
  const graph = new DependencyGraph(txns.length, options.limits?.edgesMax ?? EDGES_MAX_DEFAULT);
  const found: Findings = new Map();
  if (options.model === 'list-append') inferListAppend(txns, graph, found);
  else inferRwRegister(txns, graph, found);
  const extra: EdgeKind[] = [];
  if (realtime) {
    addRealtimeEdges(txns, graph);
    extra.push('realtime');
  }
  if (options.processOrder === true) {
    addProcessEdges(txns, graph);
    extra.push('process');
  }
  return { graph, found, extra };
}

/** The dependency edges `checkIsolation` would search, sorted by source, target and kind (for tests and tools). */
export function inferDependencies(txns: readonly Transaction[], options: IsolationOptions): Dependency[] {
  return infer(txns, options, options.realtime === true || options.consistencyModel === 'strict-serializable').graph.list();
}

/** Checks transactions (ids 0..n-1 in order, as `readTransactionsEdn` and `transactionsOfHistory` give them). */
export function checkIsolation(txns: readonly Transaction[], options: IsolationOptions): IsolationResult {
  const consistencyModel = options.consistencyModel ?? (options.realtime === true ? 'strict-serializable' : 'serializable');
  // Strict serializability is judged with real-time edges whatever `realtime` says.
  const realtime = options.realtime === true || consistencyModel === 'strict-serializable';
  const edgesMax = options.limits?.edgesMax ?? EDGES_MAX_DEFAULT;
  const transactionsMax = options.limits?.transactionsMax ?? TRANSACTIONS_MAX_DEFAULT;
  // Over the transaction limit nothing is inferred: an empty graph, stopped, so the verdict is `unknown`.
  const tooMany = txns.length > transactionsMax;
  const { graph, found, extra } = tooMany ? { graph: new DependencyGraph(0, 0), found: new Map() as Findings, extra: [] } : infer(txns, options, realtime);
  if (tooMany) graph.stopped = true;
  const budget: SearchBudget = { steps: 0, max: options.limits?.searchStepsMax ?? SEARCH_STEPS_MAX_DEFAULT, stopped: false };
  const cycles = graph.stopped ? [] : findCycles(graph, txns, extra, budget);
  const anomalies = [
    ...found.values(),
    ...cycles.map((c): Anomaly => ({ name: c.anomaly, transactions: c.transactions, text: cycleText(c, txns), cycle: c })),
  ].sort(compareAnomalies);
  const { notSatisfied, strongestModel } = judge(anomalies.map((a) => a.name), realtime);
  const stoppedBy = tooMany
    ? `the transaction limit (${transactionsMax} transactions) is below the history's ${txns.length}: nothing was inferred`
    : graph.stopped
      ? `the edge limit (${edgesMax} dependency edges) was reached before inference finished`
      : budget.stopped
        ? `the search limit (${budget.max} steps) was reached before the cycle search finished`
        : undefined;
  const valid = notSatisfied.includes(consistencyModel) ? false : stoppedBy !== undefined ? 'unknown' : true;
  const names = txns.map(transactionName);
  const base = { valid, consistencyModel, anomalies, strongestModel, notSatisfied, cycles, transactions: txns.length, edges: graph.edges, searchSteps: budget.steps, names } as const;
  const result: IsolationResult = { ...base, explanation: [], ...(stoppedBy === undefined ? {} : { stoppedBy }) };
  return { ...result, explanation: explainIsolation(result) };
}

/** Reads an Elle/Jepsen EDN history and checks it; errors are malformed histories, with line and column. */
export function checkIsolationText(text: string, source: string, options: IsolationOptions): Failable<IsolationResult> {
  const txns = readTransactionsEdn(text, source, options.model);
  if (!txns.ok) return fail(txns.error);
  return succeed(checkIsolation(txns.value, options));
}
