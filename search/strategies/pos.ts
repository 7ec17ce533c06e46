/**
 * Partial-order sampling (Yuan, Yang, Gu, CAV'18) for a timed message-passing world. POS gives every event a random
 * priority and runs the enabled event of highest priority, which spreads runs over partial orders far more evenly
 * than a random walk over interleavings. Here the events are message deliveries, and what orders them is their
 * arrival time, fixed when a message is sent. Each message gets a random priority; its delay is the priority read
 * as a point of the link's delay range (a high priority arrives soon, a low one late), and never earlier than the
 * last in-flight message that outranks it, so deliveries follow the priorities wherever the delay ranges let them.
 * Unlike POS proper, a priority is not re-drawn after a racing delivery: an arrival, once drawn, is fixed. Drops,
 * duplicates, faults and a protocol's own choices are drawn from the seed as in `random`.
 */
import type { ChoiceDecider } from '../../sim/decider.js';
import { mixSeed, Random } from '../../sim/random.js';

/** Priorities are integers below this. */
const PRIORITY_RANGE = 1 << 30;

export class PosDecider implements ChoiceDecider {
  private readonly random: Random;
  /** In-flight messages as (arrival tick, priority) pairs, flat. */
  private readonly inFlight: number[] = [];
  private nowTicks = 0;

  constructor(seed: number) {
    this.random = new Random(mixSeed(seed, 'pos'));
  }

  onEvent(_node: number, nowTicks: number): void {
    this.nowTicks = nowTicks;
  }

  onSend(_from: number, _to: number, nowTicks: number): void {
    this.nowTicks = nowTicks;
  }

  intRange(kind: string, min: number, max: number): number | undefined {
    if (kind !== 'delay') return undefined; // delays are drawn only for a message just sent (onSend came first)
    const now = this.nowTicks;
    const queue = this.inFlight;
    let kept = 0;
    for (let i = 0; i < queue.length; i += 2) {
      if (queue[i]! < now) continue; // delivered already
      queue[kept++] = queue[i]!;
      queue[kept++] = queue[i + 1]!;
    }
    queue.length = kept;
    const priority = this.random.intBelow(PRIORITY_RANGE);
    let arrival = now + min + Math.floor(((PRIORITY_RANGE - 1 - priority) * (max - min + 1)) / PRIORITY_RANGE);
    for (let i = 0; i < queue.length; i += 2) {
      if (queue[i + 1]! > priority && queue[i]! > arrival) arrival = queue[i]!;
    }
    arrival = Math.min(now + max, arrival);
    queue.push(arrival, priority);
    return arrival - now;
  }

  chance(): boolean | undefined {
    return undefined;
  }
}
