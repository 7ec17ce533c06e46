/**
 * The state of one shrink: the smallest failing run found so far, the oracle, the budget, and `attempt`, which runs
 * a candidate and keeps it when it still fails the property and is smaller.
 */
import type { Choice } from '../../sim/outcome.js';
import type { ScriptedFault } from '../../sim/plan.js';
import type { RunReport } from '../../sim/run.js';
import { isDefaultMark, paramsOf, runCandidate, signature, violationMessage, type CandidateParams } from './candidate.js';
import { compareMeasures, KindDefaults, measureOf, type Measure } from './measure.js';

/** An accepted shrink step: which pass took it and the run's size after it. */
export interface ShrinkStep {
  readonly pass: string;
  readonly events: number;
  readonly faults: number;
  readonly choices: number;
}

/** Limits of one shrink. */
export interface ShrinkBudget {
  /** Candidate runs at most. */
  readonly runsMax: number;
  /** Wall-clock time for the shrinker at most, in ms (measured for the budget only; no run reads the clock). */
  readonly timeBudgetMs: number;
  /** Re-alignments of a candidate whose schedule fell out of step with the decisions, at most. */
  readonly repairsMax: number;
  /** Once aborted, the shrink stops before its next candidate run and keeps its best run so far. */
  readonly signal?: ShrinkAbortSignal | undefined;
}

/**
 * What stops a shrink from outside: an `AbortSignal`, or any object whose `aborted` turns true (a flag another thread
 * sets in shared memory, since a thread busy shrinking never sees an AbortSignal's event).
 */
export interface ShrinkAbortSignal {
  readonly aborted: boolean;
}

/** Why a shrink stopped. */
export type ShrinkStopReason = 'fixpoint' | 'runs-limit' | 'time-budget' | 'interrupted';

/** One shrink in progress: passes read `best` and propose candidates through `attempt`. */
export class ShrinkSearch {
  /** The smallest failing run kept so far. */
  best: RunReport;
  readonly defaults = new KindDefaults();
  readonly steps: ShrinkStep[] = [];
  runs = 0;
  /** The last run `attempt` made when it failed the property but was not smaller (a plateau to explore), else undefined. */
  lastFailing: RunReport | undefined;
  private readonly startedMs: number;
  /** Signature of the failure of the last kept run that was not cut short (see `fails`). */
  private referenceSignature: string;
  /** The events limit of the run being shrunk (cut candidates have a lower one). */
  readonly originalEventsMax: number;
  private readonly scripted: readonly ScriptedFault[];
  private readonly healAtTicks: number | undefined;
  /** The property is a safety property: a run cut short that fails it fails it for real. */
  private readonly safety: boolean;

  constructor(
    original: RunReport,
    readonly property: string,
    readonly budget: ShrinkBudget,
    private readonly now: () => number,
  ) {
    this.startedMs = now();
    // The same run with the site of each choice named (the site passes edit by site).
    const sited = runCandidate(paramsOf(original));
    this.best = sited.ok && sited.value.traceHash === original.traceHash ? sited.value : original;
    this.referenceSignature = signature(violationMessage(original, property) ?? '');
    this.originalEventsMax = original.eventsMax;
    this.defaults.learn(original.schedule);
    const built = original.definition.build({ bug: original.bug, nodes: original.nodes });
    const plan = built?.faults;
    this.safety = property === 'protocol-error' || built?.properties.find((p) => p.name === property)?.safety === true;
    this.scripted = plan?.scripted ?? [];
    this.healAtTicks = plan?.healAtTicks;
  }

  /** The parameters that replay the best run. */
  get params(): CandidateParams {
    return paramsOf(this.best);
  }

  /** True when the budget is spent. */
  exhausted(): boolean {
    return this.budget.signal?.aborted === true || this.runs >= this.budget.runsMax || this.now() - this.startedMs >= this.budget.timeBudgetMs;
  }

  /** Why the search would stop now (`fixpoint` when the budget is not spent). */
  stopReason(): ShrinkStopReason {
    if (this.budget.signal?.aborted === true) return 'interrupted';
    if (this.runs >= this.budget.runsMax) return 'runs-limit';
    return this.now() - this.startedMs >= this.budget.timeBudgetMs ? 'time-budget' : 'fixpoint';
  }

  elapsedMs(): number {
    return this.now() - this.startedMs;
  }

  /** Size of a run (scripted faults that happened included). */
  measure(report: RunReport): Measure {
    return measureOf(report, this.defaults, this.scriptedFaults(report));
  }

  /** Scripted faults that happened: due before the run ended and before the heal point. */
  scriptedFaults(report: RunReport): number {
    return this.scriptedHappened(report).length;
  }

  /** Indices of the scripted faults that happened in a run of the shrunk scenario's plan. */
  scriptedHappened(report: RunReport): number[] {
    const skipped = new Set(report.scriptedFaultsSkipped ?? []);
    const heal = this.healAtTicks;
    const out: number[] = [];
    this.scripted.forEach((f, i) => {
      if (!skipped.has(i) && f.atTicks <= report.endTicks && (heal === undefined || f.atTicks < heal)) out.push(i);
    });
    return out;
  }

