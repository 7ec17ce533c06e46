/** `historyReportFile`: a file's check result (`checkHistoryFiles` with `view: true`) as `renderHistoryHtml` takes it. */
import { formatExplanation } from '../../properties/linearizability/check.js';
import type { FileCheckResult } from '../../properties/linearizability/files.js';
import type { HistoryReportFile } from './types.js';

/** Undefined when the result carries no view (it was checked without `view: true`). */
export function historyReportFile(result: FileCheckResult): HistoryReportFile | undefined {
  if (result.view === undefined) return undefined;
  const details = result.explanation !== undefined ? formatExplanation(result.explanation)
    : result.stoppedBy !== undefined ? [`stopped by ${result.stoppedBy}, after ${result.steps} steps`] : [];
  return { file: result.file, verdict: result.verdict, operations: result.operations, details, view: result.view };
}
