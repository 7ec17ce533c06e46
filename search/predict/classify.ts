/**
 * Splits a run's violations into observed and predicted ones (see search/predict/observed.ts). A violation that names no
 * cut was checked on the run's own interleaving, so it is observed.
 */
import type { RunReport } from '../../sim/run.js';
import { eventsAhead, passesThrough } from './observed.js';
import { witnessCut, type WitnessSource } from './witness.js';

/** A violation with where it stands: on the run's own interleaving, or only in another one. */
export type ClassifiedViolation =
  | { readonly kind: 'observed'; readonly property: string; readonly message: string; readonly cut: Int32Array | undefined }
  | {
      readonly kind: 'predicted';
      readonly property: string;
      readonly message: string;
      readonly cut: Int32Array;
      /** Events the run did before completing the cut although they are outside it. */
      readonly eventsAhead: readonly number[];
    };

/** Classifies every violation of a run (a handler failure, `protocol-error`, is observed). */
export function classifyViolations(report: RunReport): ClassifiedViolation[] {
  const out: ClassifiedViolation[] = report.violations.map((v) => classifyOne(report, v.property, v));
  if (report.protocolError !== undefined) {
    out.push({ kind: 'observed', property: 'protocol-error', message: report.protocolError, cut: undefined });
  }
  return out;
}

/** Classifies one violation of `report`. */
export function classifyOne(report: RunReport, property: string, v: WitnessSource): ClassifiedViolation {
  const exec = report.execution;
  const cut = witnessCut(exec, v);
  if (cut === undefined || passesThrough(exec, cut)) return { kind: 'observed', property, message: v.message, cut };
  return { kind: 'predicted', property, message: v.message, cut, eventsAhead: eventsAhead(exec, cut) };
}

/** The classification of `property`'s violation in `report`, or undefined when it is not violated. */
export function classifyProperty(report: RunReport, property: string): ClassifiedViolation | undefined {
  return classifyViolations(report).find((c) => c.property === property);
}
