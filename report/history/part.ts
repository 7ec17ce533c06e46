/**
 * The markup of one part (one key, or the whole history) of a checked history: a row per client, a bar per
 * operation from its invoke to its completion, the linearization (or the longest linearizable prefix) as points
 * joined by a line, and for a part that is not linearizable the operation that cannot be placed, highlighted, with
 * the possible next steps marked. Every string from the history is escaped; hover details go in `tips`.
 */
import type { ViewOperation, ViewPart } from '../../properties/linearizability/history-view.js';
import { escapeHtml } from '../escape.js';
import { BAR_HEIGHT, BAR_TOP, layoutPart, ROW_HEIGHT } from './layout.js';

/** Hover details of one bar: [title, [key, value]...]. */
export type Tip = readonly [string, readonly (readonly [string, string])[]];

const STATUS_TEXT: Readonly<Record<ViewPart['status'], string>> = {
  linearizable: 'linearizable',
  'not-linearizable': 'not linearizable',
  unfinished: 'not decided (the search stopped before finishing this part)',
};

function where(pos: number | null, line: number | undefined, time: number | undefined): string {
  if (pos === null) return 'none: outcome unknown (it may or may not have taken effect)';
  const extra = [line === undefined ? '' : `line ${line}`, time === undefined ? '' : `tick ${time}`].filter((s) => s !== '');
  return `event ${pos + 1}${extra.length === 0 ? '' : ` (${extra.join(', ')})`}`;
}

function tipOf(part: ViewPart, i: number, k: number | undefined): Tip {
  const op = part.operations[i] as ViewOperation;
  const rows: [string, string][] = [
    ['client', `p${op.process}`],
    ['invoke', where(op.call, op.callLine, op.callTime)],
    ['response', where(op.ret, op.returnLine, op.returnTime)],
  ];
  const of = part.status === 'linearizable' ? 'of the linearization' : 'of the longest linearizable prefix';
  if (k !== undefined) {
    rows.push(['order', `step ${k + 1} ${of} (${part.order.length} steps)`]);
    rows.push(['state before', k === 0 ? part.initial : (part.states[k - 1] as string)]);
    rows.push(['state after', part.states[k] as string]);
  } else if (part.blocked === i) {
    rows.push(['order', 'cannot be placed after the longest linearizable prefix: no linearization continues with it']);
    rows.push(['state', `${part.states.at(-1) ?? part.initial} (after the prefix)`]);
  } else if (part.status === 'not-linearizable') {
    const next = part.candidates?.includes(i) === true ? ' (it could come next in real time, but no linearization continues with it)' : '';
    rows.push(['order', `not in the longest linearizable prefix${next}`]);
  } else if (part.status === 'linearizable') {
    rows.push(['order', 'not in the linearization: its outcome is unknown and the order is complete without it (it did not take effect)']);
  }
  return [`p${op.process} ${op.text}`, rows];
}

export interface PartMarkup {
  readonly html: string;
  readonly tips: readonly Tip[];
}

