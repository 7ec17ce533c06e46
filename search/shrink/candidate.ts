/**
 * Running one shrink candidate: a run of the failing scenario with an edited schedule (and possibly fewer nodes, a
 * lower events limit), and the oracle that says whether it still fails the same property.
 */
import type { Failable } from '../../execution/failable.js';
import type { SiteOptions } from '../../sim/chooser.js';
import type { Choice } from '../../sim/outcome.js';
import { runScenario, type RunReport } from '../../sim/run.js';
import type { Scenario } from '../../scenarios/types.js';

/** Everything a candidate run is made of; with a schedule, the seed is informational (the schedule decides). */
export interface CandidateParams {
  readonly scenario: Scenario;
  readonly bug: string | undefined;
  readonly seed: number;
  readonly nodes: number;
  readonly eventsMax: number;
  readonly timeTicksMax: number;
  /** Undefined: a fresh run drawn from the seed. */
  readonly schedule: readonly Choice[] | undefined;
  /** The fault mix is drawn as recorded `swarm:*` choices (sim/faults.ts `swarmPlan`). */
  readonly swarm: boolean;
  /** Scripted faults of the scenario left out (indices). */
  readonly scriptedFaultsSkipped: readonly number[];
  /** Decide the run by site instead of by `schedule` (sim/chooser.ts; search/shrink/site-passes.ts). */
  readonly bySite?: SiteOptions;
}

/**
 * A schedule entry that no choice has as its kind: the chooser replaces it by that choice's default (minimal delay,
 * no drop, no duplicate, no fault, protocol choice `min`) and consumes it, so the positions after it stay aligned.
 */
export const DEFAULT_CHOICE: Choice = Object.freeze({ kind: '\u0000default', value: 0 });

/** True for the `DEFAULT_CHOICE` placeholder. */
export function isDefaultMark(c: Choice): boolean {
  return c.kind === DEFAULT_CHOICE.kind;
}

/** Runs a candidate, with the site of every choice recorded. */
export function runCandidate(p: CandidateParams): Failable<RunReport> {
  return runScenario(p.scenario, {
    seed: p.seed,
    bug: p.bug,
    nodes: p.nodes,
    eventsMax: p.eventsMax,
    timeTicksMax: p.timeTicksMax,
    schedule: p.schedule,
    swarm: p.swarm,
    scriptedFaultsSkipped: p.scriptedFaultsSkipped,
    sites: p.bySite ?? {},
  });
}

/** The candidate parameters that replay `report` exactly. */
export function paramsOf(report: RunReport): CandidateParams {
  return {
    scenario: report.definition,
    bug: report.bug,
    seed: report.seed,
    nodes: report.nodes,
    eventsMax: report.eventsMax,
    timeTicksMax: report.timeTicksMax,
    schedule: report.schedule,
    swarm: report.swarm === true,
    scriptedFaultsSkipped: report.scriptedFaultsSkipped ?? [],
  };
}

/** The message with which `report` violates `property` (a handler failure is property `protocol-error`). */
export function violationMessage(report: RunReport, property: string): string | undefined {
  if (property === 'protocol-error') return report.protocolError;
  return report.violations.find((v) => v.property === property)?.message;
}

/**
 * A failure message with its numbers and bracketed lists (cuts, vector clocks) blanked out: failures alike up to
 * numbers and cluster size have the same signature.
 */
export function signature(message: string): string {
  return message.replace(/\[[^\]]*\]/g, '[…]').replace(/\d+/g, 'N');
}
