/**
 * The HTML space-time report: `renderHtmlReport` turns an Execution (simulated or read from a log) and the results
 * checked on it into one self-contained HTML page. Never imports sim/.
 */
export { renderHtmlReport } from './html.js';
export { checkResultToReport } from './check-result.js';
export { computeLinks, clockDerivedArrows } from './arrows.js';
export type { Arrow, Links, LostMessage } from './arrows.js';
export { findLocalRuns } from './runs.js';
export type { LocalRun } from './runs.js';
export { layoutColumns } from './layout.js';
export type { LayoutInput, LayoutOutput } from './layout.js';
export { buildPageData } from './data.js';
export type { PageData, PageResult } from './data.js';
export { escapeHtml, jsonForScript } from './escape.js';
export { COLLAPSE_EVENTS_MIN, EVENTS_MAX_DEFAULT, normalizeVerdict, RUN_EVENTS_MIN } from './types.js';
export type { ReportInput, ReportResult, ReportVerdict } from './types.js';
export { historyReportFile, renderHistoryHtml, DRAW_OPERATIONS_MAX_DEFAULT } from './history/index.js';
export type { HistoryReportFile, HistoryReportInput } from './history/index.js';
