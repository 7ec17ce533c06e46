/**
 * The HTML campaign report of `dsim fuzz --html`: one self-contained page with what the campaign ran (scenario,
 * strategy, seeds), its coverage curve drawn as a plot (coverage keys and abstract states against runs), the faults
 * that fired, and each failure with the command that replays it. Plain data in, a page out: no sim/ import.
 */
import { escapeHtml } from './escape.js';
import { faultsTableHtml, type FaultsTable } from './faults-table.js';

/** A point of the curve. */
export interface CurvePoint {
  readonly runs: number;
  readonly keys: number;
  readonly states: number;
}

/** What the page shows. */
export interface CampaignPage {
  readonly title: string;
  /** Lines under the title: scenario, strategy, seeds, speed. */
  readonly facts: readonly string[];
  readonly curve: readonly CurvePoint[];
  /** By kind and by node. */
  readonly faultsFired: FaultsTable;
  /** Failing seeds per property, as the campaign counted them. */
  readonly failuresByProperty: Readonly<Record<string, number>>;
  readonly failures: readonly { readonly seed: number; readonly property: string; readonly message: string; readonly replay: string }[];
}

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = 40;

/** The page's HTML. */
export function renderCampaignHtml(page: CampaignPage): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(page.title)}</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 2em; color: #222; max-width: 60em; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 1.5em; }
svg text { font-size: 11px; fill: #444; } .keys { stroke: #1f6feb; } .states { stroke: #d1242f; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }
code { background: #f4f4f4; padding: 0 0.2em; }
</style></head><body>
<h1>${escapeHtml(page.title)}</h1>
${page.facts.map((f) => `<div>${escapeHtml(f)}</div>`).join('\n')}
<h2>Coverage</h2>
${curvePlot(page.curve)}
<h2>Faults that fired</h2>
${faultsTableHtml(page.faultsFired)}
<h2>Failures</h2>
${Object.keys(page.failuresByProperty).length === 0 ? '' : `<table><tr><th>property</th><th>failing seeds</th></tr>${Object.entries(page.failuresByProperty).map(([p, n]) => `<tr><td>${escapeHtml(p)}</td><td>${n}</td></tr>`).join('')}</table>`}
${page.failures.length === 0 ? '<p>none</p>' : `<ul>${page.failures.map((f) => `<li>seed ${f.seed}: <b>${escapeHtml(f.property)}</b>: ${escapeHtml(f.message.split('\n')[0]!)}<br><code>${escapeHtml(f.replay)}</code></li>`).join('\n')}</ul>`}
</body></html>
`;
}

/** The curve as an SVG plot: coverage keys (left scale) and abstract states (right scale) against runs. */
function curvePlot(curve: readonly CurvePoint[]): string {
  const points = [{ runs: 0, keys: 0, states: 0 }, ...curve];
  const runsMax = Math.max(1, ...points.map((p) => p.runs));
  const keysMax = Math.max(1, ...points.map((p) => p.keys));
  const statesMax = Math.max(1, ...points.map((p) => p.states));
  const x = (runs: number) => MARGIN + ((WIDTH - 2 * MARGIN) * runs) / runsMax;
  const y = (v: number, max: number) => HEIGHT - MARGIN + (-(HEIGHT - 2 * MARGIN) * v) / max;
  const line = (cls: string, value: (p: CurvePoint) => number, max: number) =>
    `<polyline class="${cls}" fill="none" stroke-width="2" points="${points.map((p) => `${x(p.runs).toFixed(1)},${y(value(p), max).toFixed(1)}`).join(' ')}"/>`;
  const bottom = HEIGHT - MARGIN;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="coverage against runs">
<line x1="${MARGIN}" y1="${bottom}" x2="${WIDTH - MARGIN}" y2="${bottom}" stroke="#888"/>
<line x1="${MARGIN}" y1="${MARGIN}" x2="${MARGIN}" y2="${bottom}" stroke="#888"/>
<line x1="${WIDTH - MARGIN}" y1="${MARGIN}" x2="${WIDTH - MARGIN}" y2="${bottom}" stroke="#888"/>
${line('keys', (p) => p.keys, keysMax)}
${line('states', (p) => p.states, statesMax)}
<text x="${MARGIN}" y="${bottom + 16}">0</text><text x="${WIDTH - MARGIN}" y="${bottom + 16}" text-anchor="end">${runsMax} runs</text>
<text x="${MARGIN - 4}" y="${MARGIN - 6}" style="fill:#1f6feb">${keysMax} coverage keys</text>
<text x="${WIDTH - MARGIN}" y="${MARGIN - 6}" text-anchor="end" style="fill:#d1242f">${statesMax} abstract states</text>
</svg>`;
}
