/**
 * The in-page interaction code (plain JavaScript): hover details, zoom (buttons and ctrl+wheel), expanding and
 * collapsing runs, choosing which result's cut is drawn. Runs in the same scope as CLIENT_DRAW.
 */
export const CLIENT_UI = String.raw`
const scroller = document.getElementById('scroller'), tip = document.getElementById('tip');
const hostName = (h) => D.hosts[h];
const evName = (e) => hostName(hostOf[e]) + ' #' + (indexOf[e] + 1);

function tipLine(key, value, attr) {
  const row = document.createElement('div'), k = document.createElement('span'), v = document.createElement('span');
  k.className = 'tip-key'; k.textContent = key; v.className = 'tip-value'; v.textContent = value;
  if (attr) v.setAttribute(attr, '');
  row.append(k, v);
  return row;
}

function clockText(e) {
  const parts = [];
  for (let j = 0; j < H; j++) { const v = D.clocks[e * H + j]; if (v > 0 || H <= 10) parts.push(hostName(j) + ': ' + v); }
  return '{' + parts.join(', ') + '}' + (H > 10 ? ' (zeros left out)' : '');
}

function eventTip(e) {
  const ev = D.events[e], fields = Object.entries(ev[4]);
  const title = document.createElement('div');
  title.className = 'tip-title'; title.textContent = ev[2] === '' ? '(no label)' : ev[2];
  const state = fields.length === 0 ? '(no fields)' : fields.map(([k, v]) => k + ' = ' + String(v)).join('\n');
  return [title, tipLine('event', evName(e) + ' (id ' + e + ')'), tipLine('kind', ev[1]),
    tipLine('time', ev[3] === null ? '\u2014' : ev[3] + ' ticks'), tipLine('state', state, 'data-tip-state'),
    tipLine('clock', clockText(e), 'data-tip-clock')].concat(S.pathStep.has(e)
    ? [tipLine('path', 'step ' + S.pathStep.get(e) + ' of ' + S.pathStep.size + ' on the way to the cut')] : []);
}

function tipFor(target) {
  if (target.hasAttribute('data-event')) return eventTip(Number(target.getAttribute('data-event')));
  if (target.hasAttribute('data-run')) {
    const r = D.runs[Number(target.getAttribute('data-run'))];
    return [tipLine('run', r[3] + ' local events of ' + hostName(r[0]) + ', ' + evName(r[1]) + ' to ' + evName(r[2])), tipLine('', 'click to expand')];
  }
  if (target.hasAttribute('data-run-open')) return [tipLine('run', 'click to collapse these local events')];
  if (target.hasAttribute('data-arrow')) {
    const a = D.arrows[Number(target.getAttribute('data-arrow'))];
    return [tipLine(D.derived ? 'causal link' : 'message', a[2] === '' ? evName(a[0]) + ' \u2192 ' + evName(a[1]) : a[2]), tipLine('from', evName(a[0])), tipLine('to', evName(a[1]))];
  }
  const l = D.lost[Number(target.getAttribute('data-lost'))];
  return [tipLine(l[2] === 'dropped' ? 'dropped' : 'in flight', l[4]), tipLine('from', evName(l[0])), tipLine('to', hostName(l[1])), tipLine('reason', l[3] || '\u2014')];
}

const HOVER = '[data-event],[data-run],[data-run-open],[data-arrow],[data-lost]';
const diagram = document.getElementById('diagram');
diagram.addEventListener('mouseover', (ev) => {
  const t = ev.target.closest(HOVER);
  if (!t) return;
  tip.replaceChildren(...tipFor(t));
  tip.hidden = false;
  const w = tip.offsetWidth, h = tip.offsetHeight;
  tip.style.left = Math.max(4, Math.min(ev.clientX + 14, window.innerWidth - w - 8)) + 'px';
  tip.style.top = (ev.clientY + 14 + h > window.innerHeight ? Math.max(4, ev.clientY - h - 10) : ev.clientY + 14) + 'px';
});
diagram.addEventListener('mouseout', (ev) => { if (ev.target.closest(HOVER)) tip.hidden = true; });
diagram.addEventListener('click', (ev) => {
  const run = ev.target.closest('[data-run]'), open = ev.target.closest('[data-run-open]');
  if (!run && !open) return;
  S.collapsed[Number((run || open).getAttribute(run ? 'data-run' : 'data-run-open'))] = !!open;
  tip.hidden = true;
  redraw();
});

function redraw() {
  drawDiagram();
  const hidden = D.runs.reduce((s, r, i) => s + (S.collapsed[i] ? r[3] - 1 : 0), 0);
  const runs = S.collapsed.filter((c) => c).length;
  document.getElementById('status').textContent = N + ' events' + (N < D.total ? ' (the first ' + N + ' of ' + D.total + ')' : '') +
    ' \u00b7 ' + H + ' hosts \u00b7 ' + S.columns + ' columns \u00b7 ' + runs + ' of ' + D.runs.length + ' runs collapsed (' + hidden + ' events hidden) \u00b7 zoom ' + Math.round(S.zoom * 100) + '%';
}

function setZoom(z, clientX) {
  const rect = scroller.getBoundingClientRect(), hostW = document.getElementById('hosts').getBoundingClientRect().width;
  const mx = (clientX === undefined ? rect.left + scroller.clientWidth / 2 : clientX) - rect.left;
  const at = (scroller.scrollLeft + mx - hostW - PAD) / dx();
  S.zoom = Math.max(0.05, Math.min(4, z));
  redraw();
  scroller.scrollLeft = PAD + at * dx() + hostW - mx;
}

let wheelFactor = 1, wheelAt = 0, wheelPending = false;
scroller.addEventListener('wheel', (ev) => {
  if (!ev.ctrlKey && !ev.metaKey) return;
  ev.preventDefault();
  wheelFactor *= Math.pow(1.0015, -ev.deltaY); wheelAt = ev.clientX;
  if (wheelPending) return;
  wheelPending = true;
  requestAnimationFrame(() => { wheelPending = false; setZoom(S.zoom * wheelFactor, wheelAt); wheelFactor = 1; });
}, { passive: false });

function fitZoom() {
  const avail = scroller.clientWidth - document.getElementById('hosts').getBoundingClientRect().width - 2 * PAD - 40;
  return Math.min(1.5, avail / (22 * Math.max(1, S.columns)));
}

function scrollToCut() {
  const res = S.selected >= 0 ? D.results[S.selected] : null;
  if (!res || !res.cut) return;
  const xs = cutPoints(res.cut).map((q) => q[0]), hostW = document.getElementById('hosts').getBoundingClientRect().width;
  const left = Math.min(...xs), right = Math.max(...xs), view = scroller.clientWidth - hostW;
  if (left < scroller.scrollLeft || right > scroller.scrollLeft + view) scroller.scrollLeft = Math.max(0, left - 160);
}

const ACTIONS = {
  'zoom-in': () => setZoom(S.zoom * 1.5), 'zoom-out': () => setZoom(S.zoom / 1.5),
  'zoom-reset': () => setZoom(1), 'zoom-fit': () => setZoom(fitZoom()),
  'expand-all': () => { S.collapsed.fill(false); redraw(); }, 'collapse-all': () => { S.collapsed.fill(true); redraw(); },
};
document.querySelectorAll('[data-action]').forEach((b) => b.addEventListener('click', () => ACTIONS[b.getAttribute('data-action')]()));
const byTime = document.getElementById('by-time');
if (byTime) byTime.addEventListener('change', () => { S.byTime = byTime.checked; redraw(); });

function markSelected() {
  document.querySelectorAll('[data-show-cut]').forEach((b) => b.setAttribute('aria-pressed', String(Number(b.getAttribute('data-show-cut')) === S.selected)));
}
document.querySelectorAll('[data-show-cut]').forEach((b) => b.addEventListener('click', () => {
  const i = Number(b.getAttribute('data-show-cut'));
  S.selected = S.selected === i ? -1 : i;
  markSelected(); redraw(); scrollToCut();
}));

// Time order by default, unless it spreads the events over far more columns than the causal order needs.
if (S.byTime) {
  const layout = (t) => layoutColumns({ eventCount: N, hostCount: H, hostOf, arrows: D.arrows, runOf, runFirst, collapsed: S.collapsed, times: t }).columns;
  S.byTime = layout(times) <= 2 * layout(null) + 10;
  if (byTime) byTime.checked = S.byTime;
}
markSelected();
redraw();
if (fitZoom() > 1) { S.zoom = Math.min(2, fitZoom()); redraw(); }
scrollToCut();
document.body.setAttribute('data-ready', 'true');
`;
