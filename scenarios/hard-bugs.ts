/**
 * The hard-bug suite: bug variants that uniform random schedules need thousands of seeds to hit, under the very plan
 * their correct versions pass (each described, with the steps a failing run needs, in docs/hard-bugs/). It is the
 * benchmark the search strategies are judged by (`npm run bench -- strategies`). The quick every-bug test leaves
 * them out: a few dozen random seeds do not find them, which is what makes them hard.
 */

/** A hard bug: its scenario and bug variant, and what its random campaigns measured when it was added. */
export interface HardBug {
  readonly scenario: string;
  readonly bug: string;
  /** Mean random seeds to a failure, measured (failing seeds over seeds run; docs/hard-bugs/ has the runs). */
  readonly randomSeedsMean: number;
}

export const HARD_BUGS: readonly HardBug[] = [
  { scenario: 'raft-log', bug: 'commit-earlier-term', randomSeedsMean: 5000 },
  { scenario: 'raft-log', bug: 'truncate-on-any-append', randomSeedsMean: 325 },
  { scenario: 'paxos', bug: 'forget-promise-on-restart', randomSeedsMean: 3750 },
  { scenario: 'paxos', bug: 'adopt-first-promise', randomSeedsMean: 1360 },
  { scenario: 'chain/two-faults', bug: 'predack-any-epoch', randomSeedsMean: 2545 },
  { scenario: 'lease-lock', bug: 'fence-not-persisted', randomSeedsMean: 2500 },
  { scenario: 'atomic-commit', bug: 'decide-before-log', randomSeedsMean: 2500 },
  { scenario: 'atomic-commit', bug: 'participant-forgets-prepared', randomSeedsMean: 2105 },
];

/** Whether a scenario's bug variant is one of the hard bugs. */
export function isHardBug(scenario: string, bug: string): boolean {
  return HARD_BUGS.some((h) => h.scenario === scenario && h.bug === bug);
}
