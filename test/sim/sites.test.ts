/**
 * Choice sites (sim/sites.ts, sim/chooser.ts): naming sites changes nothing in a run, every choice of a run has its
 * own key, deciding a run by site reproduces it exactly, and an edit by site stays local.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario, type RunReport } from '../../sim/run.js';

const SCENARIOS = ['raft-election', 'raft-election/partitions', 'chain/join', 'safra/large', 'ring-election', 'ping-pong'];

function run(scenario: string, seed: number, extra: Parameters<typeof runScenario>[1] = { seed }): RunReport {
  const r = runScenario(scenario, { ...extra, seed });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function byKey(r: RunReport): Map<string, number> {
  return new Map(r.siteKeys!.map((k, i) => [k, r.schedule[i]!.value]));
}

describe('choice sites', () => {
  it('naming sites leaves the run as it is; every key is unique; deciding by site replays the run exactly', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIOS), fc.integer({ min: 0, max: 1_000_000 }), (scenario, seed) => {
        const plain = run(scenario, seed);
        const sited = run(scenario, seed, { seed, sites: {} });
        expect(sited.traceHash).toBe(plain.traceHash);
        expect(sited.siteKeys).toHaveLength(sited.schedule.length);
        const keyed = byKey(sited);
        expect(keyed.size).toBe(sited.schedule.length);
        const replayed = run(scenario, seed + 1, { seed: seed + 1, sites: { keyed } });
        expect(replayed.traceHash).toBe(plain.traceHash);
        expect(replayed.schedule).toEqual(plain.schedule);
      }),
      { numRuns: 24 },
    );
  });

  it('losing one message by site keeps every decision made before it and every site that still happens elsewhere', () => {
    const original = run('raft-election', 3, { seed: 3, sites: {} });
    const keyed = byKey(original);
    const index = original.siteKeys!.findIndex((k, i) => k.endsWith('|drop#0') && original.schedule[i]!.value === 0 && i > 20);
    const lost = original.siteKeys![index]!;
    const edited = run('raft-election', 3, { seed: 3, sites: { keyed: new Map([...keyed, [lost, 1]]) } });
    // The prefix up to the edit is the same run.
    expect(edited.schedule.slice(0, index)).toEqual(original.schedule.slice(0, index));
    expect(edited.schedule[index]).toEqual({ kind: 'drop', value: 1 });
    // Decisions whose sites still happen keep their values.
    const after = byKey(edited);
    let kept = 0;
    for (const [site, value] of after) {
      if (site === lost || !keyed.has(site)) continue;
      expect(value, site).toBe(keyed.get(site));
      kept++;
    }
    expect(kept).toBeGreaterThan(index);
  });

  it('a site absent from the keyed values takes the fallback of its kind, clamped into its range', () => {
    const lossy = run('raft-election', 5, { seed: 5, eventsMax: 200, sites: { keyed: new Map(), fallbackByKind: new Map([['drop', 1]]) } });
    const drops = lossy.schedule.filter((c) => c.kind === 'drop');
    expect(drops.length).toBeGreaterThan(0);
    expect(drops.every((c) => c.value === 1)).toBe(true);
    const slow = run('raft-election', 5, { seed: 5, eventsMax: 200, sites: { keyed: new Map(), fallbackByKind: new Map([['delay', 1e9]]) } });
    const delays = slow.schedule.filter((c) => c.kind === 'delay').map((c) => c.value);
    expect(delays.length).toBeGreaterThan(0);
    expect(new Set(delays)).toEqual(new Set([25])); // RAFT_NETWORK.delayTicksMax
  });

  it('choices after a restart inside a random fault step belong to the step', () => {
    // raft-election/partitions under votedfor-not-persisted: a crash is restarted in the same step, which then draws
    // its partition choice.
    for (let seed = 1; seed < 200; seed++) {
      const r = run('raft-election/partitions', seed, { seed, bug: 'votedfor-not-persisted', sites: {} });
      const keys = r.siteKeys!;
      const i = keys.findIndex((k) => k.startsWith('r') && k.includes('|choose:'));
      if (i < 0 || keys[i + 1] === undefined || !r.schedule[i + 1]!.kind.startsWith('fault:')) continue;
      expect(keys[i + 1]).toMatch(/^f@\d+\|fault:/);
      return;
    }
    throw new Error('no run with a restart inside a fault step followed by a fault choice');
  });
});
