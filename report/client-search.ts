/**
 * The in-page search and host hiding (plain JavaScript, after CLIENT_PANEL). The search box takes either `key=value`
 * (events carrying field `key` whose value, as text, is exactly `value`) or any other text (events whose label
 * contains it, ignoring case). Matches are outlined in the diagram, the rest dimmed, and the panel lists only them
 * with their count; collapsed runs holding a match are expanded. A click on a host's name hides its lane, its events
 * and every arrow or lost message touching it (dropped, not drawn to an edge); "show all hosts" brings them back,
 * a "+ name" button per hidden host brings back that one.
 */
export const CLIENT_SEARCH = String.raw`
const searchBox = document.getElementById('search'), showHosts = document.getElementById('show-hosts');
const hiddenList = document.getElementById('hidden-hosts');

function parseQuery(text) {
  const q = text.trim();
  if (q === '') return null;
  const m = /^([^=\s]+)\s*=\s*(.*)$/.exec(q);
  return m ? { key: m[1], value: m[2] } : { text: q.toLowerCase() };
}

function matchesOf(q) {
  const out = new Set();
  for (let e = 0; e < N; e++) {
    const ev = D.events[e];
    const hit = q.text !== undefined ? ev[2].toLowerCase().includes(q.text)
      : Object.prototype.hasOwnProperty.call(ev[4], q.key) && fieldText(ev[4][q.key]) === q.value;
    if (hit) out.add(e);
  }
  return out;
}

function applySearch() {
  const q = parseQuery(searchBox.value);
  S.match = q === null ? null : matchesOf(q);
  if (S.match) for (const e of S.match) if (runOf[e] >= 0) S.collapsed[runOf[e]] = false;
  diagram.classList.toggle('searching', S.match !== null);
  redraw(); refreshPanel();
}
let searchPending = false;
searchBox.addEventListener('input', () => {
  if (searchPending) return;
  searchPending = true;
  requestAnimationFrame(() => { searchPending = false; applySearch(); });
});

function hostsChanged() {
  layoutRows();
  if (S.current >= 0 && S.hidden[hostOf[S.current]]) S.current = -1;
  const hidden = S.hidden.filter((x) => x).length;
  showHosts.disabled = hidden === 0;
  showHosts.setAttribute('data-hidden', String(hidden));
  showHosts.textContent = hidden === 0 ? 'show all hosts' : 'show all hosts (' + hidden + ' hidden)';
  hiddenList.replaceChildren(...D.hosts.flatMap((name, h) => {
    if (!S.hidden[h]) return [];
    const b = document.createElement('button');
    b.type = 'button'; b.className = 'unhide'; b.setAttribute('data-unhide', String(h));
    b.textContent = '+ ' + D.labels[h]; b.title = 'show ' + name + ' again';
    return [b];
  }));
  redraw(); refreshPanel();
}
document.getElementById('hosts').addEventListener('click', (ev) => {
  const t = ev.target.closest('[data-host-label]');
  if (!t) return;
  S.hidden[Number(t.getAttribute('data-host-label'))] = true;
  hostsChanged();
});
showHosts.addEventListener('click', () => { S.hidden.fill(false); hostsChanged(); });
hiddenList.addEventListener('click', (ev) => {
  const t = ev.target.closest('[data-unhide]');
  if (!t) return;
  S.hidden[Number(t.getAttribute('data-unhide'))] = false;
  hostsChanged();
});
refreshPanel();
`;
