/**
 * A passing twin of a shrunk failure: the nearest run that passes, for comparing side by side (ShiViz's diff
 * view). A shrunk schedule is minimal against the shrinker's edits, so putting one of its choices back to its
 * default usually loses the failure; the twin is the first such run, trying fault choices first (a twin that differs
 * by one fault reads best), then the others, each in schedule order, within a count of tries.
 */
import { succeed, type Failable } from '../../execution/failable.js';
import type { Scenario } from '../../scenarios/types.js';
import { runScheduleFile, type RunReport } from '../../sim/run.js';
import { readScheduleFile } from '../../sim/schedule-file.js';
import { runsShiViz } from '../../formats/shiviz-run.js';
import { DEFAULT_CHOICE, paramsOf, runCandidate } from './candidate.js';

/** Candidate runs a twin search makes at most. */
export const TWIN_TRIES_MAX_DEFAULT = 64;

/** A passing run one choice away from a failing one. */
export interface PassingTwin {
  /** The passing run (violating nothing; it may leave properties undecided, as its limits are the failing run's). */
  readonly report: RunReport;
  /** The choice put back to its default: its position in the schedule, its kind and its recorded value. */
  readonly changed: { readonly index: number; readonly kind: string; readonly value: number };
}

/**
 * The first run one choice away from `failing` that violates no property, or undefined within `triesMax`. A property
 * it leaves undecided is allowed: a shrunk run's events limit is cut to its failure, and its twin shares it.
 */
export function passingTwin(failing: RunReport, triesMax = TWIN_TRIES_MAX_DEFAULT): PassingTwin | undefined {
  const schedule = failing.schedule;
  const positions = schedule.map((_, i) => i);
  const isFault = (i: number): boolean => /^(fault|storage|swarm)/.test(schedule[i]!.kind);
  const order = [...positions.filter(isFault), ...positions.filter((i) => !isFault(i))];
  let tries = 0;
  for (const index of order) {
    if (tries >= triesMax) break;
    tries++;
    const edited = schedule.map((c, i) => (i === index ? DEFAULT_CHOICE : c));
    const run = runCandidate({ ...paramsOf(failing), schedule: edited });
    if (!run.ok) continue;
    const r = run.value;
    if (r.ok && r.protocolError === undefined) {
      const { kind, value } = schedule[index]!;
      // Re-run from its own recorded schedule, so the twin replays exactly (as the shrunk run does).
      const replayed = runCandidate({ ...paramsOf(r), seed: failing.seed });
      if (replayed.ok && replayed.value.traceHash === r.traceHash) return { report: replayed.value, changed: { index, kind, value } };
    }
  }
  return undefined;
}

/**
 * A failing run and its passing twin as one two-execution ShiViz log (ShiViz's diff view compares them); the
 * failing run alone when no twin was found within `triesMax`. Answers the log and the twin.
 */
export function failingAndPassingShiViz(failing: RunReport, triesMax = TWIN_TRIES_MAX_DEFAULT): { readonly text: string; readonly twin: PassingTwin | undefined } {
  const twin = passingTwin(failing, triesMax);
  const failed = [...failing.violations.map((v) => v.property), ...(failing.protocolError === undefined ? [] : ['protocol-error'])];
  const name = `${failing.scenario}${failing.bug === undefined ? '' : ` --bug ${failing.bug}`} seed ${failing.seed}`;
  const runs = [{ title: `failing: ${name}, violates ${failed.join(', ')}`, report: failing }];
  if (twin !== undefined) {
    const { index, kind, value } = twin.changed;
    runs.push({ title: `passing: the same schedule with choice ${index} (${kind} = ${value}) at its default`, report: twin.report });
  }
  return { text: runsShiViz(runs), twin };
}

/**
 * The two-execution ShiViz log of a repro or schedule file: its run replayed (with `scenario`, the one it was
 * recorded from) beside its passing twin.
 */
export function scheduleFileShiViz(text: string, source: string, scenario: Scenario): Failable<string> {
  const file = readScheduleFile(text, source);
  if (!file.ok) return file;
  const run = runScheduleFile(file.value, source, scenario);
  if (!run.ok) return run;
  return succeed(failingAndPassingShiViz(run.value).text);
}
