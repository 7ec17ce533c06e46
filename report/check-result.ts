/** Turning the predicate engine's answers into report rows. */
import type { CheckResult } from '../properties/result-types.js';
import type { ReportResult } from './types.js';

/**
 * A `CheckResult` as a report row named `name` (default: `modality(predicate)`): the message says which algorithm
 * decided after how many cuts, and for `unknown` what stopped the search; the witness carries over.
 */
export function checkResultToReport(result: CheckResult, name?: string): ReportResult {
  let message = `${result.algorithm}, ${result.cutsVisited} cuts visited`;
  if (result.stoppedBy !== undefined) message += `; stopped by ${result.stoppedBy}`;
  if (result.witness !== undefined) message += result.verdict === 'fails' ? '; counterexample cut drawn' : '; witness cut drawn';
  return {
    name: name ?? `${result.modality}(${result.predicate})`,
    verdict: result.verdict,
    message,
    ...(result.witness === undefined ? {} : { witness: result.witness }),
  };
}
