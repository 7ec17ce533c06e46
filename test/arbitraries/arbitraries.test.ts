import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dsimSchedule, faultPlan } from '../../arbitraries/index.js';
import { pingPongProtocol } from '../../scenarios/ping-pong.js';
import { runScenario } from '../../sim/run.js';
import { simulate } from '../../sim/simulator.js';
import { validatePlan } from '../../sim/validate.js';

const FAULT_KINDS = new Set(['drop', 'duplicate']);

describe('dsimSchedule', () => {
  it('generates schedules that replay exactly (no choice falls back to a default)', () => {
    fc.assert(
      fc.property(dsimSchedule('ping-pong'), (schedule) => {
        const a = runScenario('ping-pong', { seed: 0, schedule });
        const b = runScenario('ping-pong', { seed: 0, schedule });
        expect(a.ok && b.ok).toBe(true);
        if (!a.ok || !b.ok) return;
        expect(a.value.fallbackCount).toBe(0);
        expect(a.value.traceHash).toBe(b.value.traceHash);
        expect(a.value.schedule).toEqual(schedule);
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('fast-check finds a ping-pong count-duplicates failure and shrinks it to one duplicated message', () => {
    const result = fc.check(
      fc.property(dsimSchedule('ping-pong', { bug: 'count-duplicates' }), (schedule) => {
        const run = runScenario('ping-pong', { seed: 0, bug: 'count-duplicates', schedule });
        return run.ok && run.value.ok;
      }),
      { numRuns: 200, seed: 42 },
    );
    expect(result.failed).toBe(true);
    const [schedule] = result.counterexample!;
    const run = runScenario('ping-pong', { seed: 0, bug: 'count-duplicates', schedule });
    expect(run.ok && run.value.violations.map((v) => v.property)).toContain('pongs-match-rounds');
    const faults = schedule.filter((c) => FAULT_KINDS.has(c.kind) && c.value === 1);
    expect(faults).toEqual([{ kind: 'duplicate', value: 1 }]);
    expect(result.numShrinks).toBeGreaterThan(0);
  });

  it('refuses an unknown scenario', () => {
    expect(() => dsimSchedule('no-such-scenario')).toThrow(/unknown scenario/);
  });
});

describe('faultPlan', () => {
  it('every plan is valid and runs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }).chain((nodes) => fc.tuple(fc.constant(nodes), faultPlan({ nodes }))), ([nodes, plan]) => {
        expect(validatePlan(plan, nodes).ok).toBe(true);
        const out = simulate({ protocol: pingPongProtocol(undefined), nodeCount: nodes, plan, seed: 1, limits: { timeTicksMax: 2_500 } });
        expect(out.eventCount).toBeGreaterThan(0);
      }),
      { numRuns: 50, seed: 3 },
    );
  });

  it('shrinks towards the calm network', () => {
    const result = fc.check(
      fc.property(faultPlan({ nodes: 3 }), (plan) => plan.network.loss[0] === 0),
      { seed: 11 },
    );
    expect(result.failed).toBe(true);
    const [plan] = result.counterexample!;
    expect(plan.network.loss).toEqual([1, 100]);
    expect(plan.network.duplication[0]).toBe(0);
    expect(plan.scripted).toEqual([]);
  });
});
