import fc from 'fast-check';
import { expect, test } from 'vitest';
import { buildExecution } from '../../../execution/build.js';
import type { Execution } from '../../../execution/types.js';
import { isSharedGlobalState, sharedGlobalStates } from '../../../properties/patterns/index.js';
import { compilePredicate } from '../../../properties/predicate/index.js';
import { arbComputation, bruteForceCuts } from '../predicate/random-computation.js';

/** e → f, straight from vector clocks: f has seen e. */
const before = (exec: Execution, e: number, f: number): boolean =>
  exec.events[f]!.clock[exec.events[e]!.host]! >= exec.events[e]!.index;

/** The definition: for all i ≠ j, s_i initial, or s_j final, or prev(s_i) → next(s_j). */
function sharedByDefinition(exec: Execution, cut: Int32Array): boolean {
  const n = exec.hosts.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j || cut[i] === 0 || cut[j] === exec.byHost[j]!.length) continue;
      const prev = exec.byHost[i]![cut[i]! - 1]!;
      const next = exec.byHost[j]![cut[j]!]!;
      if (!before(exec, prev, next)) return false;
    }
  }
  return true;
}

function lexicographic(a: readonly number[], b: readonly number[]): number {
  const i = a.findIndex((v, k) => v !== b[k]);
  return i < 0 ? 0 : a[i]! - b[i]!;
}

/** Every vector of prefixes, consistent or not. */
function allVectors(exec: Execution): Int32Array[] {
  let vectors: number[][] = [[]];
  for (const own of exec.byHost) vectors = vectors.flatMap((v) => Array.from({ length: own.length + 1 }, (_, k) => [...v, k]));
  return vectors.map((v) => Int32Array.from(v));
}

test('sharedGlobalStates lists exactly the consistent cuts the definition accepts, in lexicographic order', () => {
  fc.assert(
    fc.property(arbComputation({ hostsMax: 4, opsMax: 14 }), (exec) => {
      const expected = bruteForceCuts(exec).filter((c) => sharedByDefinition(exec, c)).map((c) => [...c]);
      expected.sort(lexicographic);
      const result = sharedGlobalStates(exec);
      expect(result.cuts.map((c) => [...c])).toEqual(expected);
      expect(result.complete).toBe(true);
      expect(result.verdict).toBe('holds'); // the initial cut is always shared
      expect(result.modality).toBe('shared-state');
    }),
    { numRuns: 400 },
  );
});

test('isSharedGlobalState agrees with the definition on consistent cuts and rejects inconsistent ones', () => {
  fc.assert(
    fc.property(arbComputation({ hostsMax: 3, opsMax: 10 }), (exec) => {
      const consistent = new Set(bruteForceCuts(exec).map((c) => c.join()));
      for (const v of allVectors(exec)) {
        expect(isSharedGlobalState(exec, v)).toBe(consistent.has(v.join()) && sharedByDefinition(exec, v));
      }
    }),
    { numRuns: 300 },
  );
});

// p1 sends to p2, p2 replies: after the reply is received everything before is common ground.
const exec = buildExecution({
  label: 'round trip',
  hosts: ['p1', 'p2'],
  events: [
    { host: 0, kind: 'send', label: 'req', clock: [1, 0], sent: [0], fields: { phase: 1 } },
    { host: 1, kind: 'receive', label: 'got', clock: [1, 1], received: 0, fields: { phase: 1 } },
    { host: 1, kind: 'send', label: 'reply', clock: [1, 2], sent: [1], fields: { phase: 2 } },
    { host: 0, kind: 'receive', label: 'done', clock: [2, 2], received: 1, fields: { phase: 2 } },
  ],
  messages: [
    { id: 0, from: 0, to: 1, sendEvent: 0, receiveEvents: [1], fate: 'delivered', summary: 'req' },
    { id: 1, from: 1, to: 0, sendEvent: 2, receiveEvents: [3], fate: 'delivered', summary: 'reply' },
  ],
});

test('a round trip', () => {
  // (1,0): prev(s1)=req → next(s2)=got; s2 initial. (1,1): prev(s2)=got must precede next(s1)=done: yes.
  expect(sharedGlobalStates(exec).cuts.map((c) => [...c])).toEqual([
    [0, 0],
    [1, 0],
    [1, 1],
    [1, 2],
    [2, 2],
  ]);
  expect(isSharedGlobalState(exec, [0, 1])).toBe(false); // inconsistent
});

test('where filters, limits give unknown, listedMax stops the list', () => {
  const where = compilePredicate('p1.phase == 1 && p2.phase == 1', exec);
  if (!where.ok) throw new Error(where.error.message);
  const filtered = sharedGlobalStates(exec, { where: where.value });
  expect(filtered.cuts.map((c) => [...c])).toEqual([[1, 1]]);
  expect(filtered.witness!.cut).toEqual(Int32Array.from([1, 1]));
  const never = compilePredicate('p1.phase == 3', exec);
  if (!never.ok) throw new Error(never.error.message);
  expect(sharedGlobalStates(exec, { where: never.value }).verdict).toBe('fails');
  const limited = sharedGlobalStates(exec, { where: never.value, limits: { cutsMax: 2 } });
  expect(limited.verdict).toBe('unknown');
  expect(limited.stoppedBy).toBe('cutsMax (2) search nodes visited');
  const short = sharedGlobalStates(exec, { listedMax: 2 });
  expect(short.cuts.length).toBe(2);
  expect(short.complete).toBe(false);
  expect(short.verdict).toBe('holds');
});
