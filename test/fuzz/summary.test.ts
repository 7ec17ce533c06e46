/** The campaign summary counts undecided seeds apart from failures, and merging summaries adds them up. */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../search/fuzz/summary.js';
import type { SeedOutcome } from '../../search/fuzz/protocol.js';

const outcome = (seed: number, violated: string[], undecided: string[]): SeedOutcome => ({
  seed,
  events: 10,
  traceHash: violated.length === 0 ? '' : 'h',
  violations: violated.map((property) => ({ property, message: `${property} broke at tick ${seed}` })),
  undecided: undecided.map((property) => ({ property, message: 'the run stopped before the deadline' })),
});

describe('campaign summary', () => {
  it('counts undecided seeds per property, apart from the failures', () => {
    const s = summarize([outcome(1, [], ['liveness']), outcome(2, ['safety'], ['liveness']), outcome(3, [], [])]);
    expect(s.failures.map((f) => f.seed)).toEqual([2]);
    expect(s.failuresByProperty).toEqual({ safety: 1 });
    expect(s.undecidedByProperty).toEqual({ liveness: 2 });
  });
});
