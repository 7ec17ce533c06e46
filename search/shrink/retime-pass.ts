/**
 * The retiming shrink pass: a crash and its restart taken out, with the restarted node's timing kept. A restart
 * draws a node's protocol choices anew (its election timeout, say); without it, the node keeps what it drew before.
 * A protocol choice used as a delay from the moment it is drawn keeps its effect when that earlier draw grows by the
 * time between the two draws: the node then acts at the same tick as it did after the restart, and the run has two
 * events fewer. (A choice that is not a delay just makes a candidate that fails or is not smaller.)
 */
import { decisionsOf, valuesByKey, type Decision } from './decisions.js';
import type { ShrinkPass } from './passes.js';

/** The node a handler site belongs to: its start, restart, timer, or the receipt of a message to it. */
const NODE_OF_SITE: readonly RegExp[] = [/^s(\d+)$/, /^r(\d+)#\d+$/, /^t(\d+):/, /^m\d+>(\d+):.*@#\d+$/];

function nodeOf(site: string): number | undefined {
  for (const re of NODE_OF_SITE) {
    const m = re.exec(site);
    if (m !== null) return Number(m[1]);
  }
  return undefined;
}

/** The last decision before position `end` that `test` accepts. */
function lastBefore(all: readonly Decision[], end: number, test: (d: Decision) => boolean): Decision | undefined {
  for (let i = end - 1; i >= 0; i--) if (test(all[i]!)) return all[i];
  return undefined;
}

/** The candidate without the crash behind restart site `restart`, or undefined when there is none to take out. */
function withoutCrash(all: readonly Decision[], restart: string): Map<string, number> | undefined {
  const node = nodeOf(restart)!;
  const first = all.findIndex((d) => d.site === restart);
  const restartTicks = all[first]!.ticks;
  const crash = lastBefore(all, first, (d) => d.kind === 'fault:crash' && d.value === 1 && d.ticks <= restartTicks);
  if (crash === undefined) return undefined;
  const keyed = valuesByKey(all);
  keyed.set(crash.key, 0);
  for (const drawn of all.filter((d) => d.site === restart && d.kind.startsWith('choose:'))) {
    const before = lastBefore(all, first, (d) => d.kind === drawn.kind && d.ticks <= crash.ticks && nodeOf(d.site) === node);
    if (before !== undefined) keyed.set(before.key, drawn.value + drawn.ticks - before.ticks);
  }
  return keyed;
}

/** For each restart of the best run, from the last: its crash and the restart taken out, the node's timing kept. */
export const retimedRestarts: ShrinkPass = (search) => {
  let kept = false;
  const restarts = () => [...new Set(decisionsOf(search.best).map((d) => d.site).filter((site) => /^r\d+#\d+$/.test(site)))];
  for (let k = restarts().length - 1; k >= 0 && !search.exhausted(); k--) {
    const restart = restarts()[k];
    if (restart === undefined) continue;
    const keyed = withoutCrash(decisionsOf(search.best), restart);
    if (keyed === undefined) continue;
    kept = search.attempt('crash and restart out, timing kept', { ...search.params, schedule: undefined, bySite: { keyed } }) || kept;
  }
  return kept;
};
