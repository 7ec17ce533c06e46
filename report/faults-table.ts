/**
 * The faults that fired, as an HTML table: one row per kind, its total and its count at each node. Plain data in
 * (search/strategies/faults-fired.ts makes it), a table out; shared by the run and campaign reports.
 */
import { escapeHtml } from './escape.js';

/** Counts by kind, and by node (`p0`, `p1`, … in node order) by kind. */
export interface FaultsTable {
  readonly byKind: Readonly<Record<string, number>>;
  readonly byNode: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** The table, or a line saying no fault fired. */
export function faultsTableHtml(f: FaultsTable): string {
  const kinds = Object.keys(f.byKind);
  if (kinds.length === 0) return '<p>none</p>';
  const nodes = Object.keys(f.byNode);
  const head = `<tr><th>fault</th><th>count</th>${nodes.map((x) => `<th>${escapeHtml(x)}</th>`).join('')}</tr>`;
  const rows = kinds.map((k) => {
    const cells = nodes.map((x) => `<td>${f.byNode[x]![k] ?? ''}</td>`).join('');
    return `<tr><td>${escapeHtml(k)}</td><td>${f.byKind[k]!}</td>${cells}</tr>`;
  });
  return `<table class="faults">${head}${rows.join('')}</table>`;
}
