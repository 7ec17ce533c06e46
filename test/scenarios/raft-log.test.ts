import { describe, expect, test } from 'vitest';
import { appendEntries, candidateUpToDate } from '../../protocols/raft/log-follower.js';
import { parseLog } from '../../protocols/raft/log-types.js';
import {
  checkLeaderCompleteness,
  checkLogMatching,
  checkStateMachineSafety,
  type LogSnapshot,
} from '../../scenarios/properties/raft-log.js';
import { raftLogAbstractState } from '../../scenarios/raft-log.js';
import type { Execution } from '../../execution/types.js';
import { runScenario } from '../../sim/run.js';

function mustRun(...args: Parameters<typeof runScenario>) {
  const r = runScenario(...args);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Failing seeds and the first property they violate, from the measurement in docs/hard-bugs/raft-log.md. */
const FAILING = [
  ['commit-earlier-term', 7445, 'leader-completeness'],
  ['commit-earlier-term', 5177, 'state-machine-safety'],
  ['truncate-on-any-append', 1029, 'leader-completeness'],
] as const;

/** A hand-built execution: only `hosts` and `events` (for ids and ticks) are read by the checks' messages. */
const exec = {
  hosts: ['p0', 'p1', 'p2'],
  events: Array.from({ length: 10 }, (_, id) => ({ id, timeTicks: id * 10 })),
} as unknown as Execution;

function snap(host: number, eventId: number, term: number, log: string, commit: number, leader = false): LogSnapshot {
  return { host, eventId, term, leader, commit, log, entries: parseLog(log) };
}

describe('raft-log scenario', () => {
  test('the correct protocol passes 100 seeds', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const r = mustRun('raft-log', { seed });
      expect(r.violations, `seed ${seed}`).toEqual([]);
      expect(r.protocolError).toBeUndefined();
    }
  });

  test.each(FAILING)('%s fails on seed %i (%s), and the correct protocol does not', (bug, seed, property) => {
    const r = mustRun('raft-log', { seed, bug });
    expect(r.violations.map((v) => v.property)).toContain(property);
    expect(mustRun('raft-log', { seed }).ok).toBe(true);
  });

  test('state machine safety: different entries at a committed index (Figure 8, end)', () => {
    const ok = [snap(0, 1, 2, '1:100 2:200', 2), snap(1, 2, 3, '1:100 2:200 3:310', 1)];
    expect(checkStateMachineSafety(exec, ok).ok).toBe(true);
    const bad = [snap(0, 1, 4, '1:100 2:200', 2), snap(1, 2, 5, '1:100 3:310', 2)];
    const verdict = checkStateMachineSafety(exec, bad);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toBe('index 2 was committed as 2:200 by p0 (event 1, tick 10) and as 3:310 by p1 (event 2, tick 20)');
  });

  test('leader completeness: a leader of a later term without a committed entry', () => {
    const committed = snap(0, 1, 4, '1:100 2:200', 2, true);
    expect(checkLeaderCompleteness(exec, [committed, snap(1, 3, 5, '1:100 2:200 5:500', 0, true)]).ok).toBe(true);
    // a leader of the same term or an earlier one need not hold it
    expect(checkLeaderCompleteness(exec, [committed, snap(2, 4, 3, '1:100 3:300', 0, true)]).ok).toBe(true);
    const verdict = checkLeaderCompleteness(exec, [committed, snap(2, 5, 5, '1:100 3:300', 0, true)]);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toMatch(/^2:200 at index 2, committed in term 4 by p0 .* is missing from the log of p2 \(event 5, tick 50\), leader of term 5/);
  });

  test('log matching: same index and term, different prefixes', () => {
    expect(checkLogMatching(exec, [snap(0, 1, 2, '1:100 2:200', 0), snap(1, 2, 2, '1:100 2:200 2:201', 0)]).ok).toBe(true);
    expect(checkLogMatching(exec, [snap(0, 1, 2, '1:100 2:200', 0), snap(1, 2, 2, '1:101 2:200', 0)]).ok).toBe(false);
  });

  test('AppendEntries truncates only on a conflict; the bug truncates on any request with entries', () => {
    const log = parseLog('1:100 1:101 1:102');
    const stale = appendEntries(log, 1, 1, parseLog('1:101'), undefined);
    expect(stale).toEqual({ matched: true, log, changed: false });
    expect(appendEntries(log, 1, 1, parseLog('2:200'), undefined)).toEqual({ matched: true, log: parseLog('1:100 2:200'), changed: true });
    expect(appendEntries(log, 3, 2, [], undefined)).toEqual({ matched: false });
    expect(appendEntries(log, 1, 1, parseLog('1:101'), 'truncate-on-any-append')).toEqual({ matched: true, log: parseLog('1:100 1:101'), changed: true });
    expect(candidateUpToDate(log, 2, 2)).toBe(true);
    expect(candidateUpToDate(log, 2, 1)).toBe(false);
  });

  test('the abstract state names role, log ahead of commit and uncommitted entries of older terms', () => {
    expect(raftLogAbstractState({ role: 'leader', term: 4, commit: 1, log: '1:100 2:200' }, 0)).toBe('leader|log>commit:true|uncommitted-older-term:true');
    expect(raftLogAbstractState({ role: 'follower', term: 2, commit: 2, log: '1:100 2:200' }, 1)).toBe('follower|log>commit:false|uncommitted-older-term:false');
  });
});
