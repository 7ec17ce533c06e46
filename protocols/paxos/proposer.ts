/** The proposer's choices in single-decree Paxos, as pure functions (the handlers are in paxos.ts). */
import type { PaxosBug, PromiseRecord } from './types.js';

/**
 * The value to send with Accept once a majority has promised: the value of the highest accepted ballot among the
 * promises, or `own` when none reports one. Under `adopt-first-promise`: the value of the first promise (in arrival
 * order) that reports any accepted value.
 */
export function valueToPropose(promises: readonly PromiseRecord[], own: string, bug: PaxosBug | undefined): string {
  let best: PromiseRecord | undefined;
  for (const p of promises) {
    if (p.accBallot === 0) continue;
    if (bug === 'adopt-first-promise') return p.accValue;
    if (best === undefined || p.accBallot > best.accBallot) best = p;
  }
  return best?.accValue ?? own;
}

/** The next round: above the last one used and above every ballot the proposer saw (`ballot = round * n + self`). */
export function nextRound(round: number, ballotSeenMax: number, nodeCount: number): number {
  return Math.max(round + 1, Math.floor(ballotSeenMax / nodeCount) + 1);
}
