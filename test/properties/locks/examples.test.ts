import { describe, expect, it } from 'vitest';
import { buildExecution } from '../../../execution/build.js';
import type { Execution } from '../../../execution/types.js';
import { definitely } from '../../../properties/lattice/definitely.js';
import { possibly } from '../../../properties/lattice/possibly.js';
import { definitelyUnderLocks, possiblyUnderLocks } from '../../../properties/locks/modalities.js';
import type { CutPredicate } from '../../../properties/predicate-types.js';
import { LOCKS } from './lock-traces.js';

type Step = readonly [host: number, label: string, fields: Record<string, number>];

/** Builds a trace of independent threads (no happened-before between them) from each thread's steps, in order. */
function threads(...programs: readonly Step[][]): Execution {
  const n = programs.length;
  const events = programs.flatMap((steps, h) =>
    steps.map(([, label, fields], k) => ({ host: h, kind: 'internal' as const, label, clock: Array.from({ length: n }, (_, j) => (j === h ? k + 1 : 0)), fields })),
  );
  return buildExecution({ label: 'example', hosts: programs.map((_, h) => `t${h}`), events });
}

function fieldOf(exec: Execution, h: number, field: string, cut: Int32Array): number {
  return Number(exec.hostStates[h]![cut[h]!]![field] ?? 0);
}

const section = (h: number, lock: string): Step[] => [
  [h, `lock ${lock}`, { [`in_${lock}`]: 1 }],
  [h, 'write x', { x: h + 1 }],
  [h, `unlock ${lock}`, { [`in_${lock}`]: 0 }],
];

describe('hand-worked examples', () => {
  it('two threads, one lock: both inside is possible by happened-before alone, never under the lock', () => {
    const exec = threads(section(0, 'A'), section(1, 'A'));
    const bothInside: CutPredicate = {
      text: 'both inside A',
      evaluate: (cut) => fieldOf(exec, 0, 'in_A', cut) === 1 && fieldOf(exec, 1, 'in_A', cut) === 1,
      shape: { kind: 'general' },
    };
    expect(possibly(exec, bothInside).verdict).toBe('holds');
    const pos = possiblyUnderLocks(exec, bothInside, LOCKS);
    expect(pos.verdict).toBe('fails');
    // 16 consistent cuts (4 × 4); the lock removes the 4 with both threads at 1 or 2 events: 12 feasible.
    expect(pos.cutsVisited).toBe(12);
    expect(pos.deadlocks).toBe(0);
    expect(pos.levelReached).toBe(6);
  });

  it('Definitely that one thread is outside holds only under the lock', () => {
    const exec = threads(section(0, 'A'), section(1, 'A'));
    const oneOutside: CutPredicate = {
      text: 'someone outside A and t0 done or t1 done',
      evaluate: (cut) => (cut[0] === 3 && cut[1] === 0) || (cut[1] === 3 && cut[0] === 0),
      shape: { kind: 'general' },
    };
    // Under the lock every observation runs one section whole before the other starts: [3,0] or [0,3] is passed.
    expect(definitelyUnderLocks(exec, oneOutside, LOCKS).verdict).toBe('holds');
    const plain = definitely(exec, oneOutside);
    expect(plain.verdict).toBe('fails');
  });

  it('a deadlock of lock orders is an observation: Definitely judges the path that ends there', () => {
    // t0 takes A then B; t1 takes B then A. After [1,1] neither can go on.
    const exec = threads(
      [[0, 'lock A', {}], [0, 'lock B', {}], [0, 'unlock B', {}], [0, 'unlock A', { done: 1 }]],
      [[1, 'lock B', {}], [1, 'lock A', {}], [1, 'unlock A', {}], [1, 'unlock B', { done: 1 }]],
    );
    const someoneDone: CutPredicate = {
      text: 'someone done',
      evaluate: (cut) => fieldOf(exec, 0, 'done', cut) === 1 || fieldOf(exec, 1, 'done', cut) === 1,
      shape: { kind: 'general' },
    };
    // Every complete observation passes a cut where one thread is done, so happened-before alone says Definitely.
    expect(definitely(exec, someoneDone).verdict).toBe('holds');
    const def = definitelyUnderLocks(exec, someoneDone, LOCKS);
    expect(def.verdict).toBe('fails');
    expect(def.endsInDeadlock).toBe(true);
    expect(Array.from(def.witness!.cut)).toEqual([1, 1]);
    expect(def.witness!.path).toHaveLength(2);
    expect(def.deadlocks).toBeGreaterThan(0);
    // The final cut is still reachable (one thread runs whole first), so Possibly(final) holds.
    const atEnd: CutPredicate = { text: 'final', evaluate: (cut) => cut[0] === 4 && cut[1] === 4, shape: { kind: 'general' } };
    const pos = possiblyUnderLocks(exec, atEnd, LOCKS);
    expect(pos.verdict).toBe('holds');
    expect(pos.witness!.path).toHaveLength(8);
  });

  it('answers unknown with the counts reached when cutsMax stops it', () => {
    const exec = threads(section(0, 'A'), section(1, 'A'));
    const never: CutPredicate = { text: 'false', evaluate: () => false, shape: { kind: 'general' } };
    const pos = possiblyUnderLocks(exec, never, LOCKS, { cutsMax: 5 });
    expect(pos.verdict).toBe('unknown');
    expect(pos.cutsVisited).toBe(5);
    expect(pos.stoppedBy).toMatch(/cutsMax/);
    expect(possiblyUnderLocks(exec, never, LOCKS, { cutsMax: 12 }).verdict).toBe('fails');
    const def = definitelyUnderLocks(exec, never, LOCKS, { levelCutsMax: 1 });
    expect(def.verdict).toBe('unknown');
    expect(def.stoppedBy).toMatch(/levelCutsMax/);
  });

  it('reports progress every progressEvery cuts, without changing the answer', () => {
    const exec = threads(section(0, 'A'), section(1, 'A'));
    const never: CutPredicate = { text: 'false', evaluate: () => false, shape: { kind: 'general' } };
    const seen: number[] = [];
    const pos = possiblyUnderLocks(exec, never, LOCKS, { onProgress: (n) => seen.push(n), progressEvery: 4 });
    expect(pos.verdict).toBe('fails');
    expect(pos.cutsVisited).toBe(12);
    expect(seen).toEqual([4, 8, 12]);
  });
});
