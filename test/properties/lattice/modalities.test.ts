import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Execution } from '../../../execution/types.js';
import { strongConjunctive, weakConjunctive } from '../../../properties/lattice/conjunctive.js';
import { definitely } from '../../../properties/lattice/definitely.js';
import { checkModality } from '../../../properties/lattice/modality.js';
import { assertPathReaches } from '../../../properties/lattice/path.js';
import { possibly } from '../../../properties/lattice/possibly.js';
import type { CutPredicate } from '../../../properties/predicate-types.js';
import type { CheckResult } from '../../../properties/result-types.js';
import {
  arbComputation,
  arbConjunctiveSpec,
  arbPredicateSpec,
  bruteForceCuts,
  bruteForceModalities,
  compileConjunctive,
  compilePredicate,
} from '../../helpers/brute-force.js';
import { readPosetFixture } from './poset-fixture.js';

const small = arbComputation({ eventsPerHostMax: 3, hostsMax: 4 });

function expectPossiblyWitness(exec: Execution, pred: CutPredicate, result: CheckResult): void {
  const witness = result.witness!;
  expect(pred.evaluate(witness.cut)).toBe(true);
  assertPathReaches(exec, witness.path!, witness.cut);
}

function expectCounterexample(exec: Execution, pred: CutPredicate, result: CheckResult): void {
  const path = result.witness!.path!;
  const final = Int32Array.from(exec.byHost, (own) => own.length);
  assertPathReaches(exec, path, final);
  const at = new Int32Array(exec.hosts.length);
  expect(pred.evaluate(at)).toBe(false);
  for (const id of path) {
    at[exec.events[id]!.host]!++;
    expect(pred.evaluate(at)).toBe(false);
  }
}

describe('Possibly and Definitely of general predicates', () => {
  it('agree with brute force, with valid witnesses and counterexamples', () => {
    fc.assert(
      fc.property(small, arbPredicateSpec, (exec, spec) => {
        const pred = compilePredicate(exec, spec);
        const expected = bruteForceModalities(exec, pred.evaluate);
        const pos = possibly(exec, pred);
        expect(pos.verdict).toBe(expected.possibly ? 'holds' : 'fails');
        expect(pos.algorithm).toBe('lexical');
        if (expected.possibly) expectPossiblyWitness(exec, pred, pos);
        const def = definitely(exec, pred);
        expect(def.verdict).toBe(expected.definitely ? 'holds' : 'fails');
        expect(def.algorithm).toBe('cooper-marzullo');
        if (!expected.definitely) expectCounterexample(exec, pred, def);
      }),
      { numRuns: 300 },
    );
  });

  it('a tiny cutsMax or levelCutsMax answers unknown with the counts and the limit in words', () => {
    const exec = readPosetFixture('d-50');
    const never: CutPredicate = { text: 'false', evaluate: () => false, shape: { kind: 'general' } };
    const pos = possibly(exec, never, { cutsMax: 500 });
    expect(pos).toMatchObject({ verdict: 'unknown', cutsVisited: 500 });
    expect(pos.stoppedBy).toMatch(/500 cuts/);
    const def = definitely(exec, never, { cutsMax: 500 });
    expect(def).toMatchObject({ verdict: 'unknown', cutsVisited: 500 });
    const level = definitely(exec, never, { levelCutsMax: 20 });
    expect(level.verdict).toBe('unknown');
    expect(level.stoppedBy).toMatch(/levelCutsMax/);
  });
});

describe('fast paths', () => {
  it('weak and strong conjunctive detection agree with enumeration', () => {
    fc.assert(
      fc.property(arbComputation({ eventsPerHostMax: 4 }), arbConjunctiveSpec, (exec, spec) => {
        const pred = compileConjunctive(exec, spec);
        const shape = pred.shape;
        if (shape.kind !== 'conjunctive') throw new Error('expected a conjunctive shape');
        const weak = weakConjunctive(exec, pred.text, shape.locals);
        const lexical = possibly(exec, pred);
        expect(weak.verdict).toBe(lexical.verdict);
        if (weak.verdict === 'holds') {
          expectPossiblyWitness(exec, pred, weak);
          // The weak conjunctive answer is the least satisfying cut: below every satisfying cut.
          for (const c of bruteForceCuts(exec).filter((c) => pred.evaluate(c))) {
            for (let h = 0; h < c.length; h++) expect(weak.witness!.cut[h]!).toBeLessThanOrEqual(c[h]!);
          }
        }
        const strong = strongConjunctive(exec, pred.text, shape.locals);
        expect(strong.verdict).toBe(definitely(exec, pred).verdict);
      }),
      { numRuns: 400 },
    );
  });

  it('checkModality dispatches on the shape, and enumerates when fast paths are off', () => {
    fc.assert(
      fc.property(small, arbConjunctiveSpec, fc.nat({ max: 8 }), (exec, spec, threshold) => {
        const conj = compileConjunctive(exec, spec);
        expect(checkModality(exec, 'possibly', conj).algorithm).toBe('weak-conjunctive');
        expect(checkModality(exec, 'definitely', conj).algorithm).toBe('strong-conjunctive');
        expect(checkModality(exec, 'possibly', conj, { fastPaths: false }).algorithm).toBe('lexical');
        expect(checkModality(exec, 'definitely', conj, { fastPaths: false }).algorithm).toBe('cooper-marzullo');
        // A stable predicate: at least `threshold` events done in all.
        const evaluate = (c: Int32Array): boolean => c.reduce((a, b) => a + b, 0) >= threshold;
        const stable: CutPredicate = { text: `events >= ${threshold}`, evaluate, shape: { kind: 'stable' } };
        const general: CutPredicate = { ...stable, shape: { kind: 'general' } };
        for (const modality of ['possibly', 'definitely'] as const) {
          const fast = checkModality(exec, modality, stable);
          expect(fast.algorithm).toBe('stable');
          expect(fast.verdict).toBe(checkModality(exec, modality, general).verdict);
        }
        const notDef = checkModality(exec, 'definitely', stable);
        if (notDef.verdict === 'fails') expectCounterexample(exec, stable, notDef);
        const pos = checkModality(exec, 'possibly', stable);
        if (pos.verdict === 'holds') expectPossiblyWitness(exec, stable, pos);
      }),
      { numRuns: 200 },
    );
  });
});
