/**
 * A decider makes a fresh run's choices instead of the seed's generator: how a search strategy (search/strategies/)
 * steers a run. It is told where the run is (the node of each event, the ends of each message sent) and answers each
 * choice with a value, or `undefined` to let the run's own seeded generator draw it as usual. Whatever decides a
 * choice, the chooser records it, so a steered run's schedule replays exactly without the decider.
 *
 * A decider must be a pure function of what it was built from and what it was told: it never reads the clock or
 * `Math.random`, so a strategy's run is a pure function of (scenario, seed, strategy, options).
 */
import type { Ratio } from './plan.js';
import type { NodeId } from './process.js';

export interface ChoiceDecider {
  /**
   * Before an event's handler runs at `node` (its choices, sends and timers follow); `from` is the sender of the
   * message it receives, or -1 for any other event.
   */
  onEvent?(node: NodeId, nowTicks: number, from: NodeId): void;
  /** Before the choices about one message (drop, duplicate, delays) sent by `from` to `to`. */
  onSend?(from: NodeId, to: NodeId, nowTicks: number): void;
  /** A value in `[min, max]` for a choice of `kind`, or undefined to draw it from the seed. */
  intRange(kind: string, min: number, max: number): number | undefined;
  /** The outcome of a chance of `kind` with probability `ratio`, or undefined to draw it from the seed. */
  chance(kind: string, ratio: Ratio): boolean | undefined;
}
