/**
 * Shrink passes that edit a run by site (sim/chooser.ts, sim/sites.ts) instead of by position: every decision stays
 * attached to the event or message it decided, so turning one off, losing a message or lengthening a timeout leaves
 * the other decisions where they were. A decision whose site is new in the edited run takes a fallback (the kind's
 * default unless the pass says otherwise). The kept run is recorded positionally as always and replays exactly.
 */
import type { Choice } from '../sim/outcome.js';
import type { RunReport } from '../sim/run.js';
import { ddminChunks } from './ddmin.js';
import type { ShrinkPass } from './passes.js';
import type { ShrinkSearch } from './search.js';

/** Leading sites of a protocol choice kind that may keep their value when the others go to the extreme. */
export const SITES_KEPT_WINDOW = 6;
/** Larger than any protocol choice's range: clamped to the range's top (sim/chooser.ts). */
const TOP = Number.MAX_SAFE_INTEGER;

/** The best run's decisions by site, in schedule order (undefined when the run has no site keys). */
function decisions(search: ShrinkSearch): Map<string, Choice> | undefined {
  const keys = search.best.siteKeys;
  if (keys === undefined) return undefined;
  const out = new Map<string, Choice>();
  search.best.schedule.forEach((c, i) => out.set(keys[i]!, c));
  return out;
}

function attemptBySite(
  search: ShrinkSearch,
  pass: string,
  keyed: ReadonlyMap<string, number>,
  fallbackByKind?: ReadonlyMap<string, number>,
): boolean {
  const bySite = fallbackByKind === undefined ? { keyed } : { keyed, fallbackByKind };
  return search.attempt(pass, { ...search.params, schedule: undefined, bySite });
}

/** A run's decisions as values by site (undefined when the run has no site keys). */
export function siteValues(report: RunReport): Map<string, number> | undefined {
  const keys = report.siteKeys;
  if (keys === undefined) return undefined;
  return new Map(report.schedule.map((c, i) => [keys[i]!, c.value]));
}

function values(d: ReadonlyMap<string, Choice>, edit: (site: string, c: Choice) => number | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const [site, c] of d) {
    const v = edit(site, c);
    if (v !== undefined) out.set(site, v);
  }
  return out;
}

/** Delta debugging over the decisions away from their default, by site: chunks of them back to the default. */
export const siteDefaults: ShrinkPass = (search) =>
  ddminChunks(
    search,
    () => {
      const d = decisions(search);
      return d === undefined ? [] : [...d].filter(([, c]) => !search.defaults.isDefault(c)).map(([site]) => site);
    },
    (chunk) => {
      const off = new Set(chunk);
      const keyed = values(decisions(search)!, (site, c) => (off.has(site) ? undefined : c.value));
      return attemptBySite(search, `${chunk.length} decisions default by site`, keyed);
    },
  );

/**
 * Delta debugging that moves decisions of one kind to a value, by site: chunks of them at once, and every decision
 * of that kind the edited run makes anew takes the value too.
 */
function ddminTowards(search: ShrinkSearch, kind: string, value: number, pass: string): boolean {
  return ddminChunks(
    search,
    () => {
      const d = decisions(search);
      return d === undefined ? [] : [...d].filter(([, c]) => c.kind === kind && c.value < value).map(([site]) => site);
    },
    (chunk) => {
      const moved = new Set(chunk);
      const keyed = values(decisions(search)!, (site, c) => (moved.has(site) ? value : c.value));
      return attemptBySite(search, `${chunk.length} ${pass}`, keyed, new Map([[kind, value]]));
    },
  );
}

/**
 * Loses delivered messages (delta debugging by site). A lost message takes its receipt and everything that followed
 * from it out of the run.
 */
export const siteDrops: ShrinkPass = (search) => ddminTowards(search, 'drop', 1, 'messages lost');

/**
 * Slows messages down to the largest delay (delta debugging by site): a message that arrives after the violation
 * takes its receipt out of the run.
 */
export const siteDelaysTop: ShrinkPass = (search) => ddminTowards(search, 'delay', TOP, 'messages slowest');

/**
 * For each protocol choice kind (`choose:*`) and for message delays: every decision of it at the top of its range,
 * anew ones too, except none, one or two of its first sites, which keep their value. Long election timeouts
 * everywhere but at one or two nodes mean fewer elections; slow messages everywhere but on the path to the violation
 * mean fewer events before it (a liveness failure that runs to the time limit has fewer events in that time).
 */
export const siteChoicesTop: ShrinkPass = (search) => {
  let kept = false;
  const kinds = [...new Set(search.best.schedule.filter((c) => c.kind.startsWith('choose:') || c.kind === 'delay').map((c) => c.kind))];
  kinds.sort();
  for (const kind of kinds) {
    const sites = [...(decisions(search) ?? [])].filter(([, c]) => c.kind === kind).map(([site]) => site);
    const window = sites.slice(0, SITES_KEPT_WINDOW);
    const keeps: string[][] = [[], ...window.map((a) => [a])];
    window.forEach((a, i) => window.slice(i + 1).forEach((b) => keeps.push([a, b])));
    for (const keep of keeps) {
      if (search.exhausted()) return kept;
      const d = decisions(search)!;
      if (keep.some((site) => !d.has(site))) continue;
      const keyed = values(d, (site, c) => (c.kind === kind && !keep.includes(site) ? TOP : c.value));
      kept = attemptBySite(search, `${kind} at the top but ${keep.length}`, keyed, new Map([[kind, TOP]])) || kept;
    }
  }
  return kept;
};

/** Random fault kinds whose firing is followed by a node pick at the same step. */
const NODE_PICKED = ['fault:crash', 'fault:pause', 'fault:restart', 'fault:resume'];

/**
 * Each random fault that fired moved to another fault step, with the same node pick: a pause that starts a step
 * earlier or a resume that comes a step later can let the violation happen with fewer events in between.
 */
export const faultsShifted: ShrinkPass = (search) => {
  let kept = false;
  const fired = (): [string, string][] => {
    const d = decisions(search);
    if (d === undefined) return [];
    return [...d]
      .filter(([key, c]) => NODE_PICKED.includes(c.kind) && c.value === 1 && key.startsWith('f@'))
      .map(([key, c]) => [key.slice(0, key.indexOf('|')), c.kind]);
  };
  const steps = (): string[] => [...new Set([...(decisions(search) ?? new Map()).keys()].filter((k) => k.startsWith('f@')).map((k) => k.slice(0, k.indexOf('|'))))];
  for (let f = fired().length - 1; f >= 0 && !search.exhausted(); f--) {
    const fault = fired()[f];
    if (fault === undefined) continue;
    const [from, kind] = fault;
    for (const to of steps()) {
      if (to === from || search.exhausted()) continue;
      const d = decisions(search)!;
      const pick = d.get(`${from}|${kind}-node#0`);
      const keyed = values(d, (_, c) => c.value);
      keyed.set(`${from}|${kind}#0`, 0);
      keyed.set(`${to}|${kind}#0`, 1);
      if (pick !== undefined) keyed.set(`${to}|${kind}-node#0`, pick.value);
      if (attemptBySite(search, `${kind} at another step`, keyed)) {
        kept = true;
        break;
      }
    }
  }
  return kept;
};
