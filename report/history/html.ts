/**
 * `renderHistoryHtml`: checked client histories as one self-contained HTML page (inline CSS and script, nothing
 * loaded from anywhere), drawn as Porcupine draws them: a row per client, a bar per operation over the order of
 * events, the linearization found, or the longest linearizable prefix and the operation that cannot be placed after
 * it, highlighted; hovering a bar shows its details and the model's state after it. One section per file, one
 * block per key of a split history (the failing key first).
 */
import type { ViewPart } from '../../properties/linearizability/history-view.js';
import { escapeHtml } from '../escape.js';
import { htmlPage } from '../page.js';
import { REPORT_CSS } from '../style.js';
import { HISTORY_CLIENT } from './client.js';
import { partMarkup, type Tip } from './part.js';
import { HISTORY_CSS } from './style.js';
import { DRAW_OPERATIONS_MAX_DEFAULT, type HistoryReportFile, type HistoryReportInput } from './types.js';

/** Parts opened at first (besides a failing one). */
const PARTS_OPEN = 8;

const VERDICT_CLASS = { linearizable: 'holds', 'not-linearizable': 'fails', unknown: 'unknown' } as const;

/** The first `n` operations of `part` (in invoke order), with its order and marks restricted to them. */
export function firstOperations(part: ViewPart, n: number): ViewPart {
  if (part.operations.length <= n) return part;
  const kept = part.order.flatMap((op, k) => (op < n ? [k] : []));
  const { blocked, candidates, ...rest } = part;
  return {
    ...rest, operations: part.operations.slice(0, n),
    order: kept.map((k) => part.order[k] as number), states: kept.map((k) => part.states[k] as string),
    ...(blocked === undefined || blocked >= n ? {} : { blocked }),
    ...(candidates === undefined ? {} : { candidates: candidates.filter((c) => c < n) }),
  };
}

function fileSection(file: HistoryReportFile, f: number, budget: { left: number }, tips: Tip[]): string {
  const parts = file.view.parts.map((part, p) => ({ part, p }));
  parts.sort((a, b) => Number(b.part.status === 'not-linearizable') - Number(a.part.status === 'not-linearizable') || a.p - b.p);
  const blocks: string[] = [];
  let undrawn = 0;
  parts.forEach(({ part, p }, shown) => {
    if (budget.left <= 0) {
      undrawn += part.operations.length;
      return;
    }
    const drawn = firstOperations(part, budget.left);
    budget.left -= drawn.operations.length;
    undrawn += part.operations.length - drawn.operations.length;
    const markup = partMarkup(drawn, `${f}.${p}`, tips.length, shown < PARTS_OPEN || part.status === 'not-linearizable');
    tips.push(...markup.tips);
    blocks.push(markup.html);
  });
  const limit = undrawn === 0 ? '' : `<p class="meta limit">${undrawn} operations not drawn: past the drawing limit.</p>`;
  const details = file.details.length === 0 ? '' : `<pre class="explanation">${escapeHtml(file.details.join('\n'))}</pre>`;
  const keys = file.view.parts.length === 1 && file.view.parts[0]?.key === undefined ? '' : ` · ${file.view.parts.length} keys checked separately`;
  return `<section class="history-file" data-file="${f}" data-verdict="${file.verdict}">` +
    `<h2><span class="mono">${escapeHtml(file.file)}</span> <span class="verdict ${VERDICT_CLASS[file.verdict]}">${file.verdict}</span></h2>` +
    `<p class="meta">model ${escapeHtml(file.view.model)} · ${file.operations} operations${keys}${file.view.hasTime ? ' · virtual times on hover' : ''}</p>` +
    `${details}${limit}${blocks.join('')}</section>`;
}

const LEGEND = '<div class="legend history-legend"><span><i class="sw op-sw"></i>operation, invoke to response</span>' +
  '<span><i class="sw unknown-sw"></i>outcome unknown</span><span><i class="sw lp-sw"></i>linearization point</span>' +
  '<span><i class="sw blocked-sw"></i>cannot be placed</span><span><i class="sw candidate-sw"></i>could come next, no linearization continues</span></div>';

/** The page for `input`, as one HTML string. */
export function renderHistoryHtml(input: HistoryReportInput): string {
  const tips: Tip[] = [];
  const budget = { left: input.operationsMax ?? DRAW_OPERATIONS_MAX_DEFAULT };
  const sections = input.files.map((file, f) => fileSection(file, f, budget, tips));
  const body = `<header><h1>${escapeHtml(input.title)}</h1>
<p class="meta">The x axis is the order of the history's events, spaced to fit; hover an operation for its details and the model's state.</p>
${LEGEND}</header>
${sections.join('\n')}`;
  return htmlPage({ title: input.title, css: `${REPORT_CSS}${HISTORY_CSS}`, body, dataId: 'dsim-history-data', data: { tips }, script: HISTORY_CLIENT });
}
