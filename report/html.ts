/**
 * `renderHtmlReport`: one self-contained HTML page (inline CSS, inline script, SVG drawn in the page; nothing is
 * loaded from anywhere) showing an execution's space-time diagram, its properties' verdicts and how to replay it.
 */
import { CLIENT_DRAW } from './client-draw.js';
import { CLIENT_PANEL } from './client-panel.js';
import { CLIENT_SEARCH } from './client-search.js';
import { CLIENT_UI } from './client-ui.js';
import { buildPageData, type PageData, type PageResult } from './data.js';
import { escapeHtml } from './escape.js';
import { htmlPage } from './page.js';
import { faultsTableHtml } from './faults-table.js';
import { layoutColumns } from './layout.js';
import { REPORT_CSS } from './style.js';
import type { ReportInput } from './types.js';

function metaList(input: ReportInput): string {
  const items: [string, string | number | undefined][] = [
    ['scenario', input.scenario],
    ['bug', input.bug],
    ['seed', input.seed],
    ['trace hash', input.traceHash],
  ];
  const shown = items.filter((i): i is [string, string | number] => i[1] !== undefined);
  const dl = shown.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd class="mono">${escapeHtml(String(v))}</dd></div>`);
  return dl.length === 0 ? '' : `<dl class="meta">${dl.join('')}</dl>`;
}

function summary(input: ReportInput): string {
  const exec = input.execution;
  const count = (f: (k: string) => boolean): number => exec.events.filter((e) => f(e.kind)).length;
  const fates = (fate: string): number => exec.messages.filter((m) => m.fate === fate).length;
  const parts = [`${exec.events.length} events`, `${exec.hosts.length} hosts`];
  if (exec.messages.length > 0) {
    parts.push(`${exec.messages.length} messages (${fates('delivered')} delivered, ${fates('dropped')} dropped, ${fates('in-flight')} in flight)`);
  } else {
    parts.push('no message records: arrows are derived from the vector clocks');
  }
  const crashes = count((k) => k === 'crash');
  if (crashes > 0) parts.push(`${crashes} crashes, ${count((k) => k === 'restart')} restarts`);
  return `<p class="meta">${escapeHtml(parts.join(' · '))}</p>`;
}

function resultRows(results: readonly PageResult[]): string {
  if (results.length === 0) return '<p class="meta">No properties were checked.</p>';
  const rows = results.map((r, i) => {
    const cut = r.cut === null ? '' : `<button type="button" data-show-cut="${i}" aria-pressed="false">show cut</button>`;
    return `<tr data-result="${i}"><td class="mono">${escapeHtml(r.name)}</td>` +
      `<td><span class="verdict ${r.verdict}">${r.verdict}</span></td>` +
      `<td class="message">${escapeHtml(r.message)}</td><td>${cut}</td></tr>`;
  });
  return `<table class="results"><thead><tr><th>Property</th><th>Verdict</th><th>Details</th><th>Cut</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`;
}

const LEGEND: readonly [string, string][] = [
  ['<circle cx="7" cy="7" r="5" class="k-start"/>', 'start'],
  ['<circle cx="7" cy="7" r="5" class="k-receive"/>', 'receive'],
  ['<circle cx="7" cy="7" r="5" class="k-send"/>', 'send'],
  ['<circle cx="7" cy="7" r="5" class="k-internal"/>', 'internal'],
  ['<circle cx="7" cy="7" r="5" class="k-timer"/>', 'timer'],
  ['<path d="M2 2L12 12M12 2L2 12" class="k-crash"/>', 'crash'],
  ['<path d="M2 1L13 7L2 13Z" class="k-restart"/>', 'restart'],
  ['<path d="M1 7H11" class="lost-line"/><path d="M9 4L15 10M15 4L9 10" class="x" style="stroke:#c62828;stroke-width:2"/>', 'dropped message'],
  ['<rect x="1" y="2" width="16" height="10" rx="5" style="fill:#eef0f4;stroke:#8a93a3"/>', 'collapsed local events (click)'],
  ['<path d="M3 1L9 7L3 13" style="fill:none;stroke:#c62828;stroke-width:2.5"/>', 'selected cut'],
];

function toolbar(data: PageData): string {
  const byTime = data.hasTime
    ? '<label><input type="checkbox" id="by-time" checked> order by virtual time</label>'
    : '';
  return `<div class="toolbar">` +
    `<button type="button" data-action="zoom-out" title="zoom out (ctrl+wheel)">−</button>` +
    `<button type="button" data-action="zoom-in" title="zoom in (ctrl+wheel)">+</button>` +
    `<button type="button" data-action="zoom-reset">100%</button><button type="button" data-action="zoom-fit">fit</button>` +
    `<span class="sep"></span><button type="button" data-action="expand-all">expand all runs</button>` +
    `<button type="button" data-action="collapse-all">collapse all runs</button><span class="sep"></span>${byTime}` +
    `<span id="status"></span></div>`;
}

/** The side panel: search box, match count, the host control and the (virtualised) list of events. */
const PANEL = `<aside id="panel"><div class="panel-head">` +
  `<input type="search" id="search" placeholder="label text, or key=value" aria-label="search events" autocomplete="off">` +
  `<span id="panel-count"></span><button type="button" id="show-hosts" disabled title="click a host's name to hide it">show all hosts</button>` +
  `<span id="hidden-hosts"></span>` +
  `</div><div id="panel-list"><div id="panel-rows"></div></div></aside>`;

/** The report page for `input`, as one HTML string. Throws when a witness cut has the wrong number of entries. */
export function renderHtmlReport(input: ReportInput): string {
  const data = buildPageData(input);
  const legend = LEGEND.map(([svg, text]) => `<span><svg width="18" height="14">${svg}</svg>${text}</span>`).join('');
  const replay = input.replayCommand === undefined
    ? ''
    : `<h2>Replay</h2><pre class="replay" id="replay">${escapeHtml(input.replayCommand)}</pre>`;
  const body = `<header><h1>${escapeHtml(input.title)}</h1>${metaList(input)}${summary(input)}</header>
<section id="properties"><h2>Properties</h2>${resultRows(data.results)}</section>
${replay}
${input.faultsFired === undefined ? '' : `<section id="faults"><h2>Faults that fired</h2>${faultsTableHtml(input.faultsFired)}</section>`}
<section id="space-time"><h2>Space-time diagram</h2>
<div class="legend">${legend}</div>
${toolbar(data)}
<div class="st-body"><div id="scroller"><div class="wrap"><svg id="hosts" width="${hostColumnWidth(data.hosts)}"></svg><svg id="diagram"></svg></div></div>
${PANEL}</div>
</section>`;
  const script = `const layoutColumns = ${layoutColumns.toString()};\n${CLIENT_DRAW}\n${CLIENT_UI}\n${CLIENT_PANEL}\n${CLIENT_SEARCH}`;
  return htmlPage({ title: input.title, css: REPORT_CSS, body, dataId: 'dsim-data', data, script });
}

/** Width of the host-name column: enough for the longest name (cut at 30 characters). */
function hostColumnWidth(hosts: readonly string[]): number {
  const longest = hosts.reduce((m, h) => Math.max(m, Math.min(30, h.length)), 1);
  return Math.min(260, 20 + Math.ceil(longest * 7.6));
}
