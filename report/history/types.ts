/** What `renderHistoryHtml` draws: checked histories, one section per file. */
import type { HistoryView } from '../../properties/linearizability/history-view.js';

/** At most this many operations are drawn on a page (over all files and parts); the rest are counted, not drawn. */
export const DRAW_OPERATIONS_MAX_DEFAULT = 20_000;

export interface HistoryReportFile {
  readonly file: string;
  readonly verdict: 'linearizable' | 'not-linearizable' | 'unknown';
  /** Operations checked (without `:fail` ones and read-only ones of unknown outcome). */
  readonly operations: number;
  /** Lines explaining the verdict: the longest prefix and the blocked operation, or the limit that stopped it. */
  readonly details: readonly string[];
  readonly view: HistoryView;
}

export interface HistoryReportInput {
  readonly title: string;
  readonly files: readonly HistoryReportFile[];
  /** Operations drawn at most (default `DRAW_OPERATIONS_MAX_DEFAULT`). */
  readonly operationsMax?: number;
}