  /** True when `report` still fails the property the way the original did. */
  fails(report: RunReport): boolean {
    const message = violationMessage(report, this.property);
    if (message === undefined) return false;
    // Unless the property is a safety property, a run cut short by a lowered events limit must fail alike (up to
    // numbers) to the last kept run that was not: a liveness property that does not excuse cut runs would otherwise
    // "fail" for the cut alone.
    return this.safety || !this.isCut(report) || signature(message) === this.referenceSignature;
  }

  private isCut(report: RunReport): boolean {
    return report.endReason === 'events-limit' && report.eventsMax < this.originalEventsMax;
  }

  /** Runs a candidate without keeping it: its report when it fails the property, else undefined. */
  probe(candidate: CandidateParams): RunReport | undefined {
    if (this.exhausted()) return undefined;
    const run = runCandidate(candidate);
    this.runs++;
    if (!run.ok) return undefined;
    this.defaults.learn(run.value.schedule);
    return this.fails(run.value) ? run.value : undefined;
  }

  /**
   * The least events limit at which a failing candidate still fails: the end of the violating cut when the violation
   * names one and the candidate fails there, else a binary search.
   */
  leastFailingEventsMax(candidate: CandidateParams, failing: RunReport): number {
    const cut = failing.violations.find((v) => v.property === this.property)?.witness?.cut;
    if (cut !== undefined) {
      const hint = cutEnd(failing, cut);
      if (hint < failing.events && this.probe({ ...candidate, eventsMax: hint }) !== undefined) return hint;
    }
    let lo = 1;
    let hi = failing.events;
    while (lo < hi && !this.exhausted()) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (this.probe({ ...candidate, eventsMax: mid }) !== undefined) hi = mid;
      else lo = mid + 1;
    }
    return hi;
  }

  /**
   * Runs a candidate (re-aligning its schedule when it fell out of step) and keeps it when it fails the property and
   * is smaller than the best run (with `fewerEvents`, only when it has fewer events). Answers whether it was kept.
   */
  attempt(pass: string, candidate: CandidateParams, fewerEvents = false): boolean {
    this.lastFailing = undefined;
    if (this.exhausted()) return false;
    let params = candidate;
    let tightened = false;
    for (let repairs = 0; ; repairs++) {
      const run = runCandidate(params);
      this.runs++;
      if (!run.ok) return false;
      const report = run.value;
      this.defaults.learn(report.schedule);
      const failing = this.fails(report);
      const smaller = fewerEvents ? report.events < this.best.events : compareMeasures(this.measure(report), this.measure(this.best)) < 0;
      if (failing && smaller) {
        this.best = report;
        if (!this.isCut(report)) this.referenceSignature = signature(violationMessage(report, this.property)!);
        const m = this.measure(report);
        this.steps.push({ pass, events: m.events, faults: m.faults, choices: m.choices });
        return true;
      }
      if (failing) this.lastFailing = report;
      if (failing && !tightened && report.endReason === 'events-limit') {
        // It may fail earlier than its limit: the events after the violation are not part of it.
        tightened = true;
        const least = this.leastFailingEventsMax(params, report);
        if (least < report.events) {
          params = { ...params, eventsMax: least };
          continue;
        }
      }
      if (params.schedule === undefined || params.bySite !== undefined || repairs >= this.budget.repairsMax || this.exhausted()) {
        return false;
      }
      const realigned = realign(params.schedule, report.schedule);
      if (realigned === undefined) return false;
      params = { ...params, schedule: realigned };
    }
  }
}

/** The number of leading events of a run that hold every event of `cut` (events per host). */
function cutEnd(report: RunReport, cut: Int32Array): number {
  let end = 0;
  for (const e of report.execution.events) if (e.index <= (cut[e.host] ?? 0)) end = Math.max(end, e.id + 1);
  return end;
}

/**
 * The candidate schedule with its first misstep fixed: where the run asked for a kind other than the entry's, either
 * skip the entries up to a nearby one of the asked kind (the decisions they were for no longer happen) or insert the
 * asked choice at its default (a decision that did not happen before). Undefined when the schedule was in step.
 */
export function realign(candidate: readonly Choice[], recorded: readonly Choice[]): Choice[] | undefined {
  const n = Math.min(candidate.length, recorded.length);
  for (let i = 0; i < n; i++) {
    const c = candidate[i]!;
    const asked = recorded[i]!;
    if (isDefaultMark(c) || c.kind === asked.kind) continue;
    for (let d = 1; d <= 3 && i + d < candidate.length; d++) {
      if (candidate[i + d]!.kind === asked.kind) return [...candidate.slice(0, i), ...candidate.slice(i + d)];
    }
    return [...candidate.slice(0, i), asked, ...candidate.slice(i)];
  }
  return undefined;
}
