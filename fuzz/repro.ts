/**
 * Repro files: `DIR/<scenario>-<seed>.json`, a schedule file (so `dsim replay` reads it) with the violated property,
 * its message and, when it was shrunk, the before/after figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, succeed, type Failable } from '../execution/failable.js';
import type { RunReport } from '../sim/run.js';
import { scheduleToJson } from '../sim/schedule-file.js';

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

/** The figures of a shrink as a repro file records them: everything but the wall-clock time. */
export function shrinkFigures(stats: ShrinkStats | null): Omit<ShrinkStats, 'ms'> | null {
  if (stats === null) return null;
  const { ms: _ms, ...rest } = stats;
  return rest;
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
   * interleaving with the same causality does; see predict/observed.ts), `observed` otherwise.
   */
  readonly origin: 'observed' | 'predicted';
}

/**
 * The repro file's name for a run: `<scenario>[-<bug>]-<seed>.json` (a `/` or other odd character becomes `_`), so
 * campaigns of two bug variants can share a folder.
 */
export function reproFileName(scenario: string, bug: string | undefined, seed: number): string {
  const safe = (text: string) => text.replace(/[^\w.-]+/g, '_');
  return `${safe(scenario)}${bug === undefined ? '' : `-${safe(bug)}`}-${seed}.json`;
}

/** Writes the repro of `report` (the run to replay, shrunk or not) into `dir`. */
export function writeRepro(
  dir: string,
  report: RunReport,
  failure: { readonly property: string; readonly message: string },
  shrunk: ShrinkStats | null,
  origin: 'observed' | 'predicted' = 'observed',
): Failable<Repro> {
  const path = join(dir, reproFileName(report.scenario, report.bug, report.seed));
  const extra = { property: failure.property, message: failure.message, origin, shrunk: shrinkFigures(shrunk) };
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, scheduleToJson(report, extra));
  } catch (e) {
    return fail({ source: `--out ${dir}`, message: `the repro file ${path} cannot be written (${String(e)})` });
  }
  return succeed({ seed: report.seed, ...failure, path, traceHash: report.traceHash, shrunk, origin });
}
