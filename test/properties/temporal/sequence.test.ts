import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExecution } from '../../../execution/build.js';
import type { Execution } from '../../../execution/types.js';
import { assertPathReaches } from '../../../properties/lattice/path.js';
import type { CutPredicate } from '../../../properties/predicate-types.js';
import { sequenceDefinitely, sequencePossibly, type SequenceStep } from '../../../properties/temporal/sequence.js';
import {
  arbComputation,
  arbPredicateSpec,
  bruteForceSequence,
  compilePredicate,
  observationSatisfies,
  specFunction,
  statesOfObservation,
  type PredicateSpec,
} from '../../helpers/brute-force.js';

// Few events: the oracle enumerates every observation.
const tiny = arbComputation({ hostsMax: 3, eventsPerHostMax: 3 });
const arbSteps = fc.array(fc.record({ guard: fc.option(arbPredicateSpec), phi: arbPredicateSpec }), { minLength: 1, maxLength: 3 });

function compileSteps(exec: Execution, specs: readonly { guard: PredicateSpec | null; phi: PredicateSpec }[]): SequenceStep[] {
  return specs.map((s, i) => {
    const phi = compilePredicate(exec, s.phi, `phi${i + 1}`);
    return s.guard === null ? { phi } : { phi, guard: compilePredicate(exec, s.guard, `theta${i + 1}`) };
  });
}

function bruteSteps(exec: Execution, specs: readonly { guard: PredicateSpec | null; phi: PredicateSpec }[]) {
  return specs.map((s) => {
    const phi = specFunction(exec, s.phi);
    return s.guard === null ? { phi } : { phi, guard: specFunction(exec, s.guard) };
  });
}

function observationOf(exec: Execution, path: readonly number[]): Int32Array[] {
  const final = Int32Array.from(exec.byHost, (own) => own.length);
  assertPathReaches(exec, path, final);
  return statesOfObservation(exec, path);
}

describe('sequences over observations (Babaoglu & Raynal)', () => {
  it('Pos and Def of simple sequences agree with brute force over observations', () => {
    fc.assert(
      fc.property(tiny, fc.array(arbPredicateSpec, { minLength: 1, maxLength: 3 }), (exec, phis) => {
        const specs = phis.map((phi) => ({ guard: null, phi }));
        const expected = bruteForceSequence(exec, bruteSteps(exec, specs));
        const steps = compileSteps(exec, specs);
        const pos = sequencePossibly(exec, steps);
        expect(pos.verdict).toBe(expected.pos ? 'holds' : 'fails');
        if (pos.verdict === 'holds') {
          expect(observationSatisfies(observationOf(exec, pos.witness!.path!), bruteSteps(exec, specs))).toBe(true);
        }
        const def = sequenceDefinitely(exec, steps);
        expect(def.verdict).toBe(expected.def ? 'holds' : 'fails');
        if (def.verdict === 'fails') {
          expect(observationSatisfies(observationOf(exec, def.witness!.path!), bruteSteps(exec, specs))).toBe(false);
        }
      }),
      { numRuns: 250 },
    );
  });

  it('Pos and Def of interval-constrained sequences agree with brute force over observations', () => {
    fc.assert(
      fc.property(tiny, arbSteps, fc.option(arbPredicateSpec), (exec, specs, tailSpec) => {
        const tail = tailSpec === null ? undefined : compilePredicate(exec, tailSpec, 'tail');
        const tailFn = tailSpec === null ? undefined : specFunction(exec, tailSpec);
        const expected = bruteForceSequence(exec, bruteSteps(exec, specs), tailFn);
        const steps = compileSteps(exec, specs);
        const pos = sequencePossibly(exec, steps, tail);
        expect(pos.verdict).toBe(expected.pos ? 'holds' : 'fails');
        if (pos.verdict === 'holds') {
          expect(observationSatisfies(observationOf(exec, pos.witness!.path!), bruteSteps(exec, specs), tailFn)).toBe(true);
        }
        const def = sequenceDefinitely(exec, steps, tail);
        expect(def.verdict).toBe(expected.def ? 'holds' : 'fails');
        if (def.verdict === 'fails') {
          expect(observationSatisfies(observationOf(exec, def.witness!.path!), bruteSteps(exec, specs), tailFn)).toBe(false);
        }
      }),
      { numRuns: 250 },
    );
  });

  it('a later global state is a successor: one state cannot serve two steps', () => {
    // One host, one event: observations have two states, Σ0 (k=0) and Σ1 (k=1).
    const exec = buildExecution({
      label: 'one event',
      hosts: ['a'],
      events: [{ host: 0, kind: 'internal', label: '', clock: [1], fields: {} }],
    });
    const at = (k: number): CutPredicate => ({ text: `k=${k}`, evaluate: (c) => c[0] === k, shape: { kind: 'general' } });
    const always: CutPredicate = { text: 'true', evaluate: () => true, shape: { kind: 'general' } };
    expect(sequencePossibly(exec, [{ phi: at(0) }, { phi: at(1) }]).verdict).toBe('holds');
    expect(sequencePossibly(exec, [{ phi: at(1) }, { phi: at(1) }]).verdict).toBe('fails');
    expect(sequenceDefinitely(exec, [{ phi: always }, { phi: always }]).verdict).toBe('holds');
    expect(sequencePossibly(exec, [{ phi: always }, { phi: always }, { phi: always }]).verdict).toBe('fails');
    // The tail guard covers the states after the last step's state.
    expect(sequencePossibly(exec, [{ phi: at(0) }], at(1)).verdict).toBe('fails');
    expect(sequencePossibly(exec, [{ phi: at(1) }], at(1)).verdict).toBe('holds');
    // The first guard covers the states before the first step's state, Σ0 included.
    expect(sequencePossibly(exec, [{ guard: at(0), phi: at(1) }]).verdict).toBe('fails');
  });

  it('two independent processes: the order of their first events is possible both ways, definite neither way', () => {
    const exec = buildExecution({
      label: 'independent',
      hosts: ['p0', 'p1'],
      events: [
        { host: 0, kind: 'internal', label: '', clock: [1, 0], fields: {} },
        { host: 1, kind: 'internal', label: '', clock: [0, 1], fields: {} },
      ],
    });
    const only = (h: number): CutPredicate => ({
      text: `only p${h}`,
      evaluate: (c) => c[h] === 1 && c[1 - h] === 0,
      shape: { kind: 'general' },
    });
    for (const h of [0, 1]) {
      expect(sequencePossibly(exec, [{ phi: only(h) }]).verdict).toBe('holds');
      const def = sequenceDefinitely(exec, [{ phi: only(h) }]);
      expect(def.verdict).toBe('fails');
      expect(exec.events[def.witness!.path![0]!]!.host).toBe(1 - h);
    }
  });

  it('a tiny levelCutsMax or cutsMax answers unknown', () => {
    fc.assert(
      fc.property(arbComputation({ hostsMin: 3, hostsMax: 3, eventsPerHostMax: 3 }), (exec) => {
        const never: CutPredicate = { text: 'false', evaluate: () => false, shape: { kind: 'general' } };
        const r = sequencePossibly(exec, [{ phi: never }], undefined, { cutsMax: 1 });
        expect(['unknown', 'fails']).toContain(r.verdict);
        if (exec.events.length > 0) expect(r).toMatchObject({ verdict: 'unknown', cutsVisited: 1 });
      }),
      { numRuns: 30 },
    );
  });
});
