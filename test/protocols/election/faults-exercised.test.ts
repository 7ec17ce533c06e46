import { describe, expect, it } from 'vitest';
import { raftElectionScenario, raftPartitionsScenario, ringElectionScenario } from '../../../scenarios/election.js';
import type { Scenario } from '../../../scenarios/types.js';
import { runElection } from './run.js';

/** What happened over the first `seeds` seeds of a correct scenario, so the passing fuzz runs are not vacuous. */
function tally(scenario: Scenario, seeds: number) {
  const t = { crashes: 0, restarts: 0, pauses: 0, lost: 0, partitioned: 0, duplicated: 0, termsMax: 0, leaders: 0 };
  for (let seed = 0; seed < seeds; seed++) {
    const exec = runElection(scenario, { seed }).outcome.execution;
    for (const e of exec.events) {
      if (e.kind === 'crash') t.crashes++;
      if (e.kind === 'restart') t.restarts++;
      if (e.kind === 'pause') t.pauses++;
      const term = e.fields['term'];
      if (typeof term === 'number') t.termsMax = Math.max(t.termsMax, term);
      if (e.fields['leader'] === 1) t.leaders++;
    }
    for (const m of exec.messages) {
      if (m.dropReason === 'loss') t.lost++;
      if (m.dropReason === 'partition') t.partitioned++;
      if (m.receiveEvents.length > 1) t.duplicated++;
    }
  }
  return t;
}

describe('the fault plans exercise the protocols', () => {
  it('raft-election: crashes, restarts, pauses, loss, duplication, several terms', () => {
    const t = tally(raftElectionScenario, 50);
    expect(t.crashes).toBeGreaterThan(50);
    expect(t.restarts).toBeGreaterThan(50);
    expect(t.pauses).toBeGreaterThan(10);
    expect(t.lost).toBeGreaterThan(100);
    expect(t.duplicated).toBeGreaterThan(100);
    expect(t.termsMax).toBeGreaterThan(3);
  });

  it('raft-election/partitions: messages dropped by partitions', () => {
    const t = tally(raftPartitionsScenario, 50);
    expect(t.partitioned).toBeGreaterThan(100);
    expect(t.termsMax).toBeGreaterThan(3);
  });

  it('ring-election: duplicates and pauses, never a lost message', () => {
    const t = tally(ringElectionScenario, 50);
    expect(t.duplicated).toBeGreaterThan(20);
    expect(t.pauses).toBeGreaterThan(5);
    expect(t.lost + t.partitioned + t.crashes).toBe(0);
  });
});
