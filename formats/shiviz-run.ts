/**
 * A simulated run as a ShiViz log: every event carries its virtual tick as the field `dsim_tick`, and the events of
 * a violation carry `dsim_violation` (the property's name), so ShiViz shows both and can search on them
 * (`dsim_violation=*`). The events of a violation are the frontier of its witness cut (each host's last event in
 * the cut); a violation found without a cut marks the run's last event.
 */
import type { ExecEvent } from '../execution/types.js';
import type { RunReport } from '../sim/run.js';
import { writeShiViz, writeShiVizExecutions, type ExtraFields } from './shiviz-write.js';

/** The fields `dsim_tick` and `dsim_violation` of a run's events. */
export function runShiVizFields(report: RunReport): ExtraFields {
  const exec = report.execution;
  const marks = new Map<number, string[]>();
  const mark = (id: number, property: string): void => {
    const names = marks.get(id) ?? [];
    if (!names.includes(property)) names.push(property);
    marks.set(id, names);
  };
  const failures = [
    ...report.violations.map((v) => ({ property: v.property, cut: v.witness?.cut })),
    ...(report.protocolError === undefined ? [] : [{ property: 'protocol-error', cut: undefined }]),
  ];
  for (const { property, cut } of failures) {
    const frontier = cut === undefined ? [] : Array.from(cut, (k, h) => (k > 0 ? exec.byHost[h]![k - 1]! : -1)).filter((id) => id >= 0);
    if (frontier.length === 0 && exec.events.length > 0) frontier.push(exec.events.length - 1);
    for (const id of frontier) mark(id, property);
  }
  return (event: ExecEvent) => {
    const names = marks.get(event.id);
    return {
      ...(event.timeTicks === undefined ? {} : { dsim_tick: event.timeTicks }),
      ...(names === undefined ? {} : { dsim_violation: names.join(', ') }),
    };
  };
}

/** `report` as a ShiViz log, with ticks and violation markers. */
export function runShiViz(report: RunReport): string {
  return writeShiViz(report.execution, runShiVizFields(report));
}

/** Runs as one multi-execution ShiViz log (for ShiViz's diff view), each with ticks and violation markers. */
export function runsShiViz(runs: readonly { readonly title: string; readonly report: RunReport }[]): string {
  return writeShiVizExecutions(runs.map((r) => ({ title: r.title, execution: r.report.execution, extra: runShiVizFields(r.report) })));
}
