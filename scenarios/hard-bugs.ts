/**
 * The hard-bug suite: bug variants that uniform random schedules need thousands of seeds to hit (each measured in
 * docs/hard-bugs/), the benchmark the search strategies are judged by (`npm run bench -- strategies`). The quick
 * every-bug test leaves them out: a few dozen random seeds do not find them, which is what makes them hard.
 */

/** A hard bug: its scenario and bug variant. */
export interface HardBug {
  readonly scenario: string;
  readonly bug: string;
}

export const HARD_BUGS: readonly HardBug[] = [
  { scenario: 'raft-log', bug: 'commit-earlier-term' },
  { scenario: 'raft-log', bug: 'truncate-on-any-append' },
  { scenario: 'two-phase-commit', bug: 'decide-before-log' },
  { scenario: 'two-phase-commit', bug: 'participant-forgets-prepared' },
];

/** Whether a scenario's bug variant is one of the hard bugs. */
export function isHardBug(scenario: string, bug: string): boolean {
  return HARD_BUGS.some((h) => h.scenario === scenario && h.bug === bug);
}
