/**
 * Counterexamples in words: where each host stands in a cut, the path of events that reaches it, and a state as
 * `key=value` pairs. Used by the property builders and the vitest matchers so both speak the same way.
 */
import type { Execution, State } from '../execution/types.js';

/** Events of a path shown at most; the earlier ones are summarised by their count. */
export const PATH_EVENTS_SHOWN_MAX = 12;

/** `decision=commit vote=yes` (keys sorted); `(nothing set)` for an empty state. */
export function describeState(state: State): string {
  const keys = Object.keys(state).sort();
  if (keys.length === 0) return '(nothing set)';
  return keys.map((k) => `${k}=${String(state[k])}`).join(' ');
}

/** `event 3 (id 17, tick 12) "commit from p0"`: an event by its place on its host, id, time and label. */
export function describeEvent(exec: Execution, eventId: number): string {
  const e = exec.events[eventId]!;
  const tick = e.timeTicks === undefined ? '' : `, tick ${e.timeTicks}`;
  return `event ${e.index} (id ${e.id}${tick}) "${e.label}"`;
}

/**
 * One line per host: how far the cut reaches into it and its state there.
 * `p1 after event 4 (id 9, tick 7) "prepare from p0": decision=none vote=yes`, or `p3 before its first event`.
 */
export function describeCut(exec: Execution, cut: Int32Array): string[] {
  return exec.hosts.map((host, h) => {
    const k = cut[h]!;
    if (k === 0) return `${host} before its first event`;
    const event = describeEvent(exec, exec.byHost[h]![k - 1]!);
    return `${host} after ${event}: ${describeState(exec.hostStates[h]![k]!)}`;
  });
}

/** `[2, 4, 0]`: a cut as events per host. */
export function formatCut(cut: Int32Array): string {
  return `[${Array.from(cut).join(', ')}]`;
}

/** A path of events as `p0 "start" → p1 "prepare from p0" → ...`, the last `PATH_EVENTS_SHOWN_MAX` only. */
export function describePath(exec: Execution, path: readonly number[]): string {
  const shown = path.slice(-PATH_EVENTS_SHOWN_MAX);
  const steps = shown.map((id) => {
    const e = exec.events[id]!;
    return `${exec.hosts[e.host]} "${e.label}"`;
  });
  const skipped = path.length - shown.length;
  return (skipped > 0 ? [`… ${skipped} earlier event${skipped === 1 ? '' : 's'}`, ...steps] : steps).join(' → ');
}

export { statesAt } from '../execution/states-at.js';