/** The markup of `part`; `id` names it in the page (`2.0`), `tipBase` numbers its bars' tips after earlier parts'. */
export function partMarkup(part: ViewPart, id: string, tipBase: number, open: boolean): PartMarkup {
  const ops = part.operations;
  const candidates = part.candidates ?? [];
  const isCandidate = new Set(candidates);
  const layout = layoutPart(ops, part.order, candidates);
  const clients = [...new Set(ops.map((op) => op.process))].sort((a, b) => a - b);
  const rowOf = new Map(clients.map((c, r) => [c, r] as const));
  const top = (i: number): number => (rowOf.get((ops[i] as ViewOperation).process) as number) * ROW_HEIGHT + BAR_TOP;
  const height = clients.length * ROW_HEIGHT;
  const orderAt = new Map(part.order.map((op, k) => [op, k] as const));
  const tips: Tip[] = [];
  const bars = ops.map((op, i) => {
    const k = orderAt.get(i);
    tips.push(tipOf(part, i, k));
    const cls = ['op', op.unknown ? 'unknown' : '', k !== undefined ? 'placed' : '', part.blocked === i ? 'blocked' : '',
      part.blocked !== i && isCandidate.has(i) ? 'candidate' : ''].filter((c) => c !== '').join(' ');
    const left = layout.start[i] as number;
    const width = Math.max(6, (layout.end[i] as number) - left);
    return `<div class="${cls}" data-op="${i}" data-client="${op.process}" data-tip="${tipBase + i}"${k === undefined ? '' : ` data-order="${k}"`}` +
      ` style="left:${left}px;top:${top(i)}px;width:${width}px"><span>${escapeHtml(op.text)}</span></div>`;
  });
  const centre = (i: number): number => top(i) + BAR_HEIGHT / 2;
  const tick = (x: number, i: number, cls: string, extra: string): string =>
    `<line class="${cls}" x1="${x}" x2="${x}" y1="${top(i) - 3}" y2="${top(i) + BAR_HEIGHT + 3}" data-op="${i}"${extra}/>`;
  const path = part.order.map((op, k) => `${k === 0 ? 'M' : 'L'}${layout.points[k]} ${centre(op)}`).join(' ');
  const lines = [path === '' ? '' : `<path class="lin" d="${path}"/>`,
    ...part.order.map((op, k) => tick(layout.points[k] as number, op, 'lp', ` data-step="${k}"`))];
  const lastOp = part.order.at(-1);
  candidates.forEach((op, c) => {
    const x = layout.next[c] as number;
    if (lastOp !== undefined) lines.push(`<path class="lin-bad" d="M${layout.points.at(-1)} ${centre(lastOp)} L${x} ${centre(op)}"/>`);
    lines.push(tick(x, op, 'lp-bad', ''));
  });
  const rows = clients.map((c) => `<div class="client" data-client-row="${c}">p${c}</div>`).join('');
  const title = part.key === undefined ? 'whole history' : `key ${escapeHtml(JSON.stringify(part.key))}`;
  const summary = `${title}: <span class="status ${part.status}">${escapeHtml(STATUS_TEXT[part.status])}</span>` +
    ` · ${ops.length} operations · ${clients.length} clients`;
  const html = `<details class="part" data-part="${id}" data-status="${part.status}"${open ? ' open' : ''}><summary>${summary}</summary>` +
    `<div class="part-body"><div class="clients" style="height:${height}px">${rows}</div>` +
    `<div class="chart-scroll"><div class="chart" style="width:${layout.width}px;height:${height}px">${bars.join('')}` +
    `<svg class="lines" width="${layout.width}" height="${height}">${lines.join('')}</svg></div></div></div>` +
    `${orderList(part)}</details>`;
  return { html, tips };
}

/** The linearization (or prefix) as a list, each step with the state after it. */
function orderList(part: ViewPart): string {
  if (part.status === 'unfinished') return '';
  const name = part.status === 'linearizable' ? 'Linearization' : 'Longest linearizable prefix';
  const items = part.order.map((i, k) => {
    const op = part.operations[i] as ViewOperation;
    return `<li data-op="${i}"><span class="mono">p${op.process} ${escapeHtml(op.text)}</span> → <span class="mono">${escapeHtml(part.states[k] as string)}</span></li>`;
  });
  const blockedOp = part.blocked === undefined ? undefined : part.operations[part.blocked];
  const blocked = blockedOp === undefined ? ''
    : `<p class="blocked-note">Cannot be placed next: <span class="mono">p${blockedOp.process} ${escapeHtml(blockedOp.text)}</span></p>`;
  return `${blocked}<details class="order"><summary>${name} (${part.order.length} steps; initial state <span class="mono">${escapeHtml(part.initial)}</span>)</summary>` +
    `<ol>${items.join('')}</ol></details>`;
}
