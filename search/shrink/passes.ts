/**
 * The shrink passes. Each tries a family of smaller candidates through `ShrinkSearch.attempt` and answers whether
 * it kept at least one.
 */
import type { Choice } from '../../sim/outcome.js';
import { ddminChunks } from './ddmin.js';
import { withDefaults } from './edits.js';
import { FAULT_CHOICE_KINDS } from './measure.js';
import type { ShrinkSearch } from './search.js';

/** A shrink pass. */
export type ShrinkPass = (search: ShrinkSearch) => boolean;

/** Positions of the choices of the best run that are not at their default. */
export function nonDefaultPositions(search: ShrinkSearch, keep: (c: Choice) => boolean = () => true): number[] {
  const out: number[] = [];
  search.best.schedule.forEach((c, i) => {
    if (keep(c) && !search.defaults.isDefault(c)) out.push(i);
  });
  return out;
}

function tryDefaults(search: ShrinkSearch, pass: string, positions: readonly number[]): boolean {
  if (positions.length === 0) return false;
  const schedule = withDefaults(search.best.schedule, positions, (c) => search.defaults.isDefault(c));
  return search.attempt(pass, { ...search.params, schedule });
}

/** Cuts the run right after the violation: the least events limit at which it still fails (binary search). */
export const cutEvents: ShrinkPass = (search) => {
  let lo = 1;
  let hi = search.best.events;
  let kept = false;
  while (lo < hi && !search.exhausted()) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (search.attempt('cut events', { ...search.params, eventsMax: mid })) {
      kept = true;
      hi = Math.min(mid, search.best.events);
    } else {
      lo = mid + 1;
    }
  }
  return kept;
};

/** Every choice at its default, then one kind at a time (all faults off, all drops off, all delays minimal, ...). */
export const defaultByKind: ShrinkPass = (search) => {
  let kept = tryDefaults(search, 'all choices default', nonDefaultPositions(search));
  const kinds = [...new Set(search.best.schedule.map((c) => c.kind))].sort(byKindOrder);
  for (const kind of kinds) {
    if (search.exhausted()) break;
    kept = tryDefaults(search, `all ${kind} default`, nonDefaultPositions(search, (c) => c.kind === kind)) || kept;
  }
  return kept;
};

/** Fault choices first (the biggest wins), then message choices, then protocol and swarm choices. */
function byKindOrder(a: string, b: string): number {
  const rank = (k: string) => (k.startsWith('fault:') ? 0 : FAULT_CHOICE_KINDS.has(k) ? 1 : k === 'delay' ? 2 : 3);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Delta debugging over the non-default choices: default halves, then quarters, ... then single choices; after each
 * success start again on the new run's choices at the same granularity.
 */
export const ddminDefaults: ShrinkPass = (search) =>
  ddminChunks(
    search,
    () => nonDefaultPositions(search),
    (chunk) => tryDefaults(search, `ddmin ${chunk.length}`, chunk),
  );
