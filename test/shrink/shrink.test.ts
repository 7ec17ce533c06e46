import { describe, expect, it } from 'vitest';
import { shrinkFailure } from '../../search/shrink/shrink.js';
import { firstFailure, rerun, violates } from './helpers.js';

const CASES = [
  { scenario: 'ping-pong', bug: 'count-duplicates', property: 'pongs-match-rounds' },
  { scenario: 'ping-pong', bug: 'no-retry', property: 'all-rounds-done' },
  // A ¬Possibly property: the shrunk run must still possibly violate it (observed or predicted).
  { scenario: 'ewd840', bug: 'no-blacken-on-send', property: 'no-false-detection' },
] as const;

describe('shrinkFailure on bug variants', () => {
  for (const { scenario, bug, property } of CASES) {
    it(`${scenario} ${bug}: the shrunk run still violates ${property}, is smaller, and replays to the same hash`, () => {
      const original = firstFailure(scenario, bug, property);
      const shrunk = shrinkFailure(original, property);
      expect(shrunk.ok).toBe(true);
      if (!shrunk.ok) return;
      const { report, stats, steps } = shrunk.value;
      expect(violates(report, property)).toBe(true);
      // The recorded trace hash comes back, twice.
      const a = rerun(report);
      const b = rerun(report);
      expect(a.traceHash).toBe(report.traceHash);
      expect(b.traceHash).toBe(report.traceHash);
      expect(violates(a, property)).toBe(true);
      expect(a.fallbackCount).toBe(0);
      // Stats describe the runs.
      expect(stats.eventsBefore).toBe(original.events);
      expect(stats.eventsAfter).toBe(report.events);
      expect(stats.scheduleBefore).toBe(original.schedule.length);
      expect(stats.scheduleAfter).toBe(report.schedule.length);
      expect(stats.eventsAfter).toBeLessThan(stats.eventsBefore);
      expect(stats.faultsAfter).toBeLessThanOrEqual(stats.faultsBefore);
      expect(stats.runs).toBeGreaterThan(0);
      expect(steps.length).toBeGreaterThan(0);
      expect(steps.at(-1)!.events).toBe(report.events);
    });
  }

  it('refuses a run that does not violate the property', () => {
    const original = firstFailure('ping-pong', 'count-duplicates', 'pongs-match-rounds');
    const r = shrinkFailure(original, 'all-rounds-done');
    expect(r.ok).toBe(false);
  });

  it('is deterministic: the same failure shrinks to the same schedule', () => {
    const original = firstFailure('ping-pong', 'count-duplicates', 'pongs-match-rounds');
    const a = shrinkFailure(original, 'pongs-match-rounds');
    const b = shrinkFailure(original, 'pongs-match-rounds');
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.value.report.traceHash).toBe(b.value.report.traceHash);
  });

  it('stops at its run limit and still returns a failing run', () => {
    const original = firstFailure('ping-pong', 'count-duplicates', 'pongs-match-rounds');
    const r = shrinkFailure(original, 'pongs-match-rounds', { runsMax: 3 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.stopReason).toBe('runs-limit');
    expect(r.value.runs).toBeLessThanOrEqual(3);
    expect(violates(r.value.report, 'pongs-match-rounds')).toBe(true);
  });

  it('stops at its time budget (a clock that jumps 1 s per reading)', () => {
    const original = firstFailure('ping-pong', 'no-retry', 'all-rounds-done');
    let t = 0;
    const r = shrinkFailure(original, 'all-rounds-done', { timeBudgetMs: 5_000, now: () => (t += 1_000) });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.stopReason).toBe('time-budget');
  });
});
