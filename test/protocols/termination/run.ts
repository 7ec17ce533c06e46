/** Test helpers: run a termination scenario once, and fuzz it over seeds. */
import type { Scenario } from '../../../scenarios/types.js';
import { simulate, type SimulationResult } from '../../../sim/simulator.js';
import { validatePlan } from '../../../sim/validate.js';

/** One run of `scenario` (optionally a bug variant) with its property verdicts. */
export interface Run {
  readonly outcome: SimulationResult;
  /** Names of the violated properties, with their messages. */
  readonly violations: readonly { readonly property: string; readonly message: string }[];
}

/** Runs `scenario` once on `seed`. */
export function runOnce(scenario: Scenario, seed: number, bug?: string, nodes = scenario.nodesDefault): Run {
  const built = scenario.build({ bug, nodes });
  const plan = validatePlan(built.faults, nodes);
  if (!plan.ok) throw new Error(plan.error.message);
  const outcome = simulate({ protocol: built.protocol, nodeCount: nodes, plan: plan.value, limits: built.limits ?? {}, seed });
  if (outcome.protocolError !== undefined) throw new Error(`seed ${seed}: ${outcome.protocolError.message}`);
  const violations = [];
  for (const p of built.properties) {
    const v = p.check(outcome);
    if (!v.ok) violations.push({ property: p.name, message: v.message });
    // A property the run could not decide counts against it here: these runs must decide every property.
    else if (v.undecided !== undefined) violations.push({ property: p.name, message: `undecided: ${v.undecided}` });
  }
  return { outcome, violations };
}

/** The first seed in `1..seedsMax` whose run violates `property`, with the violation's message, or undefined. */
export function firstFailure(
  scenario: Scenario,
  bug: string | undefined,
  property: string,
  seedsMax: number,
): { readonly seed: number; readonly message: string } | undefined {
  for (let seed = 1; seed <= seedsMax; seed++) {
    const v = runOnce(scenario, seed, bug).violations.find((x) => x.property === property);
    if (v !== undefined) return { seed, message: v.message };
  }
  return undefined;
}

/** Runs seeds `from..to` of a scenario; returns the violations found, as `seed property: message` lines. */
export function fuzz(scenario: Scenario, from: number, to: number, bug?: string): string[] {
  const found: string[] = [];
  for (let seed = from; seed <= to; seed++) {
    for (const v of runOnce(scenario, seed, bug).violations) found.push(`seed ${seed} ${v.property}: ${v.message}`);
  }
  return found;
}
