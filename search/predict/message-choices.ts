/**
 * Which choices of a schedule decided each message's delay. The simulator draws, for every message it sends on a
 * link that is not cut, `drop` (when loss is a chance), then `delay`, then `duplicate` (when duplication is a
 * chance) and a second `delay` for a duplicate; messages are sent in id order. Taking the schedule's message choices
 * in order therefore walks the messages in order. A message has no `drop` choice where loss is not a chance (a
 * reliable link, after the heal point) and no choice at all on a cut link; the walk checks itself against the
 * messages' fates and answers undefined when they disagree.
 */
import type { Execution } from '../../execution/types.js';
import type { Choice } from '../../sim/outcome.js';

/** For each message id, the schedule positions of its delay choices (two for a duplicated message). */
export function delayChoicesByMessage(exec: Execution, schedule: readonly Choice[]): (readonly number[])[] | undefined {
  const positions: number[] = [];
  schedule.forEach((c, i) => {
    if (c.kind === 'drop' || c.kind === 'delay' || c.kind === 'duplicate') positions.push(i);
  });
  let at = 0;
  const peek = (): Choice | undefined => (at < positions.length ? schedule[positions[at]!] : undefined);
  const out: number[][] = [];
  for (const m of exec.messages) {
    const delays: number[] = [];
    out.push(delays);
    if (m.fate === 'dropped' && m.dropReason === 'partition') continue;
    if (peek() === undefined) continue; // a run cut short: later messages were never sent
    const lost = m.fate === 'dropped' && m.dropReason === 'loss';
    if (peek()!.kind === 'drop') {
      if ((peek()!.value === 1) !== lost) return undefined;
      at++;
      if (lost) continue;
    } else if (lost) {
      return undefined;
    }
    if (peek()?.kind !== 'delay') return undefined;
    delays.push(positions[at++]!);
    if (peek()?.kind === 'duplicate') {
      const duplicated = peek()!.value === 1;
      at++;
      if (duplicated) {
        if (peek()?.kind !== 'delay') return undefined;
        delays.push(positions[at++]!);
      }
    }
  }
  return at === positions.length ? out : undefined;
}
