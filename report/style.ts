/** The report's stylesheet, inlined into the page (system fonts only, nothing loaded). */
export const REPORT_CSS = `
:root { --fg: #1d2330; --muted: #5b6475; --line: #c9ced8; --bg: #fff; --panel: #f5f6f8;
  --fails: #c62828; --holds: #2e7d32; --unknown: #9a6700; --msg: #3d5a99; }
* { box-sizing: border-box; }
body { margin: 0; padding: 16px 20px 40px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--fg); background: var(--bg); }
h1 { font-size: 20px; margin: 0 0 6px; }
h2 { font-size: 15px; margin: 18px 0 8px; }
code, pre, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
.meta { display: flex; flex-wrap: wrap; gap: 4px 18px; color: var(--muted); margin: 0; }
.meta dt { display: inline; font-weight: 600; } .meta dd { display: inline; margin: 0 0 0 4px; color: var(--fg); }
pre.replay { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px;
  margin: 8px 0 0; white-space: pre-wrap; word-break: break-all; }
table.results { border-collapse: collapse; width: 100%; }
.results th, .results td { text-align: left; vertical-align: top; padding: 5px 10px; border-bottom: 1px solid var(--line); }
.results th { font-size: 12px; color: var(--muted); font-weight: 600; }
.results td.message { white-space: pre-wrap; }
table.faults { border-collapse: collapse; }
.faults th, .faults td { text-align: left; padding: 3px 10px; border-bottom: 1px solid var(--line); }
.verdict { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 600; font-size: 12px; color: #fff; }
.verdict.fails { background: var(--fails); } .verdict.holds { background: var(--holds); }
.verdict.unknown { background: var(--unknown); }
button { font: inherit; font-size: 13px; padding: 2px 10px; border: 1px solid var(--line); border-radius: 5px;
  background: #fff; cursor: pointer; }
button:hover { background: var(--panel); } button[aria-pressed="true"] { background: #e3e9f7; border-color: var(--msg); }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-bottom: 6px; }
.toolbar .sep { width: 12px; } #status { color: var(--muted); font-size: 12.5px; margin-left: 8px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; color: var(--muted); margin: 4px 0 8px; }
.legend svg { vertical-align: middle; margin-right: 3px; }
#scroller { overflow: auto; max-height: 78vh; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.st-body { display: flex; gap: 10px; align-items: flex-start; }
.st-body #scroller { flex: 1 1 auto; min-width: 0; }
#panel { flex: 0 0 420px; display: flex; flex-direction: column; max-height: 70vh; min-height: 160px; border: 1px solid var(--line); border-radius: 6px; }
@media (max-width: 1000px) { .st-body { flex-direction: column; align-items: stretch; } #panel { flex: none; max-height: 45vh; } }
.panel-head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 6px; border-bottom: 1px solid var(--line); background: var(--panel); }
#search { flex: 1 1 180px; font: inherit; font-size: 13px; padding: 2px 6px; border: 1px solid var(--line); border-radius: 5px; }
#panel-count { color: var(--muted); font-size: 12.5px; }
#hidden-hosts { display: contents; } .unhide { font-size: 12px; padding: 0 6px; color: var(--muted); }
#panel-list { flex: 1 1 auto; min-height: 0; overflow: auto; } #panel-rows { position: relative; }
#panel-rows .row { position: absolute; left: 0; right: 0; height: 20px; line-height: 20px; padding: 0 6px; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; cursor: pointer; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 12px; }
#panel-rows .row:hover { background: var(--panel); } #panel-rows .row.current { background: #ffe9a8; }
.p-host { color: var(--msg); font-weight: 600; } .p-index { color: var(--muted); margin: 0 6px 0 4px; }
.p-fields { color: var(--muted); margin-left: 8px; }
#hosts [data-host-label] { cursor: pointer; } #hosts [data-host-label]:hover { text-decoration: line-through; }
.ev.match { stroke: #e37400; stroke-width: 3; } #diagram.searching .ev:not(.match) { opacity: 0.3; }
.ev.current { stroke: #000; stroke-width: 3.5; }
.wrap { display: flex; width: max-content; min-width: 100%; }
#hosts { position: sticky; left: 0; z-index: 2; background: rgba(255,255,255,0.94); border-right: 1px solid var(--line);
  flex: none; font-size: 12.5px; font-weight: 600; fill: var(--fg); }
#diagram { display: block; flex: none; }
.host-line { stroke: #aab1bf; stroke-width: 1.2; }
.host-line.client-line { stroke: #6a9fd4; stroke-dasharray: 6 3; }
.client-label { fill: #2f6db0; font-style: italic; }
.down { stroke: #e6a3a3; stroke-width: 4; stroke-dasharray: 2 3; }
.tick { fill: var(--muted); font-size: 10.5px; } line.tick { stroke: #eceef2; stroke-width: 1; }
.msg { fill: none; stroke: var(--msg); stroke-width: 1.1; opacity: 0.75; }
.msg.derived { stroke: #5e6b85; } .msg:hover { stroke-width: 2.5; opacity: 1; }
.head { fill: var(--msg); }
.lost-line { fill: none; stroke: var(--fails); stroke-width: 1.1; stroke-dasharray: 3 2; }
.lost .x { stroke: var(--fails); stroke-width: 2; fill: none; }
.lost.inflight .lost-line { stroke: var(--unknown); } .lost .open { fill: #fff; stroke: var(--unknown); stroke-width: 1.5; }
.ev { stroke: #fff; stroke-width: 1; cursor: pointer; }
.ev:hover { stroke: #000; stroke-width: 2; }
.k-start { fill: #fff; stroke: #333; stroke-width: 1.5; }
.k-send { fill: var(--msg); } .k-receive { fill: #1f7a8c; } .k-internal, .k-other { fill: #8a93a3; }
.k-timer { fill: #d08700; } .k-pause, .k-resume { fill: #7b4fa0; }
path.k-crash { stroke: var(--fails); stroke-width: 3; fill: none; } path.k-restart { fill: var(--holds); }
.frontier { stroke: #000; stroke-width: 2.5; }
.run rect { fill: #eef0f4; stroke: #8a93a3; stroke-width: 1; cursor: pointer; }
.run text { font-size: 10px; text-anchor: middle; fill: #333; pointer-events: none; font-weight: 600; }
.run:hover rect { fill: #dfe4ee; }
.run-open { fill: none; stroke: #8a93a3; stroke-width: 1.2; cursor: pointer; }
.run-open:hover { stroke: #000; stroke-width: 2; }
.cut { fill: none; stroke-width: 2.5; stroke-linejoin: round; pointer-events: none; }
.cut.fails { stroke: var(--fails); } .cut.other { stroke: #1565c0; }
.cut-area { pointer-events: none; } .cut-area.fails { fill: rgba(198,40,40,0.07); } .cut-area.other { fill: rgba(21,101,192,0.07); }
#tip { position: fixed; z-index: 10; max-width: 460px; background: #1d2330; color: #f4f6fa; padding: 8px 10px;
  border-radius: 6px; font-size: 12.5px; box-shadow: 0 3px 12px rgba(0,0,0,0.25); pointer-events: none; }
#tip .tip-title { display: block; font-weight: 600; margin-bottom: 4px; word-break: break-word; }
#tip > div { display: flex; gap: 8px; } .tip-key { color: #9fb0cc; min-width: 42px; flex: none; }
.tip-value { white-space: pre-wrap; word-break: break-word; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
`;
