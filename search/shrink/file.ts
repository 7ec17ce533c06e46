/**
 * Shrinking a schedule or repro file: replay it, shrink the failure it reproduces, and render the shrunk run as a
 * repro file (a schedule file with the property, its message and the before/after figures).
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { Scenario } from '../../scenarios/types.js';
import { runScheduleFile, type Undecided } from '../../sim/run.js';
import { readScheduleFile, scheduleToJson } from '../../sim/schedule-file.js';
import { shrinkFigures } from '../fuzz/repro.js';
import { shrinkFailure, type ShrinkOptions, type ShrinkResult } from './shrink.js';

/** A shrunk file: the shrink and the text of the shrunk repro file. */
export interface ShrunkFile {
  readonly result: ShrinkResult;
  readonly text: string;
}

/**
 * A schedule whose replay violates no property but leaves some undecided (`unknown`: a limit stopped the run or a
 * search first): there is no failure to shrink, and the run does not pass either.
 */
export interface UndecidedReplay {
  readonly kind: 'undecided';
  readonly undecided: readonly Undecided[];
}

/** `shrinkScheduleText`, but a replay that decides nothing is its own answer, not an error (`dsim shrink` exits 1). */
export function shrinkScheduleFile(text: string, source: string, scenario?: Scenario, opts: ShrinkOptions = {}): Failable<ShrunkFile | UndecidedReplay> {
  const file = readScheduleFile(text, source);
  if (!file.ok) return file;
  const f = file.value;
  const run = runScheduleFile(f, source, scenario ?? f.scenario);
  if (!run.ok) return run;
  const report = run.value;
  const named = propertyField(text);
  const failed = [...report.violations.map((v) => v.property), ...(report.protocolError === undefined ? [] : ['protocol-error'])];
  if (failed.length === 0 && report.undecided.length > 0) return succeed({ kind: 'undecided', undecided: report.undecided });
  if (failed.length === 0) {
    return fail({ source, message: 'the schedule replays to a run where every property holds; there is no failure to shrink' });
  }
  const property = named ?? failed[0]!;
  if (!failed.includes(property)) {
    return fail({ source, message: `the file names property "${property}", but its replay violates only ${failed.join(', ')}` });
  }
  const shrunk = shrinkFailure(report, property, opts);
  if (!shrunk.ok) return fail({ ...shrunk.error, source });
  const r = shrunk.value;
  return succeed({ result: r, text: scheduleToJson(r.report, { property, message: r.message, shrunk: shrinkFigures(r.stats, r.stopReason) }) });
}

/**
 * Shrinks the failure a schedule file reproduces. The property is the file's `property` field (repro files have
 * one), else the first property the replay violates. `source` names the file in errors; `scenario` is the
 * scenario it was recorded from (default: the built-in of its name).
 */
export function shrinkScheduleText(text: string, source: string, scenario?: Scenario, opts: ShrinkOptions = {}): Failable<ShrunkFile> {
  const shrunk = shrinkScheduleFile(text, source, scenario, opts);
  if (!shrunk.ok || !('kind' in shrunk.value)) return shrunk as Failable<ShrunkFile>;
  return fail({ source, message: undecidedSentence(shrunk.value) });
}

/** What `dsim shrink` says of a replay that decides nothing. */
export function undecidedSentence(u: UndecidedReplay): string {
  const names = u.undecided.map((x) => x.property).join(', ');
  return `the schedule replays to a run that violates no property but leaves ${names} undecided (unknown: ${u.undecided[0]!.message}); there is no failure to shrink`;
}

/** The `property` field of a repro file, when it has a string one. */
function propertyField(text: string): string | undefined {
  const data = JSON.parse(text) as Record<string, unknown>;
  return typeof data['property'] === 'string' ? data['property'] : undefined;
}
