/**
 * The in-page drawing code (plain JavaScript, run by the browser): lays out the events with `layoutColumns` and
 * draws the SVG. Only numbers and fixed class names go into markup; text from the execution goes in via
 * `textContent` (see client-ui.ts), so nothing in a label can become markup.
 */
export const CLIENT_DRAW = String.raw`
const D = JSON.parse(document.getElementById('dsim-data').textContent);
const H = D.hosts.length, N = D.shown;
const KINDS = ['start', 'send', 'receive', 'internal', 'timer', 'crash', 'restart', 'pause', 'resume'];
const kindClass = (k) => 'k-' + (KINDS.includes(k) ? k : 'other');
const hostOf = D.events.map((e) => e[0]);
const times = D.events.map((e) => e[3]);
const byHost = D.hosts.map(() => []);
const indexOf = new Int32Array(N);
for (let e = 0; e < N; e++) { indexOf[e] = byHost[hostOf[e]].length; byHost[hostOf[e]].push(e); }
const runOf = new Array(N).fill(-1);
const runFirst = D.runs.map((r) => r[1]);
D.runs.forEach((r, i) => { const ids = byHost[r[0]]; for (let k = indexOf[r[1]]; k <= indexOf[r[2]]; k++) runOf[ids[k]] = i; });
const S = { zoom: 1, collapsed: D.runs.map(() => D.collapse), byTime: D.hasTime, selected: D.selected, col: null, columns: 0, pathStep: new Map(),
  hidden: D.hosts.map(() => false), match: null, current: -1 };
// Lanes of the hosts shown: a hidden host has row -1, the others keep their order.
const rowOf = new Int32Array(H);
let rows = H;
function layoutRows() { rows = 0; for (let h = 0; h < H; h++) rowOf[h] = S.hidden[h] ? -1 : rows++; }
layoutRows();
const shownHost = (h) => !S.hidden[h];
const markClass = (e) => (S.match && S.match.has(e) ? ' match' : '') + (S.current === e ? ' current' : '');
const PAD = 28, TOP = 34;
const dx = () => 22 * S.zoom;
const dy = () => 48 * Math.min(1, Math.max(0.6, S.zoom));
const X = (c) => PAD + c * dx();
const Y = (h) => TOP + rowOf[h] * dy();
const lastY = () => TOP + (rows - 1) * dy();
const R = () => Math.max(2, Math.min(5, dx() * 0.3));
const f = (v) => (Math.round(v * 10) / 10).toString();
const visible = (e) => shownHost(hostOf[e]) && (runOf[e] < 0 || !S.collapsed[runOf[e]]);

function markerFor(e, cls) {
  const x = X(S.col[e]), y = Y(hostOf[e]), r = R(), k = D.events[e][1];
  const c = 'ev ' + kindClass(k) + cls + '" data-event="' + e;
  if (k === 'crash') return '<path class="' + c + '" d="M' + f(x - r) + ' ' + f(y - r) + 'L' + f(x + r) + ' ' + f(y + r) + 'M' + f(x + r) + ' ' + f(y - r) + 'L' + f(x - r) + ' ' + f(y + r) + '"/>';
  if (k === 'restart' || k === 'resume') return '<path class="' + c + '" d="M' + f(x - r) + ' ' + f(y - r - 1) + 'L' + f(x + r + 1) + ' ' + f(y) + 'L' + f(x - r) + ' ' + f(y + r + 1) + 'Z"/>';
  if (k === 'pause') return '<rect class="' + c + '" x="' + f(x - r) + '" y="' + f(y - r) + '" width="' + f(2 * r) + '" height="' + f(2 * r) + '"/>';
  return '<circle class="' + c + '" cx="' + f(x) + '" cy="' + f(y) + '" r="' + f(r) + '"/>';
}

function arrowPath(x1, y1, x2, y2, sameHost) {
  const len = Math.hypot(x2 - x1, y2 - y1) || 1, cut = R() + 2;
  const ex = x2 - ((x2 - x1) / len) * cut, ey = y2 - ((y2 - y1) / len) * cut;
  if (!sameHost) return 'M' + f(x1) + ' ' + f(y1) + 'L' + f(ex) + ' ' + f(ey);
  return 'M' + f(x1) + ' ' + f(y1) + 'Q' + f((x1 + x2) / 2) + ' ' + f(y1 - dy() * 0.45) + ' ' + f(x2 - 3) + ' ' + f(y2 - cut);
}

function cutPoints(cut) {
  const off = Math.max(dx() / 2, R() + 3);
  return cut.map((c, h) => [c > 0 ? X(S.col[byHost[h][c - 1]]) + off : X(0) - off, Y(h)]).filter((_, h) => shownHost(h));
}

function drawDiagram() {
  const L = layoutColumns({ eventCount: N, hostCount: H, hostOf, arrows: D.arrows, runOf, runFirst, collapsed: S.collapsed, times: S.byTime ? times : null });
  S.col = L.col; S.columns = L.columns;
  const width = X(Math.max(1, L.columns)) + PAD + 40, height = lastY() + dy() * 0.75, p = [];
  const head = f(Math.max(2.5, Math.min(7, dx() * 0.35)));
  p.push('<defs><marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="' + head + '" markerHeight="' + head + '" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="head"/></marker></defs>');
  const res = S.selected >= 0 ? D.results[S.selected] : null;
  const pts = res && res.cut && rows > 0 ? cutPoints(res.cut) : null;
  S.pathStep = new Map((res && res.path ? res.path : []).map((id, i) => [id, i + 1]));
  if (pts) {
    const top = TOP - dy() / 2, bottom = lastY() + dy() / 2;
    const poly = [[0, top], [pts[0][0], top]].concat(pts, [[pts[rows - 1][0], bottom], [0, bottom]]);
    p.push('<polygon class="cut-area ' + (res.verdict === 'fails' ? 'fails' : 'other') + '" points="' + poly.map((q) => f(q[0]) + ',' + f(q[1])).join(' ') + '"/>');
  }
  let lastLabel = -1e9;
  if (S.byTime) for (const [c, t] of L.timeStarts) {
    if (X(c) - lastLabel < 44) continue;
    lastLabel = X(c);
    p.push('<text class="tick" x="' + f(X(c)) + '" y="12">' + t + '</text><line class="tick" x1="' + f(X(c)) + '" y1="16" x2="' + f(X(c)) + '" y2="' + f(height) + '"/>');
  }
  for (let h = 0; h < H; h++) {
    if (!shownHost(h)) continue;
    p.push('<line class="host-line' + (D.clients.includes(h) ? ' client-line' : '') + '" data-host-line="' + h + '" x1="' + PAD / 2 + '" y1="' + f(Y(h)) + '" x2="' + f(width - 10) + '" y2="' + f(Y(h)) + '"/>');
    let down = -1;
    for (const e of byHost[h]) {
      const k = D.events[e][1];
      if ((k === 'crash' || k === 'pause') && down < 0) down = e;
      if ((k === 'restart' || k === 'resume') && down >= 0) { p.push(downSegment(down, e, h)); down = -1; }
    }
    if (down >= 0) p.push(downSegment(down, -1, h));
  }
  // Arrows and lost messages touching a hidden host are left out.
  D.arrows.forEach((a, i) => {
    if (!shownHost(hostOf[a[0]]) || !shownHost(hostOf[a[1]])) return;
    const sh = hostOf[a[0]] === hostOf[a[1]];
    p.push('<path class="msg' + (D.derived ? ' derived' : '') + '" data-arrow="' + i + '" marker-end="url(#head)" d="' + arrowPath(X(S.col[a[0]]), Y(hostOf[a[0]]), X(S.col[a[1]]), Y(hostOf[a[1]]), sh) + '"/>');
  });
  D.lost.forEach((l, i) => {
    if (!shownHost(hostOf[l[0]]) || !shownHost(l[1])) return;
    const x1 = X(S.col[l[0]]), y1 = Y(hostOf[l[0]]), x2 = x1 + Math.max(16, dx() * 1.6);
    const y2 = l[1] === hostOf[l[0]] ? y1 - dy() * 0.35 : y1 + (Y(l[1]) - y1) * 0.45, s = 4;
    const end = l[2] === 'dropped' ? '<path class="x" d="M' + f(x2 - s) + ' ' + f(y2 - s) + 'L' + f(x2 + s) + ' ' + f(y2 + s) + 'M' + f(x2 + s) + ' ' + f(y2 - s) + 'L' + f(x2 - s) + ' ' + f(y2 + s) + '"/>' : '<circle class="open" cx="' + f(x2) + '" cy="' + f(y2) + '" r="3"/>';
    p.push('<g class="lost ' + (l[2] === 'dropped' ? 'dropped' : 'inflight') + '" data-lost="' + i + '"><path class="lost-line" d="M' + f(x1) + ' ' + f(y1) + 'L' + f(x2) + ' ' + f(y2) + '"/>' + end + '</g>');
  });
  const frontier = new Set(res && res.cut ? res.cut.map((c, h) => (c > 0 ? byHost[h][c - 1] : -1)) : []);
  for (let e = 0; e < N; e++) {
    if (!visible(e)) continue;
    if (runOf[e] >= 0 && !S.collapsed[runOf[e]] && runFirst[runOf[e]] === e) p.push(openBracket(runOf[e]));
    p.push(markerFor(e, (frontier.has(e) ? ' frontier' : '') + markClass(e)));
  }
  D.runs.forEach((r, i) => {
    if (!S.collapsed[i] || !shownHost(r[0])) return;
    const x = X(S.col[r[1]]), y = Y(r[0]), w = Math.max(16, 7 * String(r[3]).length + 8);
    p.push('<g class="run" data-run="' + i + '" data-count="' + r[3] + '"><rect x="' + f(x - w / 2) + '" y="' + f(y - 8) + '" width="' + w + '" height="16" rx="8"/><text x="' + f(x) + '" y="' + f(y + 4) + '">' + r[3] + '</text></g>');
  });
  if (pts) p.push('<polyline class="cut ' + (res.verdict === 'fails' ? 'fails' : 'other') + '" data-cut="' + S.selected + '" points="' + [[pts[0][0], TOP - dy() / 2]].concat(pts, [[pts[rows - 1][0], lastY() + dy() / 2]]).map((q) => f(q[0]) + ',' + f(q[1])).join(' ') + '"/>');
  const svg = document.getElementById('diagram');
  svg.setAttribute('width', f(width)); svg.setAttribute('height', f(height));
  svg.innerHTML = p.join('');
  drawHosts(height);
}

function downSegment(from, to, h) {
  const x2 = to < 0 ? X(S.columns) : X(S.col[to]);
  return '<line class="down" x1="' + f(X(S.col[from])) + '" y1="' + f(Y(h)) + '" x2="' + f(x2) + '" y2="' + f(Y(h)) + '"/>';
}

function openBracket(i) {
  const r = D.runs[i], y = Y(r[0]) + R() + 5, x1 = X(S.col[r[1]]) - 4, x2 = X(S.col[r[2]]) + 4;
  return '<path class="run-open" data-run-open="' + i + '" d="M' + f(x1) + ' ' + f(y - 4) + 'V' + f(y) + 'H' + f(x2) + 'V' + f(y - 4) + '"/>';
}

function drawHosts(height) {
  const svg = document.getElementById('hosts'), ns = svg.namespaceURI;
  svg.replaceChildren();
  svg.setAttribute('height', f(height));
  D.hosts.forEach((name, h) => {
    if (!shownHost(h)) return;
    const t = document.createElementNS(ns, 'text');
    t.setAttribute('x', '8'); t.setAttribute('y', f(Y(h) + 4)); t.setAttribute('data-host-label', String(h));
    const client = D.clients.includes(h);
    if (client) t.setAttribute('class', 'client-label');
    t.textContent = client ? D.labels[h] + ' (client)' : D.labels[h];
    const title = document.createElementNS(ns, 'title');
    title.textContent = client ? name + ': a workload client' : name;
    t.appendChild(title);
    svg.appendChild(t);
  });
}
`;
