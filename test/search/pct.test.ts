/**
 * PCT's guarantee, checked empirically: on a program with a known depth-2 bug (test/search/relay-race.ts), the share
 * of PCT runs (depth 2) that hit the bug is at least the PCT bound 1 / (w · k^(d-1)), with w = 6 links among 3 nodes
 * and k the program's events. Without a change point the bug is unreachable under PCT (fixed link priorities cannot
 * order both races the bug needs), so depth 1 never hits it: the hits come from the change point, as the theory
 * says. Seeds are fixed, so the counts are the same on every run.
 */
import { describe, expect, it } from 'vitest';
import { fuzz, replay } from '../../index.js';
import { relayRace } from './relay-race.js';

const RUNS = 3000;

describe('PCT on a depth-2 bug', () => {
  it('hits it at least as often as the bound 1 / (w · k^(d-1)) promises, and never at depth 1', () => {
    const depth2 = fuzz(relayRace, { seeds: RUNS, seedStart: 1, strategy: 'pct', depth: 2, outDir: false, shrink: false, reprosMax: 0 });
    const k = depth2.eventsTotal / depth2.runs;
    expect(k).toBe(9); // every run of the program has the same 9 events
    const links = 3 * 2;
    const bound = 1 / (links * k ** (2 - 1));
    const rate = depth2.failingSeeds.length / RUNS;
    expect(rate).toBeGreaterThanOrEqual(bound);
    const depth1 = fuzz(relayRace, { seeds: RUNS, seedStart: 1, strategy: 'pct', depth: 1, outDir: false, shrink: false, reprosMax: 0 });
    expect(depth1.failingSeeds).toEqual([]);
  });

  it('a failing PCT run replays from its schedule alone', () => {
    const result = fuzz(relayRace, { seeds: 400, seedStart: 1, strategy: 'pct', depth: 2, outDir: false, shrink: false, reprosMax: 1 });
    const repro = result.repros[0];
    expect(repro).toBeDefined();
    expect(repro!.run.ok).toBe(false);
    expect(repro!.run.violations.map((v) => v.property)).toEqual(['not-overtaken']);
    const again = replay(relayRace, repro!.run);
    expect(again.hashMatches).toBe(true);
    expect(again.ok).toBe(false);
    expect(repro!.run.replayWith.schedule).toBeDefined();
  });
});
