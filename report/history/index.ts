/** Checked client histories drawn as one self-contained HTML page (`dsim check-history --html`). */
export { renderHistoryHtml, firstOperations } from './html.js';
export { historyReportFile } from './input.js';
export { layoutPart, textWidth } from './layout.js';
export type { PartLayout } from './layout.js';
export { DRAW_OPERATIONS_MAX_DEFAULT } from './types.js';
export type { HistoryReportFile, HistoryReportInput } from './types.js';
