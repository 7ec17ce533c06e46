/** The lock-constrained checks from the package's index, as docs/locks.md's example uses them. */
import { describe, expect, it } from 'vitest';
import { buildExecution, LockTable, possibly, possiblyUnderLocks, reorderableSections } from '../../../index.js';

describe('the package index', () => {
  it("runs docs/locks.md's example", () => {
    const step = (host: number, k: number, label: string, inside: number) => ({
      host, kind: 'internal' as const, label, fields: { inside }, clock: host === 0 ? [k, 0] : [0, k],
    });
    const exec = buildExecution({
      label: 'two threads',
      hosts: ['t0', 't1'],
      events: [step(0, 1, 'lock A', 1), step(0, 2, 'unlock A', 0), step(1, 1, 'lock A', 1), step(1, 2, 'unlock A', 0)],
    });
    const bothInside = {
      text: 'both inside',
      evaluate: (cut: Int32Array) => exec.hostStates[0]![cut[0]!]!['inside'] === 1 && exec.hostStates[1]![cut[1]!]!['inside'] === 1,
      shape: { kind: 'general' as const },
    };
    expect(possibly(exec, bothInside).verdict).toBe('holds');
    const locks = { acquire: /^lock (\w+)$/, release: /^unlock (\w+)$/ };
    expect(possiblyUnderLocks(exec, bothInside, locks).verdict).toBe('fails');
    const table = new LockTable(exec, locks);
    expect(table.sections).toHaveLength(2);
    expect(reorderableSections(exec, table).pairs).toHaveLength(1);
  });
});
