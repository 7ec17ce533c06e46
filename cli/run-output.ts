import { propertyNotes } from '../api/properties/notes.js';
import { succeed, type Failable } from '../execution/failable.js';
import { runShiViz } from '../formats/shiviz-run.js';
import { runHtmlReport } from '../api/report.js';
import { traceToJson } from '../formats/trace.js';
import type { RunReport } from '../sim/run.js';
import { scheduleToJson } from '../sim/schedule-file.js';
import { writeTextFile } from './files.js';
import { ExitCode } from './exit.js';
import type { CliIo } from './io.js';
import { configFlagFor, runCommandLine, shellQuote } from './options.js';
import { faultsFired } from '../search/strategies/faults-fired.js';
import { faultsFiredLines } from './faults-output.js';
import { paint } from './style.js';

/** Files a run can be written to, by flag. */
export interface RunOutputFlags {
  readonly trace?: string | undefined;
  readonly shiviz?: string | undefined;
  readonly 'schedule-out'?: string | undefined;
  readonly html?: string | undefined;
}

/** Writes the files the flags ask for; stops at the first that cannot be written. */
export function writeRunOutputs(report: RunReport, flags: RunOutputFlags, replayCommand = replayCommandOf(report)): Failable<void> {
  const outputs: [flag: keyof RunOutputFlags, render: () => string][] = [
    ['trace', () => traceToJson(report)],
    ['shiviz', () => runShiViz(report)],
    ['schedule-out', () => scheduleToJson(report)],
    ['html', () => runHtmlReport(report, replayCommand)],
  ];
  for (const [flag, render] of outputs) {
    const path = flags[flag];
    if (path === undefined) continue;
    const written = writeTextFile(path, render(), flag);
    if (!written.ok) return written;
  }
  return succeed(undefined);
}

/**
 * The JSON shape of `run` and `replay`: `{scenario, bug, seed, ok, violations, undecided, events, traceHash,
 * endReason, endTicks, faultsFired}` (`faultsFired`: `{byKind, byNode}`, search/strategies/faults-fired.ts).
 */
export function runReportJson(report: RunReport): Record<string, unknown> {
  return {
    scenario: report.scenario,
    bug: report.bug ?? null,
    seed: report.seed,
    ok: report.ok,
    violations: [
      ...report.violations.map((v) => ({ property: v.property, message: v.message })),
      ...(report.protocolError === undefined ? [] : [{ property: 'protocol-error', message: report.protocolError }]),
    ],
    undecided: report.undecided.map((u) => ({ property: u.property, message: u.message })),
    events: report.events,
    traceHash: report.traceHash,
    endReason: report.endReason,
    endTicks: report.endTicks,
    faultsFired: faultsFired(report),
  };
}

/**
 * The human-readable verdict: the properties, the trace hash and the exact command that replays the run. A run
 * replayed from a schedule file (`from`) is replayed by that file, not by its seed (a shrunk schedule is no longer
 * what the seed draws).
 */
export function printRunReport(io: CliIo, report: RunReport, schedule?: { readonly path: string; readonly from: boolean }): void {
  const name = `${report.scenario}${report.bug === undefined ? '' : ` --bug ${report.bug}`} seed ${report.seed}`;
  const summary = `${report.events} events, ${report.nodes} nodes, ended ${report.endReason} at tick ${report.endTicks}`;
  if (!report.ok) {
    io.out(`${name}: ${paint(io, 'bad', 'VIOLATED')} (${summary})`);
    for (const v of report.violations) io.out(`  ${v.property}: ${v.message}`);
    if (report.protocolError !== undefined) io.out(`  ${report.protocolError}`);
  } else if (report.undecided.length === 0) {
    io.out(`${name}: ${paint(io, 'good', 'ok')}, every property holds (${summary})`);
  } else {
    io.out(`${name}: ${paint(io, 'unknown', 'UNKNOWN')}, no property violated but not every one decided (${summary})`);
  }
  for (const u of report.undecided) io.out(`  ${u.property}: could not decide: ${u.message}`);
  for (const n of propertyNotes(report.execution)) io.out(`  note: ${n.property}: ${n.note}`);
  for (const line of faultsFiredLines(faultsFired(report))) io.out(line);
  io.out(`trace hash: ${report.traceHash}`);
  if (schedule?.from !== true) io.out(`replay: ${replayCommandOf(report)}`);
  if (schedule !== undefined) io.out(`replay${schedule.from ? '' : ' the schedule'}: npx dsim replay ${shellQuote(schedule.path)}`);
}

/** 0 when every property holds; 1 when one is violated, a handler failed, or one could not be decided (`unknown`). */
export function exitCodeOf(report: RunReport): ExitCode {
  return report.ok && report.undecided.length === 0 ? ExitCode.Ok : ExitCode.Violation;
}

/** The command that replays a run from its seed (`--nodes` only where it differs from the scenario's default). */
export function replayCommandOf(report: RunReport): string {
  const nodesDefault = report.definition.nodesDefault;
  const config = configFlagFor(report.definition.origin?.file);
  return runCommandLine({ ...report, nodes: report.nodes === nodesDefault ? undefined : report.nodes, config });
}
