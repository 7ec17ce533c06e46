import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executionHash } from '../../execution/hash.js';
import type { Execution, StateValue } from '../../execution/types.js';
import { weakConjunctive } from '../../properties/lattice/conjunctive.js';
import { findScenario } from '../../scenarios/index.js';
import { simulateUntilConjunction, type StateConjunct } from '../../sim/online.js';
import { simulate, type SimulationConfig } from '../../sim/simulator.js';
import { validatePlan } from '../../sim/validate.js';

function configOf(name: string, seed: number): SimulationConfig {
  const scenario = findScenario(name)!;
  const built = scenario.build({ bug: undefined, nodes: scenario.nodesDefault });
  const plan = validatePlan(built.faults, scenario.nodesDefault);
  if (!plan.ok) throw new Error(plan.error.message);
  return { protocol: built.protocol, nodeCount: scenario.nodesDefault, plan: plan.value, limits: built.limits ?? {}, seed };
}

/** Numeric fields the run's hosts set, with the values they take. */
function numericFields(exec: Execution): Map<string, number[]> {
  const seen = new Map<string, Set<number>>();
  for (const e of exec.events) {
    for (const [k, v] of Object.entries(e.fields)) if (typeof v === 'number') (seen.get(k) ?? seen.set(k, new Set()).get(k)!).add(v);
  }
  return new Map([...seen].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, vs]) => [k, [...vs].sort((a, b) => a - b)]));
}

/** A conjunct spec drawn by indices, resolved against the run's hosts, fields and values. */
interface Spec {
  readonly host: number;
  readonly field: number;
  readonly value: number;
  readonly atLeast: boolean;
}

function conjuncts(exec: Execution, specs: readonly Spec[]): StateConjunct[] {
  const fields = [...numericFields(exec)];
  if (fields.length === 0) return [];
  return specs.map((s) => {
    const [name, values] = fields[s.field % fields.length]!;
    const threshold = values[s.value % values.length]!;
    const test = (v: StateValue | undefined) => typeof v === 'number' && (s.atLeast ? v >= threshold : v === threshold);
    return { host: s.host % exec.hosts.length, holds: (state) => test(state[name]) };
  });
}

const arbSpec = fc.record({ host: fc.nat(20), field: fc.nat(20), value: fc.nat(50), atLeast: fc.boolean() });

describe('online conjunctive detection during a simulation', () => {
  for (const scenario of ['ping-pong', 'raft-election', 'safra', 'chain']) {
    it(`${scenario}: stops at the least satisfying cut, as offline detection finds it`, () => {
      let detections = 0;
      fc.assert(
        fc.property(fc.nat(10_000), fc.array(arbSpec, { minLength: 1, maxLength: 3 }), (seed, specs) => {
          const config = configOf(scenario, seed);
          const full = simulate(config);
          const conj = conjuncts(full.execution, specs);
          const hosts = [...new Set(conj.map((c) => c.host))];
          const locals = hosts.map((host) => ({
            host,
            holds: (k: number) => conj.every((c) => c.host !== host || c.holds(full.execution.hostStates[host]![k]!)),
          }));
          const offline = weakConjunctive(full.execution, 'conjunction', locals);
          const online = simulateUntilConjunction(config, conj);
          if (offline.verdict === 'holds') {
            detections++;
            expect(online.detected).toEqual(offline.witness!.cut);
            expect(online.result.endReason).toBe('observer-stop');
            // The stopped run is the full run up to the detecting event: same events, same clocks.
            const stopped = online.result.execution;
            const last = stopped.events.length - 1;
            expect(Array.from(stopped.events[last]!.clock)).toEqual(Array.from(full.execution.events[last]!.clock));
            expect(stopped.events.map((e) => e.label)).toEqual(full.execution.events.slice(0, last + 1).map((e) => e.label));
            // Detection happens exactly when the cut's last event arrives: the stopping event belongs to the cut.
            const e = stopped.events[last]!;
            expect(e.index).toBe(offline.witness!.cut[e.host]);
          } else {
            expect(online.detected).toBeUndefined();
            expect(executionHash(online.result.execution)).toBe(executionHash(full.execution));
          }
        }),
        { numRuns: 40, seed: 7 },
      );
      expect(detections).toBeGreaterThan(3);
    });
  }
});
