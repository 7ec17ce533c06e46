import { describe, expect, it } from 'vitest';
import { buildExecution, type EventInput } from '../../../execution/build.js';
import type { Execution, State } from '../../../execution/types.js';
import { checkModality } from '../../../properties/lattice/index.js';
import { statesAt } from '../../../execution/states-at.js';
import { leaderAfterHeal } from '../../../scenarios/properties/raft-liveness.js';
import { electionSafety, oneLeaderPerTerm, twoLeadersPredicate } from '../../../scenarios/properties/raft-safety.js';
import { ringAllLearn, ringUniqueLeader } from '../../../scenarios/properties/ring.js';
import type { RunOutcome } from '../../../scenarios/types.js';

const F0: State = { term: 0, role: 'follower', leader: 0, leaderId: -1, votes: 0 };
const LEAD1: State = { term: 1, role: 'leader', leader: 1, leaderId: -1, votes: 3 };

function ev(host: number, clock: number[], fields: State, timeTicks: number, kind: EventInput['kind'] = 'timer'): EventInput {
  return { host, kind, label: kind, clock, fields, timeTicks };
}

function outcome(execution: Execution, extra: Partial<RunOutcome> = {}): RunOutcome {
  return {
    execution,
    history: [],
    endReason: 'time-limit',
    endTicks: 100,
    nodeCount: execution.hosts.length,
    finalStates: execution.hostStates.map((s) => s.at(-1)),
    inFlightCount: 0,
    schedule: [],
    ...extra,
  };
}

/** p0 and p1 both become leader of term 1 with no message between them: concurrent. */
const concurrent = buildExecution({
  label: 'concurrent',
  hosts: ['p0', 'p1', 'p2'],
  events: [
    ev(0, [1, 0, 0], F0, 0, 'start'),
    ev(1, [0, 1, 0], F0, 0, 'start'),
    ev(2, [0, 0, 1], F0, 0, 'start'),
    ev(0, [2, 0, 0], LEAD1, 40),
    ev(1, [0, 2, 0], LEAD1, 45),
  ],
});

/** p0 leads term 1, steps down and tells p1, which only then leads term 1: never at one cut, still two leaders. */
const sequential = buildExecution({
  label: 'sequential',
  hosts: ['p0', 'p1', 'p2'],
  events: [
    ev(0, [1, 0, 0], F0, 0, 'start'),
    ev(1, [0, 1, 0], F0, 0, 'start'),
    ev(2, [0, 0, 1], F0, 0, 'start'),
    ev(0, [2, 0, 0], LEAD1, 40),
    ev(0, [3, 0, 0], { ...LEAD1, role: 'follower', leader: 0 }, 50),
    ev(1, [3, 2, 0], LEAD1, 55, 'receive'),
  ],
});

describe('raft election properties', () => {
  it('the two-leader predicate is conjunctive and decided by the weak-conjunctive fast path', () => {
    const pred = twoLeadersPredicate(concurrent, 0, 1, 1);
    expect(pred.shape.kind).toBe('conjunctive');
    const r = checkModality(concurrent, 'possibly', pred);
    expect(r).toMatchObject({ verdict: 'holds', algorithm: 'weak-conjunctive' });
    expect(Array.from(r.witness!.cut.subarray(0, 2))).toEqual([2, 2]);
    const lexical = checkModality(concurrent, 'possibly', pred, { fastPaths: false });
    expect(lexical.verdict).toBe('holds');
  });

  it('election-safety names the hosts, the term and the cut of two concurrent leaders', () => {
    const v = electionSafety.check(outcome(concurrent));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.message).toMatch(/^p0 and p1 are both leader of term 1 at the consistent cut \[2, 2, \d\]/);
  });

  it('two leaders of one term one after the other: not at one cut, but one-leader-per-term fails', () => {
    expect(checkModality(sequential, 'possibly', twoLeadersPredicate(sequential, 0, 1, 1)).verdict).toBe('fails');
    expect(electionSafety.check(outcome(sequential))).toEqual({ ok: true });
    const v = oneLeaderPerTerm.check(outcome(sequential));
    expect(v).toEqual({ ok: false, message: 'term 1 had 2 leaders: p0 (event 3, tick 40) and p1 (event 5, tick 55)' });
  });

  it('leader-after-heal reads the states at the deadline and says what is pending', () => {
    expect(statesAt(sequential, 45).map((s) => s?.['role'])).toEqual(['leader', 'follower', 'follower']);
    const noLeader = leaderAfterHeal(30).check(outcome(concurrent, { healAtTicks: 10, endTicks: 50 }));
    expect(noLeader.ok).toBe(false);
    if (!noLeader.ok) {
      expect(noLeader.message).toContain('no leader known to every node by tick 40 (healed at tick 10');
      expect(noLeader.message).toContain('p1 is follower in term 0 knowing no leader');
    }
    // a run a limit stopped before the deadline is not judged: undecided, with the limit to raise
    expect(leaderAfterHeal(30).check(outcome(concurrent, { healAtTicks: 10, endTicks: 39 }))).toEqual({
      ok: true,
      undecided: 'the run stopped at tick 39 (time-limit) before the deadline, tick 40; raise the limit',
    });
  });
});

describe('ring properties', () => {
  const ring = (declarations: number[], leaderIds: number[]): Execution =>
    buildExecution({
      label: 'ring',
      hosts: ['p0', 'p1', 'p2'],
      events: [0, 1, 2].map((h) =>
        ev(h, [0, 1, 2].map((j) => (j === h ? 1 : 0)), { id: 10 + h, declarations: declarations[h]!, leader: declarations[h]! > 0 ? 1 : 0, leaderId: leaderIds[h]! }, 5),
      ),
    });

  it('ring-unique-leader holds when only the maximum declares, once', () => {
    expect(ringUniqueLeader.check(outcome(ring([0, 0, 1], [12, 12, 12])))).toEqual({ ok: true });
  });

  it('ring-unique-leader fails when a node other than the maximum declares, or the leader declares twice', () => {
    const wrong = ringUniqueLeader.check(outcome(ring([1, 0, 0], [10, 12, 12])));
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.message).toContain('but the maximum id is 12 at p2');
    const twice = ringUniqueLeader.check(outcome(ring([0, 0, 2], [12, 12, 12])));
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.message).toMatch(/declared itself 2 times/);
  });

  it('ring-all-learn lists the nodes that have not learned the maximum', () => {
    expect(ringAllLearn(10).check(outcome(ring([0, 0, 1], [12, 12, 12])))).toEqual({ ok: true });
    const v = ringAllLearn(10).check(outcome(ring([0, 0, 1], [-1, 12, 12]), { healAtTicks: 5 }));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.message).toContain('by tick 15 (RING_LEARN_WITHIN_TICKS_AFTER_HEAL = 10) not every node knows the leader 12 (p2): p0 (id 10) has learned no leader');
  });
});
