/**
 * The history page's script (plain JavaScript): hover details of a bar (built with textContent, never as HTML) and
 * highlighting of the bar and its linearization point. Sets `body[data-ready="true"]` when ready.
 */
export const HISTORY_CLIENT = String.raw`
const D = JSON.parse(document.getElementById('dsim-history-data').textContent);
const tip = document.getElementById('tip');
function line(key, value) {
  const row = document.createElement('div'), k = document.createElement('span'), v = document.createElement('span');
  k.className = 'tip-key'; k.textContent = key; v.className = 'tip-value'; v.textContent = value;
  row.append(k, v);
  return row;
}
function show(bar, ev) {
  const t = D.tips[Number(bar.getAttribute('data-tip'))];
  const title = document.createElement('div');
  title.className = 'tip-title'; title.textContent = t[0];
  tip.replaceChildren(title, ...t[1].map((r) => line(r[0], r[1])));
  tip.hidden = false;
  const w = tip.offsetWidth, h = tip.offsetHeight;
  tip.style.left = Math.max(4, Math.min(ev.clientX + 14, window.innerWidth - w - 8)) + 'px';
  tip.style.top = (ev.clientY + 14 + h > window.innerHeight ? Math.max(4, ev.clientY - h - 10) : ev.clientY + 14) + 'px';
}
function mark(bar, on) {
  bar.classList.toggle('hot', on);
  const part = bar.closest('.part'), op = bar.getAttribute('data-op');
  part.querySelectorAll('svg [data-op="' + op + '"], li[data-op="' + op + '"]').forEach((e) => e.classList.toggle('hot', on));
}
document.querySelectorAll('.chart').forEach((chart) => {
  chart.addEventListener('mouseover', (ev) => {
    const bar = ev.target.closest('.op');
    if (!bar) return;
    mark(bar, true);
    show(bar, ev);
  });
  chart.addEventListener('mouseout', (ev) => {
    const bar = ev.target.closest('.op');
    if (!bar || bar.contains(ev.relatedTarget)) return;
    mark(bar, false);
    tip.hidden = true;
  });
});
document.body.setAttribute('data-ready', 'true');
`;
