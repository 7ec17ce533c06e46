/**
 * The `atomic-commit` scenario (two-phase commit with a recovery log): the correct protocol holds on a few hundred
 * seeds; each bug fails at a seed found by measurement (docs/hard-bugs/atomic-commit.md) with atomicity, and the
 * correct protocol passes that seed; the atomic-commit properties on tiny hand-built outcomes.
 */
import { describe, expect, test } from 'vitest';
import { atomicity, commitNeedsUnanimousYes, parseMarks } from '../../scenarios/properties/atomic-commit.js';
import { tpcAbstractState, twoPhaseCommitScenario } from '../../scenarios/two-phase-commit.js';
import { runScenario } from '../../sim/run.js';
import { handOutcome } from './hand-built.js';

function run(seed: number, bug?: string) {
  const r = runScenario(twoPhaseCommitScenario, { seed, bug });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('atomic-commit scenario', () => {
  test('the correct protocol holds on 300 seeds, with crashes and commits in them', () => {
    let crashes = 0;
    let commits = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const r = run(seed);
      expect(r.violations, `seed ${seed}`).toEqual([]);
      expect(r.protocolError).toBeUndefined();
      crashes += r.execution.events.filter((e) => e.kind === 'crash').length;
      commits += r.finalStates.filter((s) => typeof s?.['decided'] === 'string' && s['decided'].includes(':c')).length;
    }
    expect(crashes).toBeGreaterThan(20);
    expect(commits).toBeGreaterThan(300);
  });

  test.each([
    ['decide-before-log', 891],
    ['participant-forgets-prepared', 2009],
  ])('bug %s fails at seed %i with atomicity; the correct protocol passes that seed', (bug, seed) => {
    expect(run(seed, bug).violations.map((v) => v.property)).toContain('atomicity');
    expect(run(seed).violations).toEqual([]);
  });

  test('the abstract state is role, phase and what the log holds', () => {
    expect(tpcAbstractState({ role: 'coordinator', phase: 'logging', logged: 'none' })).toBe('coordinator|logging|disk:none');
    expect(tpcAbstractState({ role: 'participant', phase: 'preparing', logged: 'working' })).toBe('participant|preparing|disk:working');
  });
});

describe('atomic-commit properties on hand-built outcomes', () => {
  const coordinator = [['start', 0, { decided: '', voted: '' }]] as const;

  test('parseMarks reads "tx:mark" pairs', () => {
    expect(parseMarks('')).toEqual([]);
    expect(parseMarks('0:c 12:a')).toEqual([
      [0, 'c'],
      [12, 'a'],
    ]);
  });

  test('atomicity: a commit and an abort of one transaction at two participants, even across a crash', () => {
    const ok = handOutcome([
      coordinator,
      [['start', 0, { decided: '0:c' }]],
      [['start', 0, { decided: '0:c 1:a' }]],
    ]);
    expect(atomicity.check(ok).ok).toBe(true);
    const bad = handOutcome([
      coordinator,
      [
        ['start', 0, { decided: '' }],
        ['receive', 5, { decided: '1:a' }],
        ['crash', 9, { decided: '1:a' }],
        ['restart', 20, { decided: '' }],
      ],
      [['receive', 30, { decided: '1:c' }]],
    ]);
    const v = atomicity.check(bad);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.message).toBe('transaction 1 was committed at p2 (event id 5, tick 30) and aborted at p1 (event id 2, tick 5)');
  });

  test('commit-needs-unanimous-yes: a vote wiped by a crash still counts; a missing one fails', () => {
    const voters = (second: string) =>
      handOutcome([
        coordinator,
        [
          ['receive', 3, { decided: '', voted: '0:y' }],
          ['crash', 4, { decided: '', voted: '0:y' }],
          ['restart', 8, { decided: '', voted: '' }],
        ],
        [['receive', 9, { decided: '0:c', voted: second }]],
      ]);
    expect(commitNeedsUnanimousYes.check(voters('0:y')).ok).toBe(true);
    const v = commitNeedsUnanimousYes.check(voters('0:n'));
    expect(!v.ok && v.message).toBe('p2 committed transaction 0, which p2 never voted yes on');
  });
});
