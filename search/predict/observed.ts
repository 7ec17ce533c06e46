/**
 * Observed or predicted: a property that quantifies over the lattice of consistent cuts (¬Possibly φ) can fail at a
 * cut the run never passed through. The run's own interleaving is its event order (`Execution.events` is in the
 * order the simulator ran them); it passes through exactly the cuts made of a prefix of that order. A violation at
 * such a cut was *observed*; at any other consistent cut it is *predicted*: another interleaving with the same
 * causality (the same happened-before) would pass through it.
 */
import type { Execution } from '../../execution/types.js';

/** True when the run's own event order passes through `cut` (a prefix of `events` has exactly these counts). */
export function passesThrough(exec: Execution, cut: ArrayLike<number>): boolean {
  let size = 0;
  for (let h = 0; h < exec.hosts.length; h++) size += cut[h]!;
  if (size > exec.events.length) return false;
  for (let id = 0; id < size; id++) {
    const e = exec.events[id]!;
    if (e.index > cut[e.host]!) return false;
  }
  return true;
}

/**
 * Events of the run that happened before the cut was complete although they are outside it: the ones a schedule
 * would have to hold back for the run to pass through the cut. Empty when the cut is observed.
 */
export function eventsAhead(exec: Execution, cut: ArrayLike<number>): number[] {
  let lastInside = -1;
  for (let h = 0; h < exec.hosts.length; h++) {
    const k = cut[h]!;
    if (k > 0) lastInside = Math.max(lastInside, exec.byHost[h]![k - 1]!);
  }
  const ahead: number[] = [];
  for (let id = 0; id < lastInside; id++) {
    const e = exec.events[id]!;
    if (e.index > cut[e.host]!) ahead.push(id);
  }
  return ahead;
}
