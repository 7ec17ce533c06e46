/**
 * The page model: everything the in-page script draws, as compact JSON (arrays rather than objects per event).
 */
import type { Execution, State } from '../execution/types.js';
import { computeLinks } from './arrows.js';
import { hostLabels } from './host-labels.js';
import { findLocalRuns } from './runs.js';
import { COLLAPSE_EVENTS_MIN, EVENTS_MAX_DEFAULT, normalizeVerdict, RUN_EVENTS_MIN, type ReportInput } from './types.js';

/** A result as the page sees it: cut and path already fitted to the events shown. */
export interface PageResult {
  readonly name: string;
  readonly verdict: 'holds' | 'fails' | 'unknown';
  readonly message: string;
  readonly cut: number[] | null;
  readonly path: number[] | null;
}

/** The JSON embedded in the page. Event tuples: [host, kind, label, timeTicks | null, fields]. */
export interface PageData {
  readonly hosts: readonly string[];
  /** The hosts' names as the left column shows them (report/host-labels.ts); the full names are on hover. */
  readonly labels: readonly string[];
  /** Events shown (a prefix of the linearization) and events in the execution. */
  readonly shown: number;
  readonly total: number;
  readonly events: [number, string, string, number | null, State][];
  /** Vector clocks of the shown events, row-major. */
  readonly clocks: number[];
  /** [from, to, summary]. */
  readonly arrows: [number, number, string][];
  /** [from, toHost, fate, reason, summary]. */
  readonly lost: [number, number, string, string, string][];
  readonly derived: boolean;
  /** [host, firstId, lastId, count]. */
  readonly runs: [number, number, number, number][];
  readonly results: PageResult[];
  /** Index of the result whose cut is drawn first, or -1. */
  readonly selected: number;
  readonly collapse: boolean;
  readonly hasTime: boolean;
  /** Hosts that are workload clients. */
  readonly clients: number[];
}

/** Characters of a host's label in the left column. */
const HOST_LABEL_CHARS = 30;

/** Builds the page model; throws (a caller's bug) when a witness cut does not have one entry per host. */
export function buildPageData(input: ReportInput): PageData {
  const exec: Execution = input.execution;
  const hostCount = exec.hosts.length;
  const eventsMax = input.eventsMax ?? EVENTS_MAX_DEFAULT;
  const shown = Math.min(exec.events.length, eventsMax);
  const shownOfHost = exec.byHost.map((ids) => ids.filter((id) => id < shown).length);
  const keep = new Set<number>();
  const results: PageResult[] = input.results.map((r) => {
    let cut: number[] | null = null;
    if (r.witness !== undefined) {
      if (r.witness.cut.length !== hostCount) {
        throw new RangeError(`result "${r.name}": witness cut has ${r.witness.cut.length} entries, expected ${hostCount}`);
      }
      cut = Array.from(r.witness.cut, (v, h) => Math.max(0, Math.min(v, shownOfHost[h]!)));
      cut.forEach((v, h) => v > 0 && keep.add(exec.byHost[h]![v - 1]!));
    }
    const path = r.witness?.path === undefined ? null : r.witness.path.filter((id) => id >= 0 && id < shown);
    return { name: r.name, verdict: normalizeVerdict(r.verdict), message: r.message ?? '', cut, path };
  });
  const links = computeLinks(exec);
  const sources = new Set(links.arrows.map((a) => a.from));
  const runs = findLocalRuns(exec, links, input.runEventsMin ?? RUN_EVENTS_MIN, keep, shown);
  const events = exec.events.slice(0, shown);
  const withCut = results.findIndex((r) => r.cut !== null && r.verdict === 'fails');
  return {
    hosts: exec.hosts,
    labels: hostLabels(exec.hosts, HOST_LABEL_CHARS),
    shown,
    total: exec.events.length,
    // A real system's log records no sends: an event a clock-derived arrow leaves from is drawn as the send it was.
    events: events.map((e) => [e.host, links.derived && e.kind === 'internal' && sources.has(e.id) ? 'send' : e.kind, e.label, e.timeTicks ?? null, e.fields]),
    clocks: Array.from(exec.clocks.subarray(0, shown * hostCount)),
    arrows: links.arrows.filter((a) => a.from < shown && a.to < shown).map((a) => [a.from, a.to, a.summary]),
    lost: links.lost.filter((l) => l.from < shown).map((l) => [l.from, l.toHost, l.fate, l.reason, l.summary]),
    derived: links.derived,
    runs: runs.map((r) => [r.host, r.firstId, r.lastId, r.count]),
    results,
    selected: withCut >= 0 ? withCut : results.findIndex((r) => r.cut !== null),
    collapse: input.collapseRuns ?? exec.events.length >= COLLAPSE_EVENTS_MIN,
    hasTime: events.length > 0 && events.every((e) => e.timeTicks !== undefined),
    clients: (input.clientHosts ?? []).filter((h) => Number.isInteger(h) && h >= 0 && h < hostCount),
  };
}
