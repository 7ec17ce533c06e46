/**
 * What the HTML report takes: an execution (simulated or read from a real system's log), the results of the
 * properties checked on it, and how to reproduce it.
 */
import type { Execution } from '../execution/types.js';
import type { Witness } from '../properties/result-types.js';
import type { FaultsTable } from './faults-table.js';

/** A property's verdict: the checker's `holds | fails | unknown`, or a run's `ok | violated`. */
export type ReportVerdict = 'holds' | 'fails' | 'unknown' | 'ok' | 'violated';

/** One checked property or run check, as the report lists it. */
export interface ReportResult {
  /** The property's name or the predicate's text. */
  readonly name: string;
  readonly verdict: ReportVerdict;
  /** The explanation in words: the counterexample, the algorithm, what stopped the search. */
  readonly message?: string;
  /** The violating or witness cut (and path to it), drawn across the diagram when the result is selected. */
  readonly witness?: Witness;
}

/** Everything `renderHtmlReport` renders. */
export interface ReportInput {
  /** Page title and heading. */
  readonly title: string;
  readonly execution: Execution;
  readonly results: readonly ReportResult[];
  readonly seed?: number | string;
  /** The shell command that reproduces the run, shown verbatim. */
  readonly replayCommand?: string;
  readonly traceHash?: string;
  readonly scenario?: string;
  readonly bug?: string;
  /** The faults the run fired, by kind and by node (a simulated run's; absent: the section is left out). */
  readonly faultsFired?: FaultsTable;
  /** Collapse runs of local events at first (default: when the execution has `COLLAPSE_EVENTS_MIN` events or more). */
  readonly collapseRuns?: boolean;
  /** Local events in a row it takes to form a collapsible run (default `RUN_EVENTS_MIN`). */
  readonly runEventsMin?: number;
  /** Events drawn at most; a longer execution is cut to its first `eventsMax` events (default `EVENTS_MAX_DEFAULT`). */
  readonly eventsMax?: number;
  /** Hosts that are a workload's clients (drawn as client lanes, labelled `(client)`); default none. */
  readonly clientHosts?: readonly number[];
}

/** Executions with this many events or more start with their local runs collapsed. */
export const COLLAPSE_EVENTS_MIN = 400;
/** A run of local events is collapsible from this length on. */
export const RUN_EVENTS_MIN = 3;
/** Events drawn at most by default (a prefix of the linearization, hence a consistent cut). */
export const EVENTS_MAX_DEFAULT = 50_000;

/** The verdict as the checker's three-valued answer (anything unrecognised, e.g. from untyped callers: `unknown`). */
export function normalizeVerdict(verdict: ReportVerdict): 'holds' | 'fails' | 'unknown' {
  if (verdict === 'ok' || verdict === 'holds') return 'holds';
  if (verdict === 'violated' || verdict === 'fails') return 'fails';
  return 'unknown';
}
