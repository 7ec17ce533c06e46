import { describe, expect, it } from 'vitest';
import { buildExecution } from '../../../execution/build.js';
import { lockModelFromPatterns } from '../../../formats/lock-patterns.js';
import { LockTable, type LockModel } from '../../../properties/locks/lock-model.js';

/** One thread's labels as an execution. */
function thread(...labels: string[]) {
  return buildExecution({
    label: 'one thread',
    hosts: ['t0'],
    events: labels.map((label, k) => ({ host: 0, kind: 'internal' as const, label, clock: [k + 1], fields: {} })),
  });
}

const sectionsOf = (table: LockTable) => table.sections.map((s) => [s.lock, s.acquireIndex, s.releaseIndex]);

describe('the lock model', () => {
  it('nests a re-entrant acquire, ignores a release of a lock not held, and keeps a section the trace ends in', () => {
    const exec = thread('unlock B', 'lock A', 'lock A', 'unlock A', 'work', 'unlock A', 'lock B');
    const table = new LockTable(exec, { acquire: /^lock (\w+)$/, release: /^unlock (\w+)$/ });
    expect(sectionsOf(table)).toEqual([['A', 2, 6], ['B', 7, Infinity]]);
    expect(Array.from(table.takes)).toEqual([-1, 0, -1, -1, -1, -1, 1]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((k) => table.heldBy(0, k))).toEqual([[], [], [0], [0], [0], [0], [], [1]]);
  });

  it('names a lock by the group `lock`, else the first group that matched, else one unnamed lock', () => {
    const exec = thread('take 7 x', 'drop 7 x', 'take y', 'drop y', 'P', 'V');
    const grouped: LockModel = { acquire: /^take (?:(\d+) )?(?<lock>\w+)$/g, release: /^drop (?:(\d+) )?(\w+)$/ };
    // The release has no group `lock`: it names "7" (its first group), so the section of "x" is never released.
    expect(sectionsOf(new LockTable(exec, grouped))).toEqual([['x', 1, Infinity], ['y', 3, 4]]);
    const first: LockModel = { acquire: /^take (?:(\d+) )?(\w+)$/, release: /^drop (?:(\d+) )?(\w+)$/ };
    expect(sectionsOf(new LockTable(exec, first))).toEqual([['7', 1, 2], ['y', 3, 4]]);
    expect(sectionsOf(new LockTable(exec, { acquire: /^P$/, release: /^V$/ }))).toEqual([['', 5, 6]]);
    const fn: LockModel = { acquire: (l) => (l === 'P' ? 'sem' : undefined), release: (l) => (l === 'V' ? 'sem' : undefined) };
    expect(sectionsOf(new LockTable(exec, fn))).toEqual([['sem', 5, 6]]);
  });

  it('reads the same from the command line regexes, and rejects a bad one', () => {
    const exec = thread('take 7 x', 'drop 7 x', 'take y', 'drop y');
    const cli = lockModelFromPatterns('^take (?:(\\d+) )?(\\w+)$', '^drop (?:(\\d+) )?(\\w+)$');
    expect(cli.ok && sectionsOf(new LockTable(exec, cli.value))).toEqual([['7', 1, 2], ['y', 3, 4]]);
    const named = lockModelFromPatterns('^take (?:\\d+ )?(?<lock>\\w+)$', '^drop (?:\\d+ )?(?<lock>\\w+)$');
    expect(named.ok && sectionsOf(new LockTable(exec, named.value))).toEqual([['x', 1, 2], ['y', 3, 4]]);
    const bad = lockModelFromPatterns('^take', '(a)\\1');
    expect(bad.ok ? undefined : bad.error.message).toMatch(/^the release regex uses a backreference/);
  });
});
