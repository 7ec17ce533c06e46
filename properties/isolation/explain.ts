/**
 * The checker's result in words: each anomaly in one line, a cycle step by step (`T2 → T3 (wr): T3 read key 255 as
 * [2 3 4 5 8], which ends with T2's append of 8`), then the models ruled out and the strongest model left.
 */
import type { Anomaly, AnomalyName, IsolationResult } from './types.js';

/** Printable lines explaining `result` (its `explanation` field). */
export function explainIsolation(result: Omit<IsolationResult, 'explanation'>): string[] {
  const lines: string[] = [];
  const name = (id: number): string => result.names[id] ?? `T${id + 1}`;
  for (const a of result.anomalies) {
    if (a.cycle === undefined) {
      lines.push(`${a.name}: ${a.text}`);
      continue;
    }
    const ids = [...a.cycle.transactions, a.cycle.transactions[0]!];
    lines.push(`${a.name}: a cycle ${ids.map(name).join(' → ')}:`);
    for (const step of a.cycle.steps) lines.push(`  ${name(step.from)} → ${name(step.to)} (${step.kind}): ${step.text}`);
    lines.push(`  so ${name(a.cycle.transactions[0]!)} would have to come before itself`);
  }
  if (result.anomalies.length === 0) lines.push(`no anomalies among ${result.transactions} transactions (${result.edges} dependency edges)`);
  if (result.notSatisfied.length > 0) lines.push(`not satisfied: ${result.notSatisfied.join(', ')}`);
  lines.push(`strongest model still satisfied: ${result.strongestModel}`);
  if (result.stoppedBy !== undefined) lines.push(`undecided beyond this: ${result.stoppedBy}`);
  return lines;
}

/** The result as text: the verdict against the model checked, then the explanation. */
export function formatIsolationResult(result: IsolationResult): string {
  const verdict = result.valid === 'unknown' ? 'unknown' : result.valid ? 'valid' : 'invalid';
  return [`${verdict} (checked against ${result.consistencyModel}; ${result.transactions} transactions)`, ...result.explanation].join('\n');
}

/** The anomalies grouped by name, as Elle reports them (`{ 'G-single': [...], G1a: [...] }`), names sorted. */
export function anomaliesByName(result: Pick<IsolationResult, 'anomalies'>): Partial<Record<AnomalyName, Anomaly[]>> {
  const out: Partial<Record<AnomalyName, Anomaly[]>> = {};
  for (const a of result.anomalies) (out[a.name] ??= []).push(a);
  return out;
}
