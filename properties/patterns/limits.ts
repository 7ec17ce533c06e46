/** Limits on a search along causal paths; reaching one makes the verdict `unknown`. */
export interface PathLimits {
  /**
   * Work units at most: one unit per predecessor link, automaton state or counted subset examined
   * (default `PATH_STEPS_MAX_DEFAULT`).
   */
  readonly stepsMax?: number;
}

export const PATH_STEPS_MAX_DEFAULT = 200_000_000;

/** `unknown` wording for a search stopped by `stepsMax`. */
export function stepsStoppedBy(stepsMax: number, eventsDone: number, eventCount: number): string {
  return `stepsMax (${stepsMax}) reached after ${eventsDone} of ${eventCount} events`;
}
