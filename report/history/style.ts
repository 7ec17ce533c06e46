/** The history page's stylesheet, added to the run report's (system fonts only, nothing loaded). */
export const HISTORY_CSS = `
.history-file { margin-top: 22px; border-top: 1px solid var(--line); padding-top: 6px; }
.history-file h2 { display: flex; gap: 10px; align-items: center; }
pre.explanation { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px;
  white-space: pre-wrap; word-break: break-word; max-height: 16em; overflow: auto; }
.limit { color: var(--unknown); }
details.part { margin: 10px 0; } details.part > summary { cursor: pointer; font-weight: 600; margin-bottom: 6px; }
.status.linearizable { color: var(--holds); } .status.not-linearizable { color: var(--fails); }
.status.unfinished { color: var(--unknown); }
.part-body { display: flex; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.clients { flex: none; width: 64px; border-right: 1px solid var(--line); }
.client { height: 34px; line-height: 34px; padding-left: 10px; font-weight: 600; font-size: 12.5px; }
.client:nth-child(even), .chart-scroll { background: transparent; }
.chart-scroll { overflow-x: auto; flex: 1; }
.chart { position: relative; background: repeating-linear-gradient(#fff 0 34px, #f7f8fa 34px 68px); }
.op { position: absolute; height: 22px; border: 1px solid #7d93b8; background: #dfe8f6; border-radius: 4px;
  overflow: hidden; white-space: nowrap; font: 12px/20px ui-monospace, "DejaVu Sans Mono", Menlo, monospace;
  padding: 0 5px; cursor: default; color: #1d2330; }
.op.unknown { background: linear-gradient(90deg, #eceff3 70%, rgba(236,239,243,0)); border-style: dashed; border-right: none; }
.op.placed { background: #d7ecd9; border-color: #5d9c63; }
.part[data-status="not-linearizable"] .op:not(.placed) { opacity: 0.75; }
.op.candidate { border: 2px dashed var(--fails); opacity: 1 !important; }
.op.blocked { background: #f8d4d4; border: 2px solid var(--fails); font-weight: 700; opacity: 1 !important; }
.op.hot, .op:hover { box-shadow: 0 0 0 2px #1d2330; z-index: 3; }
svg.lines { position: absolute; left: 0; top: 0; pointer-events: none; overflow: visible; z-index: 2; }
.lin { fill: none; stroke: #2e7d32; stroke-width: 1.6; opacity: 0.8; }
.lp { stroke: #1b5e20; stroke-width: 2.5; } .lp.hot { stroke: #000; stroke-width: 4; }
.lin-bad { fill: none; stroke: var(--fails); stroke-width: 1.4; stroke-dasharray: 4 3; }
.lp-bad { stroke: var(--fails); stroke-width: 2.5; stroke-dasharray: 3 2; }
details.order { margin: 6px 0 0; font-size: 13px; } details.order summary { cursor: pointer; color: var(--muted); }
details.order ol { margin: 4px 0; max-height: 22em; overflow: auto; } details.order li.hot { background: #fff3c4; }
.blocked-note { margin: 6px 0 0; color: var(--fails); font-weight: 600; }
.history-legend .sw { display: inline-block; width: 22px; height: 11px; vertical-align: middle; margin-right: 4px;
  border-radius: 3px; border: 1px solid #7d93b8; background: #dfe8f6; }
.history-legend .unknown-sw { border-style: dashed; background: #eceff3; }
.history-legend .lp-sw { width: 3px; border: none; background: #1b5e20; }
.history-legend .blocked-sw { background: #f8d4d4; border: 2px solid var(--fails); }
.history-legend .candidate-sw { border: 2px dashed var(--fails); background: #fff; }
`;
