import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Execution } from '../../../execution/types.js';
import { definitely } from '../../../properties/lattice/definitely.js';
import { assertPathReaches } from '../../../properties/lattice/path.js';
import { possibly } from '../../../properties/lattice/possibly.js';
import { definitelyUnderLocks, possiblyUnderLocks, type LockCheckResult } from '../../../properties/locks/modalities.js';
import type { CutPredicate } from '../../../properties/predicate-types.js';
import { LOCKS, arbLockTrace } from './lock-traces.js';
import { arbLockPredicate, compileLockPredicate, oracleModalities, oracleReplay, oracleStuck } from './lock-oracle.js';

function checkWitness(exec: Execution, pred: CutPredicate, result: LockCheckResult): void {
  const { cut, path } = result.witness!;
  assertPathReaches(exec, path!, cut);
  oracleReplay(exec, path!);
  expect(pred.evaluate(cut)).toBe(true);
}

function checkCounterexample(exec: Execution, pred: CutPredicate, result: LockCheckResult): void {
  const { cut, path } = result.witness!;
  assertPathReaches(exec, path!, cut);
  const { cuts, owner } = oracleReplay(exec, path!);
  for (const c of cuts) expect(pred.evaluate(c)).toBe(false);
  expect(oracleStuck(exec, cut, owner)).toBe(true);
  const final = exec.byHost.every((own, h) => own.length === cut[h]);
  expect(result.endsInDeadlock).toBe(!final);
}

describe('Possibly and Definitely under locking constraints', () => {
  it('agree with every interleaving simulated with the locks, with valid witnesses and counterexamples', () => {
    const seen = { possiblyHolds: 0, possiblyFails: 0, definitelyHolds: 0, definitelyFails: 0, deadlocks: 0, possiblyPruned: 0, definitelyDiffers: 0 };
    fc.assert(
      fc.property(arbLockTrace, arbLockPredicate, (exec, spec) => {
        const pred = compileLockPredicate(exec, spec);
        const expected = oracleModalities(exec, pred.evaluate);
        const pos = possiblyUnderLocks(exec, pred, LOCKS);
        expect(pos.verdict).toBe(expected.possibly ? 'holds' : 'fails');
        if (expected.possibly) checkWitness(exec, pred, pos);
        const def = definitelyUnderLocks(exec, pred, LOCKS);
        expect(def.verdict).toBe(expected.definitely ? 'holds' : 'fails');
        if (!expected.definitely) checkCounterexample(exec, pred, def);
        if (expected.possibly) seen.possiblyHolds++;
        else seen.possiblyFails++;
        if (expected.definitely) seen.definitelyHolds++;
        else seen.definitelyFails++;
        if (def.endsInDeadlock === true) seen.deadlocks++;
        // The locks only remove cuts: Possibly under locks implies Possibly. Definitely may go either way (fewer
        // paths, but a deadlock ends a path early).
        const plain = possibly(exec, pred).verdict === 'holds';
        if (expected.possibly) expect(plain).toBe(true);
        if (plain && !expected.possibly) seen.possiblyPruned++;
        if (expected.definitely !== (definitely(exec, pred).verdict === 'holds')) seen.definitelyDiffers++;
      }),
      { numRuns: 600 },
    );
    expect(seen.possiblyHolds).toBeGreaterThan(150);
    expect(seen.possiblyFails).toBeGreaterThan(150);
    expect(seen.definitelyHolds).toBeGreaterThan(150);
    expect(seen.definitelyFails).toBeGreaterThan(150);
    expect(seen.deadlocks).toBeGreaterThan(20);
    // The lock model matters on this sample: without it the answers differ often.
    expect(seen.possiblyPruned).toBeGreaterThanOrEqual(10);
    expect(seen.definitelyDiffers).toBeGreaterThanOrEqual(1);
  });
});
