import { describe, expect, it } from 'vitest';
import { happenedBefore } from '../../../execution/clock.js';
import { assertPathReaches } from '../../../properties/lattice/path.js';
import { LockTable } from '../../../properties/locks/lock-model.js';
import { definitelyUnderLocks, possiblyUnderLocks } from '../../../properties/locks/modalities.js';
import { reorderableSections } from '../../../properties/locks/races.js';
import type { CutPredicate } from '../../../properties/predicate-types.js';
import { readShiVizFixture } from '../lattice/shiviz-fixture.js';

/**
 * WiredTiger's spin locks (`<name>.<address>__wt_spin_lock` / `_trylock`, held from the call's exit to the entry of
 * `_unlock`), named by name and address, and its file-system lock (`<address>__wt_fs_lock` / `_unlock`), named `fs`
 * (a function, to rename it). A trylock is taken as having succeeded: the log does not say.
 */
const spin = { acquire: /^Exiting (\w+\.0x[0-9a-f]+)__wt_spin_(?:try)?lock$/, release: /^Entering (\w+\.0x[0-9a-f]+)__wt_spin_unlock$/ };
const WIREDTIGER_LOCKS = {
  acquire: (label: string) => spin.acquire.exec(label)?.[1] ?? (/^Exiting 0x[0-9a-f]+__wt_fs_lock$/.test(label) ? 'fs' : undefined),
  release: (label: string) => spin.release.exec(label)?.[1] ?? (/^Entering 0x[0-9a-f]+__wt_fs_unlock$/.test(label) ? 'fs' : undefined),
};

describe('the tsviz fslock log under its locks', () => {
  const exec = readShiVizFixture('tsviz_fslock_24t_4sp.log')[0]!;
  const table = new LockTable(exec, WIREDTIGER_LOCKS);
  const inside = (lock: string, h: number, cut: Int32Array): boolean => {
    const l = table.names.indexOf(lock);
    return table.held[l]![h]?.[cut[h]!] === 1;
  };
  const twoInsideFs: CutPredicate = {
    text: 'two threads inside the fs lock',
    evaluate: (cut) => {
      let count = 0;
      for (let h = 0; h < exec.hosts.length; h++) if (inside('fs', h, cut)) count++;
      return count >= 2;
    },
    shape: { kind: 'general' },
  };

  it('finds its locks and critical sections', () => {
    expect(exec.hosts.length).toBe(30);
    expect(table.names).toContain('fs');
    expect(table.names.length).toBeGreaterThanOrEqual(3);
    expect(table.sections.filter((s) => s.lock === 'fs').length).toBeGreaterThan(90);
  });

  it('answers within its limits, with consistent counts', () => {
    const cutsMax = 20_000;
    const pos = possiblyUnderLocks(exec, twoInsideFs, table, { cutsMax });
    if (pos.verdict === 'unknown') {
      expect(pos.cutsVisited).toBe(cutsMax);
      expect(pos.stoppedBy).toMatch(/cutsMax/);
    } else expect(pos.verdict).toBe('fails');
    expect(pos.levelReached).toBeGreaterThan(0);
    expect(pos.levelReached).toBeLessThanOrEqual(exec.events.length);
    const def = definitelyUnderLocks(exec, twoInsideFs, table, { cutsMax });
    expect(['unknown', 'fails']).toContain(def.verdict);
    expect(def.cutsVisited).toBeLessThanOrEqual(cutsMax);
  });

  it('a thread inside the fs lock is possible, with a feasible path to it', () => {
    const someoneInside: CutPredicate = {
      text: 'a thread inside the fs lock',
      evaluate: (cut) => exec.hosts.some((_, h) => inside('fs', h, cut)),
      shape: { kind: 'general' },
    };
    const pos = possiblyUnderLocks(exec, someoneInside, table, { cutsMax: 200_000 });
    expect(pos.verdict).toBe('holds');
    const { cut, path } = pos.witness!;
    assertPathReaches(exec, path!, cut);
    expect(someoneInside.evaluate(cut)).toBe(true);
    expect(pos.cutsVisited).toBeLessThanOrEqual(200_000);
  });

  it('its clocks already order every two fs sections, so none is reorderable', () => {
    // tsviz derives the clocks from the lock hand-offs: each fs release happened before the next thread's acquire.
    const fs = table.sections.filter((s) => s.lock === 'fs');
    let pairs = 0;
    for (const [i, a] of fs.entries()) {
      for (const b of fs.slice(i + 1)) {
        if (a.host === b.host) continue;
        pairs++;
        expect(a.release !== undefined && happenedBefore(exec, a.release, b.acquire)).toBe(true);
      }
    }
    expect(pairs).toBe(4636);
    const report = reorderableSections(exec, table, { cutsMax: 20_000 });
    expect(report.pairs.filter((p) => p.lock === 'fs')).toEqual([]);
    if (!report.complete) expect(report.cutsVisited).toBe(20_000);
  });
});
