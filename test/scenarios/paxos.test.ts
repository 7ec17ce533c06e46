import { describe, expect, test } from 'vitest';
import { checkAgreement, type Decision } from '../../scenarios/properties/paxos.js';
import { runScenario } from '../../sim/run.js';
import { valueToPropose } from '../../protocols/paxos/proposer.js';

function mustRun(...args: Parameters<typeof runScenario>) {
  const r = runScenario(...args);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Failing seeds found by the measurement in docs/hard-bugs/paxos.md. */
const FAILING = { 'forget-promise-on-restart': 153, 'adopt-first-promise': 87 } as const;

describe('paxos scenario', () => {
  test('the correct protocol passes 300 seeds', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = mustRun('paxos', { seed });
      expect(r.violations, `seed ${seed}`).toEqual([]);
      expect(r.protocolError).toBeUndefined();
    }
  });

  test.each(Object.entries(FAILING))('%s fails agreement on seed %s, and the correct protocol does not', (bug, seed) => {
    const r = mustRun('paxos', { seed, bug });
    expect(r.violations.map((v) => v.property)).toContain('agreement');
    expect(r.violations.find((v) => v.property === 'agreement')!.message).toMatch(/two values decided: v\d .*, and v\d /);
    expect(mustRun('paxos', { seed }).ok).toBe(true);
  });

  test('the proposer adopts the value of the highest accepted ballot (the first one under the bug)', () => {
    const promises = [
      { from: 3, accBallot: 6, accValue: 'v1' },
      { from: 4, accBallot: 0, accValue: '' },
      { from: 0, accBallot: 12, accValue: 'v2' },
    ];
    expect(valueToPropose(promises, 'v0', undefined)).toBe('v2');
    expect(valueToPropose(promises, 'v0', 'adopt-first-promise')).toBe('v1');
    expect(valueToPropose([{ from: 1, accBallot: 0, accValue: '' }], 'v0', undefined)).toBe('v0');
  });

  test('agreement fails on two different decided values only', () => {
    const chosen: Decision = { value: 'v0', how: 'chosen in ballot 5' };
    expect(checkAgreement([]).ok).toBe(true);
    expect(checkAgreement([chosen, { value: 'v0', how: 'learned by p3' }]).ok).toBe(true);
    const verdict = checkAgreement([chosen, { value: 'v1', how: 'chosen in ballot 12' }]);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toBe('two values decided: v0 chosen in ballot 5, and v1 chosen in ballot 12');
  });
});
