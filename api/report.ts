/**
 * The HTML space-time report of a run (`dsim run --html`, `writeReport` in the library): every property of its
 * scenario with its verdict, the violating or witness cut drawn, and the command that replays it.
 */
import { writeFileSync } from 'node:fs';
import { renderHtmlReport } from '../report/index.js';
import type { ReportResult } from '../report/types.js';
import type { RunReport } from '../sim/run.js';
import { runCommandLine } from './command-line.js';
import { rejectIf } from './errors.js';
import { faultsFired } from '../search/strategies/faults-fired.js';

/** The HTML space-time report of a run: every property of its scenario with its verdict, and the replay command. */
export function runHtmlReport(report: RunReport, replayCommand: string): string {
  const names = report.definition.properties;
  const results: ReportResult[] = names.map((name) => {
    const violation = report.violations.find((v) => v.property === name);
    const open = report.undecided.find((u) => u.property === name);
    if (violation === undefined && open !== undefined) return { name, verdict: 'unknown', message: open.message };
    if (violation === undefined) return { name, verdict: 'ok' };
    const drawn = violation.witness === undefined ? {} : { witness: violation.witness };
    return { name, verdict: 'violated', message: violation.message, ...drawn };
  });
  if (report.protocolError !== undefined) results.push({ name: 'protocol-error', verdict: 'violated', message: report.protocolError });
  return renderHtmlReport({
    title: `${report.scenario}${report.bug === undefined ? '' : ` --bug ${report.bug}`} seed ${report.seed}`,
    execution: report.execution,
    results,
    seed: report.seed,
    scenario: report.scenario,
    ...(report.bug === undefined ? {} : { bug: report.bug }),
    traceHash: report.traceHash,
    faultsFired: faultsFired(report),
    replayCommand,
    ...(report.clientCount === undefined ? {} : { clientHosts: Array.from({ length: report.clientCount }, (_, c) => report.nodes + c) }),
  });
}

/** Options of `writeReport`. */
export interface WriteReportOptions {
  /** The command the report shows to replay the run (default: `npx dsim run <scenario> --seed N [--bug B]`). */
  readonly replayCommand?: string;
}

/**
 * Writes the HTML report of a run result (`run(...)`, a fuzz result's `firstFailure` or `repros[i].run`) to `file`.
 * Throws `DsimInputError` when the file cannot be written.
 */
export function writeReport(result: RunReport, file: string, opts: WriteReportOptions = {}): void {
  const command = opts.replayCommand ?? runCommandLine(result);
  try {
    writeFileSync(file, runHtmlReport(result, command));
  } catch (e) {
    rejectIf(file, `the report cannot be written (${(e as { code?: string }).code ?? String(e)})`);
  }
}
