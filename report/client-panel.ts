/**
 * The in-page side panel (plain JavaScript): the events in execution order, one fixed-height line each (host, index on
 * its host, label, fields as key=value), virtualised: only the lines scrolled into view exist in the DOM, so 50,000
 * events stay fast. Clicking a line selects its event in the diagram and scrolls there; clicking an event in the
 * diagram selects its line and scrolls the panel there. Text goes in via textContent only. Runs after CLIENT_UI.
 */
export const CLIENT_PANEL = String.raw`
const ROW = 20, panelList = document.getElementById('panel-list'), panelRows = document.getElementById('panel-rows');
const panelCount = document.getElementById('panel-count');
/** The events the panel lists (in execution order) and each event's line, or -1. */
let listed = [];
const listedAt = new Int32Array(N).fill(-1);
const fieldText = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
const fieldsText = (e) => Object.entries(D.events[e][4]).map(([k, v]) => k + '=' + fieldText(v)).join(' ');

function textSpan(cls, text) {
  const s = document.createElement('span');
  s.className = cls; s.textContent = text;
  return s;
}

function panelRow(e, i) {
  const row = document.createElement('div'), ev = D.events[e], label = ev[2] === '' ? '(no label)' : ev[2], fields = fieldsText(e);
  row.className = 'row' + markClass(e);
  row.style.top = i * ROW + 'px';
  row.setAttribute('data-row-event', String(e));
  row.append(textSpan('p-host', D.labels[hostOf[e]]), textSpan('p-index', '#' + (indexOf[e] + 1)), textSpan('p-label', label), textSpan('p-fields', fields));
  row.title = evName(e) + ': ' + label + (fields === '' ? '' : '\n' + fields);
  return row;
}

function renderRows() {
  const first = Math.max(0, Math.floor(panelList.scrollTop / ROW) - 10);
  const last = Math.min(listed.length, first + Math.ceil(panelList.clientHeight / ROW) + 20);
  const out = [];
  for (let i = first; i < last; i++) out.push(panelRow(listed[i], i));
  panelRows.replaceChildren(...out);
}
let rowsPending = false;
panelList.addEventListener('scroll', () => {
  if (rowsPending) return;
  rowsPending = true;
  requestAnimationFrame(() => { rowsPending = false; renderRows(); });
});

/** Lists the events of the hosts shown (only the matches while a search is on) and says how many. */
function refreshPanel() {
  listed = []; listedAt.fill(-1);
  let matchesHidden = 0;
  for (let e = 0; e < N; e++) {
    if (S.match && !S.match.has(e)) continue;
    if (!shownHost(hostOf[e])) { matchesHidden++; continue; }
    listedAt[e] = listed.length; listed.push(e);
  }
  panelRows.style.height = listed.length * ROW + 'px';
  const hiddenHosts = S.hidden.filter((x) => x).length;
  panelCount.setAttribute('data-count', String(listed.length));
  panelCount.textContent = S.match
    ? listed.length + (listed.length === 1 ? ' match' : ' matches') + (hiddenHosts > 0 && matchesHidden > 0 ? ' (' + matchesHidden + ' more on hidden hosts)' : '')
    : listed.length + ' events' + (hiddenHosts > 0 ? ' (' + hiddenHosts + ' hosts hidden)' : '');
  if (S.current >= 0 && listedAt[S.current] >= 0) scrollPanelTo(S.current); else renderRows();
}

function scrollPanelTo(e) {
  const top = listedAt[e] * ROW;
  if (listedAt[e] >= 0 && (top < panelList.scrollTop || top + ROW > panelList.scrollTop + panelList.clientHeight)) {
    panelList.scrollTop = Math.max(0, top - panelList.clientHeight / 2);
  }
  renderRows();
}

function scrollDiagramTo(e) {
  const hostW = document.getElementById('hosts').getBoundingClientRect().width;
  const x = X(S.col[e]), y = Y(hostOf[e]), view = scroller.clientWidth - hostW;
  if (x - 20 < scroller.scrollLeft || x + 20 > scroller.scrollLeft + view) scroller.scrollLeft = Math.max(0, x - view / 2);
  if (y - 20 < scroller.scrollTop || y + 20 > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = Math.max(0, y - scroller.clientHeight / 2);
}

/** Selects event e in both views; a collapsed run holding it is expanded. */
function selectEvent(e, from) {
  S.current = e;
  if (runOf[e] >= 0 && S.collapsed[runOf[e]]) { S.collapsed[runOf[e]] = false; redraw(); } else {
    diagram.querySelectorAll('.ev.current').forEach((m) => m.classList.remove('current'));
    const mark = diagram.querySelector('[data-event="' + e + '"]');
    if (mark) mark.classList.add('current');
  }
  if (from === 'panel') { renderRows(); scrollDiagramTo(e); } else scrollPanelTo(e);
}

diagram.addEventListener('click', (ev) => {
  const t = ev.target.closest('[data-event]');
  if (t) selectEvent(Number(t.getAttribute('data-event')), 'diagram');
});
panelRows.addEventListener('click', (ev) => {
  const t = ev.target.closest('[data-row-event]');
  if (t) selectEvent(Number(t.getAttribute('data-row-event')), 'panel');
});
`;
