/**
 * Partial-order sampling (Yuan, Yang, Gu, CAV'18) for a timed message-passing world. POS gives every event a random
 * priority and runs the enabled event of highest priority, which spreads runs over partial orders far more evenly
 * than a random walk over interleavings. Here the events that race are the messages in flight to one receiver: each
 * message gets a random priority when it is sent, and its delay places it right after the in-flight messages to the
 * same receiver that outrank it (or first, in the least delay, when none does), within the link's delay range. So a
 * high-priority message overtakes a queue of earlier ones, which uniform delays make exponentially unlikely. Unlike
 * POS proper, a priority is not re-drawn after a racing delivery (an arrival, once drawn, is fixed). Drops,
 * duplicates, faults and a protocol's own choices are drawn from the seed as in `random`.
 */
import type { ChoiceDecider } from '../../sim/decider.js';
import { mixSeed, Random } from '../../sim/random.js';

export class PosDecider implements ChoiceDecider {
  private readonly random: Random;
  /** Per receiver: in-flight messages as (arrival tick, priority) pairs, flat. */
  private readonly inFlight: number[][];
  private to = -1;
  private nowTicks = 0;

  constructor(n: number, seed: number) {
    this.random = new Random(mixSeed(seed, 'pos'));
    this.inFlight = Array.from({ length: n }, () => []);
  }

  onEvent(_node: number, nowTicks: number): void {
    this.nowTicks = nowTicks;
  }

  onSend(_from: number, to: number, nowTicks: number): void {
    this.to = to;
    this.nowTicks = nowTicks;
  }

  intRange(kind: string, min: number, max: number): number | undefined {
    if (kind !== 'delay' || this.to < 0) return undefined;
    const now = this.nowTicks;
    const queue = this.inFlight[this.to]!;
    let kept = 0;
    for (let i = 0; i < queue.length; i += 2) {
      if (queue[i]! < now) continue; // delivered already
      queue[kept++] = queue[i]!;
      queue[kept++] = queue[i + 1]!;
    }
    queue.length = kept;
    const priority = this.random.intBelow(1 << 30);
    let after = now + min;
    for (let i = 0; i < queue.length; i += 2) {
      if (queue[i + 1]! > priority && queue[i]! > after) after = queue[i]!;
    }
    const arrival = Math.min(now + max, after);
    queue.push(arrival, priority);
    return arrival - now;
  }

  chance(): boolean | undefined {
    return undefined;
  }
}
