/**
 * A run's decisions by site (sim/sites.ts): what the site passes read and edit. Built once per run and kept with
 * it, since every pass reads the best run's decisions many times.
 */
import type { RunReport } from '../../sim/run.js';

/** One decision of a run. */
export interface Decision {
  /** The site key: `<site>|<kind>#<rank>`. */
  readonly key: string;
  /** The event, message or fault step it belongs to. */
  readonly site: string;
  readonly kind: string;
  readonly value: number;
  /** The tick it was made at. */
  readonly ticks: number;
}

const BUILT = new WeakMap<RunReport, readonly Decision[]>();

/** A run's decisions in schedule order (none when the run was made without site names). */
export function decisionsOf(report: RunReport): readonly Decision[] {
  let out = BUILT.get(report);
  if (out === undefined) {
    const { schedule, siteKeys, siteTicks } = report;
    out =
      siteKeys === undefined || siteTicks === undefined
        ? []
        : schedule.map((c, i) => {
            const key = siteKeys[i]!;
            return { key, site: key.slice(0, key.lastIndexOf('|')), kind: c.kind, value: c.value, ticks: siteTicks[i]! };
          });
    BUILT.set(report, out);
  }
  return out;
}

/** Values by site key, each decision's own or `edit`'s (undefined: left out, so it takes its fallback). */
export function valuesByKey(
  decisions: readonly Decision[],
  edit: (d: Decision) => number | undefined = (d) => d.value,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of decisions) {
    const v = edit(d);
    if (v !== undefined) out.set(d.key, v);
  }
  return out;
}
