import { describe, expect, it } from 'vitest';
import { fuzz, replay, run, shrink } from '../../api/index.js';
import { kvScenario } from './kv-scenario.js';

const opsOf = (h: readonly { type: string }[]): number => h.filter((e) => e.type === 'invoke').length;

describe('a workload-driven key-value scenario', () => {
  it('finds the backup-reads bug with the random strategy, shrinks it and replays it', () => {
    const r = fuzz(kvScenario, { bug: 'backup-reads', seeds: 200, shrink: false, outDir: false, failingSeedsMax: 1 });
    expect(r.ok).toBe(false);
    const failing = r.firstFailure!;
    expect(failing.violations[0]!.property).toBe('linearizable');
    expect(failing.violations[0]!.message).toContain('not linearizable (model kv');
    const shrunk = shrink(kvScenario, failing, { runsMax: 300 });
    expect(shrunk.property).toBe('linearizable');
    // Shrinking the choices reaches a run with fewer operations (a shorter run cut by the shrinker's event limit,
    // or fewer invokes before the violation).
    expect(opsOf(shrunk.run.history)).toBeLessThan(opsOf(failing.history));
    const again = replay(kvScenario, shrunk.run);
    expect(again.hashMatches).toBe(true);
    expect(again.ok).toBe(false);
    expect(again.violations[0]!.property).toBe('linearizable');
  });

  it('the correct store passes 300 seeds with random faults, and 100 swarm seeds', () => {
    const r = fuzz(kvScenario, { seeds: 300, shrink: false, outDir: false });
    expect(r.failures.map((f) => `${f.seed}: ${f.message}`)).toEqual([]);
    expect(r.undecided).toEqual([]);
    const s = fuzz(kvScenario, { seeds: 100, swarm: true, shrink: false, outDir: false });
    expect(s.failures.map((f) => `${f.seed}: ${f.message}`)).toEqual([]);
  });

  it.each(['pct', 'pos', 'coverage'] as const)('the %s strategy runs workload scenarios and finds the bug too', (strategy) => {
    const r = fuzz(kvScenario, { bug: 'backup-reads', seeds: 40, strategy, shrink: false, outDir: false, failingSeedsMax: 1 });
    expect(r.ok).toBe(false);
    expect(r.firstFailure!.protocolError).toBeUndefined();
    expect(r.firstFailure!.violations[0]!.property).toBe('linearizable');
  });

  it('every run of the correct store ends with each client reading each key once, after the heal', () => {
    const r = run(kvScenario, { seed: 7 });
    expect(r.ok).toBe(true);
    const finals = r.history.filter((e) => e.type === 'invoke' && e.timeTicks! >= 200);
    expect(finals.every((e) => e.f === 'get')).toBe(true);
    expect(r.history.filter((e) => e.type === 'invoke').length).toBe(40 + 3 * 2);
  });
});
