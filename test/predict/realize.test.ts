import { describe, expect, it } from 'vitest';
import { classifyProperty, classifyViolations, passesThrough, realizePredicted, REALIZE_RUNS_MAX_DEFAULT } from '../../search/predict/index.js';
import { runScenario, type RunReport } from '../../sim/run.js';

/** Failing runs of a variant whose `property` violation is predicted (seeds 1..seedsMax). */
function predictedRuns(scenario: string, bug: string, property: string, seedsMax: number): RunReport[] {
  const out: RunReport[] = [];
  for (let seed = 1; seed <= seedsMax; seed++) {
    const run = runScenario(scenario, { seed, bug });
    if (run.ok && classifyProperty(run.value, property)?.kind === 'predicted') out.push(run.value);
  }
  return out;
}

describe('predicted violations', () => {
  it('a ¬Possibly violation at a cut the run never passed through is predicted, with the events that overtook it', () => {
    const runs = predictedRuns('ewd840', 'no-blacken-on-send', 'no-false-detection', 20);
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) {
      const c = classifyProperty(r, 'no-false-detection')!;
      if (c.kind !== 'predicted') continue;
      expect(passesThrough(r.execution, c.cut)).toBe(false);
      expect(c.eventsAhead.length).toBeGreaterThan(0);
      for (const id of c.eventsAhead) expect(r.execution.events[id]!.index).toBeGreaterThan(c.cut[r.execution.events[id]!.host]!);
    }
  });

  it('violations without a cut (checked on the run itself) are observed', () => {
    const run = runScenario('ping-pong', { seed: 1, bug: 'count-duplicates' });
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    const classified = classifyViolations(run.value);
    expect(classified.length).toBeGreaterThan(0);
    for (const c of classified) expect(c.kind).toBe('observed');
  });

  it('realizing a predicted violation gives a run that observes it, and that run replays exactly', () => {
    const runs = predictedRuns('safra', 'announce-on-white-token', 'no-false-detection', 40);
    let realized = 0;
    for (const r of runs) {
      const z = realizePredicted(r, 'no-false-detection');
      expect(z.runs).toBeLessThanOrEqual(REALIZE_RUNS_MAX_DEFAULT);
      if (!z.realized) continue;
      realized++;
      expect(classifyProperty(z.report, 'no-false-detection')?.kind).toBe('observed');
      const again = runScenario(z.report.scenario, {
        seed: z.report.seed,
        bug: z.report.bug,
        nodes: z.report.nodes,
        eventsMax: z.report.eventsMax,
        timeTicksMax: z.report.timeTicksMax,
        swarm: z.report.swarm,
        scriptedFaultsSkipped: z.report.scriptedFaultsSkipped,
        schedule: z.report.schedule,
      });
      expect(again.ok && again.value.traceHash).toBe(z.report.traceHash);
    }
    expect(realized).toBeGreaterThan(0);
  });
});
