import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExecution } from '../../../execution/build.js';
import { isConsistentCut } from '../../../execution/clock.js';
import { countCutsBfs } from '../../../properties/lattice/bfs-count.js';
import { CutSpace } from '../../../properties/lattice/cut-space.js';
import { CutStore } from '../../../properties/lattice/cut-store.js';
import { countCuts, LexicalCuts } from '../../../properties/lattice/lexical.js';
import { arbComputation, bruteForceCuts, twoIndependentProcesses } from '../../helpers/brute-force.js';
import { readPosetFixture } from './poset-fixture.js';

const key = (c: ArrayLike<number>): string => Array.from(c).join(',');

describe('counting consistent cuts', () => {
  it('lexical and breadth-first counts agree with brute force', () => {
    fc.assert(
      fc.property(arbComputation({ eventsPerHostMax: 4 }), (exec) => {
        const expected = bruteForceCuts(exec).length;
        expect(countCuts(exec)).toEqual({ verdict: 'complete', count: expected, cutsVisited: expected });
        expect(countCutsBfs(exec).count).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('the lexical enumeration visits exactly the consistent cuts, once each, in lexical order', () => {
    fc.assert(
      fc.property(arbComputation({ eventsPerHostMax: 4 }), (exec) => {
        const seen: string[] = [];
        const cuts = new LexicalCuts(new CutSpace(exec));
        let previous: Int32Array | undefined;
        while (cuts.next()) {
          expect(isConsistentCut(exec, cuts.cut)).toBe(true);
          if (previous !== undefined) expect(lexicallyLess(previous, cuts.cut)).toBe(true);
          previous = Int32Array.from(cuts.cut);
          seen.push(key(cuts.cut));
        }
        expect(cuts.next()).toBe(false);
        expect(new Set(seen)).toEqual(new Set(bruteForceCuts(exec).map(key)));
        expect(seen.length).toBe(new Set(seen).size);
      }),
      { numRuns: 200 },
    );
  });

  it('handles one host, and no events', () => {
    const one = buildExecution({
      label: 'one',
      hosts: ['a'],
      events: [1, 2, 3].map((k) => ({ host: 0, kind: 'internal' as const, label: '', clock: [k], fields: {} })),
    });
    expect(countCuts(one).count).toBe(4);
    expect(countCutsBfs(one).count).toBe(4);
    const none = buildExecution({ label: 'none', hosts: ['a', 'b'], events: [] });
    expect(countCuts(none).count).toBe(1);
    expect(countCutsBfs(none).count).toBe(1);
  });

  it('two independent processes of two events have 9 cuts', () => {
    const exec = twoIndependentProcesses();
    expect(countCuts(exec).count).toBe(9);
    expect(countCutsBfs(exec).count).toBe(9);
  });

  it('a tiny cutsMax or levelCutsMax answers unknown with the counts reached', () => {
    const exec = readPosetFixture('d-50');
    const lexical = countCuts(exec, { cutsMax: 1000 });
    expect(lexical.verdict).toBe('unknown');
    expect(lexical.count).toBe(1000);
    expect(lexical.stoppedBy).toMatch(/cutsMax/);
    const bfs = countCutsBfs(exec, { cutsMax: 1000 });
    expect(bfs).toMatchObject({ verdict: 'unknown', count: 1000 });
    const level = countCutsBfs(exec, { levelCutsMax: 50 });
    expect(level.verdict).toBe('unknown');
    expect(level.stoppedBy).toMatch(/levelCutsMax/);
  });

  it('the cut store packs, deduplicates and reads back cuts with tags', () => {
    const exec = readPosetFixture('d-100');
    const space = new CutSpace(exec);
    const store = new CutStore(space, true);
    const cuts = new LexicalCuts(space);
    const out = space.emptyCut();
    const all: Int32Array[] = [];
    while (cuts.next() && all.length < 5000) all.push(Int32Array.from(cuts.cut));
    all.forEach((c, i) => expect(store.add(c, i % 3)).toBe(i));
    all.forEach((c, i) => {
      expect(store.add(c, i % 3)).toBe(i);
      expect(store.added).toBe(false);
      expect(store.read(i, out)).toBe(i % 3);
      expect(key(out)).toBe(key(c));
    });
    store.add(all[0]!, 1);
    expect(store.added).toBe(true);
  });
});

describe('posets with known cut counts', () => {
  const known: [string, number][] = [
    ['d-10', 768],
    ['d-50', 590_976],
    ['d-100', 1_177_996],
    ['d-300', 42_695_907],
  ];
  for (const [name, count] of known) {
    it(`${name} has ${count} consistent cuts (lexical)`, () => {
      expect(countCuts(readPosetFixture(name))).toEqual({ verdict: 'complete', count, cutsVisited: count });
    });
  }
  for (const [name, count] of known.slice(0, 3)) {
    it(`${name} has ${count} consistent cuts (breadth-first)`, () => {
      expect(countCutsBfs(readPosetFixture(name)).count).toBe(count);
    });
  }
});

function lexicallyLess(a: Int32Array, b: Int32Array): boolean {
  for (let h = 0; h < a.length; h++) if (a[h] !== b[h]) return a[h]! < b[h]!;
  return false;
}

describe('level trail', () => {
  it('rebuilds a path from parent pointers, and drops itself past its byte budget', async () => {
    const { LevelTrail } = await import('../../../properties/lattice/level-trail.js');
    const exec = buildExecution({
      label: 'chain',
      hosts: ['a', 'b'],
      events: [
        { host: 0, kind: 'send', label: '', clock: [1, 0], fields: {} },
        { host: 1, kind: 'receive', label: '', clock: [1, 1], fields: {} },
      ],
    });
    const space = new CutSpace(exec);
    const trail = new LevelTrail();
    trail.record(0, 0, 0);
    trail.closeLevel(1);
    trail.record(0, 0, 1);
    expect(trail.pathTo(space, 2, 0, Int32Array.from([1, 1]))).toEqual([0, 1]);
    const tiny = new LevelTrail(4);
    tiny.record(0, 0, 0);
    tiny.closeLevel(1);
    expect(tiny.dropped).toBe(true);
    expect(tiny.pathTo(space, 1, 0, Int32Array.from([1, 0]))).toBeUndefined();
  });
});
