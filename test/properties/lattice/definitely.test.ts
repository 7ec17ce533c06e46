import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Execution } from '../../../execution/types.js';
import { CutPacking } from '../../../properties/lattice/cut-packing.js';
import { CutSpace } from '../../../properties/lattice/cut-space.js';
import { definitely, definitelySearch, type DefinitelyTuning } from '../../../properties/lattice/definitely.js';
import { Enabling } from '../../../properties/lattice/enabling.js';
import { LexicalCuts } from '../../../properties/lattice/lexical.js';
import { assertPathReaches } from '../../../properties/lattice/path.js';
import type { CutPredicate } from '../../../properties/predicate-types.js';
import type { CheckResult } from '../../../properties/result-types.js';
import { arbComputation, arbPredicateSpec, bruteForceModalities, compilePredicate } from '../../helpers/brute-force.js';
import { readPosetFixture } from './poset-fixture.js';
import { readShiVizFixture } from './shiviz-fixture.js';

/** Pure divide and conquer: no parent pointers, one checkpoint per pass (halving). */
const HALVING: DefinitelyTuning = { trailCutsMax: 0, checkpoints: 1 };

/** The counterexample is a chain of consistent ¬φ cuts from the empty cut to the final cut. */
function expectCounterexample(exec: Execution, pred: CutPredicate, result: CheckResult): void {
  expect(result.verdict).toBe('fails');
  const path = result.witness!.path!;
  const final = Int32Array.from(exec.byHost, (own) => own.length);
  expect(Array.from(result.witness!.cut)).toEqual(Array.from(final));
  assertPathReaches(exec, path, final);
  const at = new Int32Array(exec.hosts.length);
  expect(pred.evaluate(at)).toBe(false);
  for (const id of path) {
    at[exec.events[id]!.host]!++;
    expect(pred.evaluate(at)).toBe(false);
  }
}

/** A predicate that counts its evaluations. */
function counted(text: string, evaluate: (cut: Int32Array) => boolean): CutPredicate & { calls: number } {
  const pred = { text, shape: { kind: 'general' } as const, calls: 0, evaluate: (cut: Int32Array) => (pred.calls++, evaluate(cut)) };
  return pred;
}

describe('Definitely by level search with a rebuilt counterexample', () => {
  const tunings: [string, DefinitelyTuning][] = [
    ['halving, no parent pointers', HALVING],
    ['three checkpoints, cuts packed 4 bits a word', { trailCutsMax: 0, checkpoints: 3, wordBits: 4 }],
    ['the defaults', { trailCutsMax: 1 << 18, checkpoints: 7 }],
  ];
  for (const [name, tuning] of tunings) {
    it(`agrees with brute force, every counterexample a chain of ¬φ cuts (${name})`, () => {
      fc.assert(
        fc.property(arbComputation({ eventsPerHostMax: 3, hostsMax: 4 }), arbPredicateSpec, (exec, spec) => {
          const pred = compilePredicate(exec, spec);
          const expected = bruteForceModalities(exec, pred.evaluate).definitely;
          const result = definitelySearch(exec, pred, undefined, tuning);
          expect(result.verdict).toBe(expected ? 'holds' : 'fails');
          expect(result.algorithm).toBe('cooper-marzullo');
          if (!expected) expectCounterexample(exec, pred, result);
        }),
        { numRuns: 250 },
      );
    });
  }

  it('rebuilds the path through several recursion depths on a large lattice (d-50: 590,976 cuts, 50 levels)', () => {
    const exec = readPosetFixture('d-50');
    // Avoidable cuts: host 0 has done exactly 2 events while host 1 has done exactly 3, or any 5 events in all but
    // host 2 has done none.
    const pred = counted('p0=2 and p1=3, or 5 events and p2=0', (c) => (c[0] === 2 && c[1] === 3) || (c.reduce((a, b) => a + b, 0) === 5 && c[2] === 0));
    const result = definitelySearch(exec, pred, undefined, HALVING);
    expectCounterexample(exec, pred, result);
    expect(result.witness!.path!.length).toBe(50);
    // Halving from 50 levels needs ⌈log2 50⌉ = 6 depths of passes; they re-evaluate φ beyond the top pass's cuts.
    expect(pred.calls).toBeGreaterThan(result.cutsVisited);
    expect(definitely(exec, pred).verdict).toBe('fails');
  });

  it('finds the path on a real log with the defaults (ewd998.log #1), and holds when φ blocks every path', () => {
    const [exec] = readShiVizFixture('ewd998.log');
    const never = counted('false', () => false);
    expectCounterexample(exec!, never, definitely(exec!, never));
    const tuned = definitelySearch(exec!, never, undefined, HALVING);
    expectCounterexample(exec!, never, tuned);
    const half = Math.floor(exec!.events.length / 2);
    const atHalf: CutPredicate = { text: 'half the events done', shape: { kind: 'general' }, evaluate: (c) => c.reduce((a, b) => a + b, 0) === half };
    expect(definitely(exec!, atHalf).verdict).toBe('holds');
  });
});

