/**
 * Runs of local events: consecutive events of one host that neither send nor receive (internal or timer events
 * with no arrow at either end). The diagram draws a collapsed run as one marker with its count.
 */
import type { ExecEvent, Execution } from '../execution/types.js';
import type { Links } from './arrows.js';

/** A run: `count` consecutive events of `host`, the first being event `firstId`. */
export interface LocalRun {
  readonly host: number;
  readonly firstId: number;
  readonly lastId: number;
  readonly count: number;
}

/** Whether an event is local by itself: an internal or timer event that records no message. */
function isLocalKind(e: ExecEvent): boolean {
  if (e.kind !== 'internal' && e.kind !== 'timer') return false;
  return (e.sent === undefined || e.sent.length === 0) && e.received === undefined;
}

/**
 * The maximal runs of at least `eventsMin` collapsible events, host by host. An event is collapsible when it is
 * local, no arrow starts or ends at it, and it is not in `keep` (events that must stay visible, e.g. a cut's
 * frontier). Only events with id below `shownCount` are considered.
 */
export function findLocalRuns(
  exec: Execution,
  links: Links,
  eventsMin: number,
  keep: ReadonlySet<number>,
  shownCount = exec.events.length,
): LocalRun[] {
  const anchored = new Set<number>(keep);
  for (const a of links.arrows) {
    anchored.add(a.from);
    anchored.add(a.to);
  }
  for (const l of links.lost) anchored.add(l.from);
  const runs: LocalRun[] = [];
  exec.byHost.forEach((ids, host) => {
    let start = 0;
    const close = (end: number): void => {
      if (end - start >= eventsMin) {
        runs.push({ host, firstId: ids[start]!, lastId: ids[end - 1]!, count: end - start });
      }
    };
    let k = 0;
    for (; k < ids.length && ids[k]! < shownCount; k++) {
      const id = ids[k]!;
      if (isLocalKind(exec.events[id]!) && !anchored.has(id)) continue;
      close(k);
      start = k + 1;
    }
    close(k);
  });
  return runs.sort((a, b) => a.firstId - b.firstId);
}
