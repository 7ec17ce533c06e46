/** Runs chain scenarios directly through the simulator (the registry is wired by the lead). */
import { chainScenarios } from '../../../scenarios/chain.js';
import type { Scenario } from '../../../scenarios/types.js';
import { simulate, type SimulationResult } from '../../../sim/simulator.js';
import { validatePlan } from '../../../sim/validate.js';

export type ChainScenarioName = keyof typeof chainScenarios;

export interface ChainRun {
  readonly outcome: SimulationResult;
  /** Violated property names with messages. */
  readonly violations: readonly { readonly property: string; readonly message: string }[];
}

/** One run of a chain scenario; a protocol error counts as the violation `protocol-error`. */
export function runChain(name: ChainScenarioName, seed: number, bug?: string, nodes?: number): ChainRun {
  const scenario: Scenario = chainScenarios[name];
  const n = nodes ?? scenario.nodesDefault;
  const built = scenario.build({ bug, nodes: n });
  const plan = validatePlan(built.faults, n, name);
  if (!plan.ok) throw new Error(plan.error.message);
  const outcome = simulate({ protocol: built.protocol, nodeCount: n, plan: plan.value, limits: built.limits ?? {}, seed });
  const violations: { property: string; message: string }[] = [];
  if (outcome.protocolError !== undefined) violations.push({ property: 'protocol-error', message: outcome.protocolError.message });
  for (const p of built.properties) {
    const v = p.check(outcome);
    if (!v.ok) violations.push({ property: p.name, message: v.message });
    // A property the run could not decide counts against it here: these runs must decide every property.
    else if (v.undecided !== undefined) violations.push({ property: p.name, message: `undecided: ${v.undecided}` });
  }
  return { outcome, violations };
}

/** The first seed in [from, from + count) whose run violates `property`, or undefined. */
export function firstFailingSeed(name: ChainScenarioName, bug: string, property: string, count: number, from = 1): number | undefined {
  for (let seed = from; seed < from + count; seed++) {
    if (runChain(name, seed, bug).violations.some((v) => v.property === property)) return seed;
  }
  return undefined;
}
