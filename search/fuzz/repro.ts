/**
 * Repro files: `DIR/<scenario>[-<bug>]-<seed>.json`, a schedule file (so `dsim replay` reads it) with the violated
 * property, its message and, when it was shrunk, the before/after figures and why the shrink stopped. Written
 * atomically: a campaign first writes each repro unshrunk, then replaces it with the shrunk one.
 */
import { join } from 'node:path';
import { fail, succeed, type Failable } from '../../execution/failable.js';
import { writeFileAtomic } from '../../formats/output-path.js';
import type { ShrinkStopReason } from '../shrink/search.js';
import { scheduleToJson, type ScheduleSource } from '../../sim/schedule-file.js';

/** Figures of one shrink: before and after, and the time it took. */
export interface ShrinkStats {
  readonly eventsBefore: number;
  readonly eventsAfter: number;
  readonly faultsBefore: number;
  readonly faultsAfter: number;
  readonly scheduleBefore: number;
  readonly scheduleAfter: number;
  /** Candidate runs the shrink made (what bounds it). */
  readonly runs: number;
  /** Wall-clock time it took: printed, never written into a repro file (files are the same on every machine). */
  readonly ms: number;
}

/**
 * The figures of a shrink as a repro file records them: everything but the wall-clock time, and why it stopped
 * (`interrupted`: a signal stopped it, and the file holds its best run so far).
 */
export function shrinkFigures(stats: ShrinkStats | null, stopReason?: ShrinkStopReason | null): Record<string, unknown> | null {
  if (stats === null) return null;
  const { ms: _ms, ...rest } = stats;
  return stopReason === undefined || stopReason === null ? rest : { ...rest, stopReason };
}

/** A written repro. */
export interface Repro {
  readonly seed: number;
  readonly property: string;
  readonly message: string;
  readonly path: string;
  readonly traceHash: string;
  readonly shrunk: ShrinkStats | null;
  /**
   * `predicted` when the property failed at a consistent cut the run's own interleaving never passed through (another
   * interleaving with the same causality does; see search/predict/observed.ts), `observed` otherwise.
   */
  readonly origin: 'observed' | 'predicted';
  /** Why its shrink stopped; null when the repro is not shrunk. */
  readonly shrinkStop: ShrinkStopReason | null;
}

/**
 * The repro file's name for a run: `<scenario>[-<bug>]-<seed>.json` (a `/` or other odd character becomes `_`), so
 * campaigns of two bug variants can share a folder.
 */
export function reproFileName(scenario: string, bug: string | undefined, seed: number): string {
  const safe = (text: string) => text.replace(/[^\w.-]+/g, '_');
  return `${safe(scenario)}${bug === undefined ? '' : `-${safe(bug)}`}-${seed}.json`;
}

/** A failure as a repro file records it. */
export interface ReproFailure {
  readonly property: string;
  readonly message: string;
}

/** The text of the repro file of `report` (the run to replay, shrunk or not). */
export function reproText(
  report: ScheduleSource,
  failure: ReproFailure,
  shrunk: ShrinkStats | null,
  origin: 'observed' | 'predicted' = 'observed',
  shrinkStop: ShrinkStopReason | null = null,
): string {
  return scheduleToJson(report, { property: failure.property, message: failure.message, origin, shrunk: shrinkFigures(shrunk, shrinkStop) });
}

/** Writes the repro of `report` (the run to replay, shrunk or not) into `dir`, atomically. */
export function writeRepro(
  dir: string,
  report: ScheduleSource,
  failure: ReproFailure,
  shrunk: ShrinkStats | null,
  origin: 'observed' | 'predicted' = 'observed',
  shrinkStop: ShrinkStopReason | null = null,
): Failable<Repro> {
  const path = join(dir, reproFileName(report.scenario, report.bug, report.seed));
  try {
    writeFileAtomic(path, reproText(report, failure, shrunk, origin, shrinkStop));
  } catch (e) {
    return fail({ source: `--out ${dir}`, message: `the repro file ${path} cannot be written (${String(e)})` });
  }
  const { property, message } = failure;
  return succeed({ seed: report.seed, property, message, path, traceHash: report.traceHash, shrunk, origin, shrinkStop });
}