describe('memory: one level at a time', () => {
  it('levelCutsMax below the widest level answers unknown; at it, decides with a path', () => {
    const exec = readPosetFixture('d-50');
    const widths = new Map<number, number>();
    const cuts = new LexicalCuts(new CutSpace(exec));
    while (cuts.next()) {
      const level = cuts.cut.reduce((a, b) => a + b, 0);
      widths.set(level, (widths.get(level) ?? 0) + 1);
    }
    const widest = Math.max(...widths.values());
    const widestLevel = [...widths].find(([, w]) => w === widest)![0];
    const never: CutPredicate = { text: 'false', shape: { kind: 'general' }, evaluate: () => false };
    const below = definitely(exec, never, { levelCutsMax: widest - 1 });
    expect(below.verdict).toBe('unknown');
    expect(below.stoppedBy).toBe(`level ${widestLevel} of the lattice holds more than ${widest - 1} cuts (levelCutsMax)`);
    expect(below.cutsVisited).toBeGreaterThan(0);
    for (const tuning of [HALVING, { trailCutsMax: 1 << 18, checkpoints: 7 }]) {
      const at = definitelySearch(exec, never, { levelCutsMax: widest }, tuning);
      expect(at.cutsVisited).toBe(590_976);
      expectCounterexample(exec, never, at);
    }
  });
});

describe('packed cuts and enabling', () => {
  it('packs and unpacks cuts of one word (chord.log, 53 bits) and of several (d-500, 60 bits); one event adds one unit', () => {
    for (const exec of [readShiVizFixture('chord.log')[0]!, readPosetFixture('d-500')]) {
      const space = new CutSpace(exec);
      const packing = new CutPacking(space);
      expect(packing.words).toBe(exec.label === 'd-500' ? 2 : 1);
      const enabling = new Enabling(space);
      const cuts = new LexicalCuts(space);
      const out = space.emptyCut();
      const key = new Float64Array(packing.words);
      for (let i = 0; i < 5_000 && cuts.next(); i++) {
        packing.pack(cuts.cut, key, 0);
        packing.unpack(key, 0, out);
        expect(Array.from(out)).toEqual(Array.from(cuts.cut));
        for (let h = 0; h < space.hostCount; h++) {
          // The enabling test agrees with canAdvance, and adding one event adds the host's unit to its word.
          const k = cuts.cut[h]!;
          const row = enabling.hostFirstRow[h]! + k + 1;
          const can =
            k < space.eventsPerHost[h]! &&
            cuts.cut[enabling.waitHost[row]!]! >= enabling.waitCount[row]! &&
            Array.from({ length: enabling.extraFirst[row + 1]! - enabling.extraFirst[row]! }, (_, x) => enabling.extraFirst[row]! + x).every(
              (at) => cuts.cut[enabling.extraHost[at]!]! >= enabling.extraCount[at]!,
            );
          expect(can).toBe(space.canAdvance(cuts.cut, h));
          if (!can) continue;
          const grown = Int32Array.from(cuts.cut);
          grown[h]!++;
          const next = packing.packed(grown);
          const expected = Float64Array.from(key);
          expected[packing.wordOfHost[h]!]! += packing.unitOfHost[h]!;
          expect(Array.from(next)).toEqual(Array.from(expected));
        }
      }
    }
  });
});
