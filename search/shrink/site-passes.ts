/**
 * Shrink passes that edit a run by site (sim/chooser.ts, sim/sites.ts) instead of by position: every decision stays
 * attached to the event or message it decided, so turning one off, losing a message or lengthening a timeout leaves
 * the other decisions where they were. A decision whose site is new in the edited run takes a fallback (the kind's
 * default unless the pass says otherwise). The kept run is recorded positionally as always and replays exactly.
 */
import { ddminChunks } from './ddmin.js';
import { decisionsOf, valuesByKey } from './decisions.js';
import type { ShrinkPass } from './passes.js';
import type { ShrinkSearch } from './search.js';

/** Leading sites of a protocol choice kind that may keep their value when the others go to the extreme. */
export const SITES_KEPT_WINDOW = 6;
/** Larger than any protocol choice's range: clamped to the range's top (sim/chooser.ts). */
const TOP = Number.MAX_SAFE_INTEGER;

function attemptBySite(
  search: ShrinkSearch,
  pass: string,
  keyed: ReadonlyMap<string, number>,
  fallbackByKind?: ReadonlyMap<string, number>,
): boolean {
  const bySite = fallbackByKind === undefined ? { keyed } : { keyed, fallbackByKind };
  return search.attempt(pass, { ...search.params, schedule: undefined, bySite });
}

/** Delta debugging over the decisions away from their default, by site: chunks of them back to the default. */
export const siteDefaults: ShrinkPass = (search) =>
  ddminChunks(
    search,
    () => decisionsOf(search.best).filter((d) => !search.defaults.isDefault(d)).map((d) => d.key),
    (chunk) => {
      const off = new Set(chunk);
      const keyed = valuesByKey(decisionsOf(search.best), (d) => (off.has(d.key) ? undefined : d.value));
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
    () => decisionsOf(search.best).filter((d) => d.kind === kind && d.value < value).map((d) => d.key),
    (chunk) => {
      const moved = new Set(chunk);
      const keyed = valuesByKey(decisionsOf(search.best), (d) => (moved.has(d.key) ? value : d.value));
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
  const kinds = [...new Set(decisionsOf(search.best).map((d) => d.kind))].filter((k) => k.startsWith('choose:') || k === 'delay').sort();
  for (const kind of kinds) {
    const window = decisionsOf(search.best).filter((d) => d.kind === kind).slice(0, SITES_KEPT_WINDOW).map((d) => d.key);
    const keeps: string[][] = [[], ...window.map((a) => [a])];
    window.forEach((a, i) => window.slice(i + 1).forEach((b) => keeps.push([a, b])));
    for (const keep of keeps) {
      if (search.exhausted()) return kept;
      const all = decisionsOf(search.best);
      if (keep.some((key) => !all.some((d) => d.key === key))) continue;
      const keyed = valuesByKey(all, (d) => (d.kind === kind && !keep.includes(d.key) ? TOP : d.value));
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
  const fired = () => decisionsOf(search.best).filter((d) => NODE_PICKED.includes(d.kind) && d.value === 1 && d.site.startsWith('f@'));
  for (let f = fired().length - 1; f >= 0 && !search.exhausted(); f--) {
    const fault = fired()[f];
    if (fault === undefined) continue;
    const steps = [...new Set(decisionsOf(search.best).map((d) => d.site).filter((site) => site.startsWith('f@')))];
    for (const to of steps) {
      if (to === fault.site || search.exhausted()) continue;
      const keyed = valuesByKey(decisionsOf(search.best));
      const pick = keyed.get(`${fault.site}|${fault.kind}-node#0`);
      keyed.set(fault.key, 0);
      keyed.set(`${to}|${fault.kind}#0`, 1);
      if (pick !== undefined) keyed.set(`${to}|${fault.kind}-node#0`, pick);
      if (attemptBySite(search, `${fault.kind} at another step`, keyed)) {
        kept = true;
        break;
      }
    }
  }
  return kept;
};
