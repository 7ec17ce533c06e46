/**
 * Runs an election scenario object (not through the registry, which the lead wires up) the way sim/run.ts does:
 * validate the plan, simulate, check every property.
 */
import { LIMITS_DEFAULT } from '../../../sim/limits.js';
import { simulate, type SimulationResult } from '../../../sim/simulator.js';
import { validatePlan } from '../../../sim/validate.js';
import type { Scenario } from '../../../scenarios/types.js';

export interface ElectionRun {
  readonly seed: number;
  readonly outcome: SimulationResult;
  readonly violations: readonly { readonly property: string; readonly message: string }[];
}

export interface RunOptions {
  readonly seed: number;
  readonly bug?: string;
  readonly nodes?: number;
  readonly record?: boolean;
}

/** One run of `scenario` with its properties checked. */
export function runElection(scenario: Scenario, opts: RunOptions): ElectionRun {
  const nodes = opts.nodes ?? scenario.nodesDefault;
  const built = scenario.build({ bug: opts.bug, nodes });
  const plan = validatePlan(built.faults, nodes);
  if (!plan.ok) throw new Error(`invalid plan: ${plan.error.message}`);
  const outcome = simulate({
    protocol: built.protocol,
    nodeCount: nodes,
    plan: plan.value,
    limits: { ...LIMITS_DEFAULT, ...built.limits },
    seed: opts.seed,
    ...(opts.record === undefined ? {} : { record: opts.record }),
  });
  const violations = built.properties.flatMap((p) => {
    const v = p.check(outcome);
    // A property the run could not decide counts against it here: these runs must decide every property.
    if (v.ok) return v.undecided === undefined ? [] : [{ property: p.name, message: `undecided: ${v.undecided}` }];
    return [{ property: p.name, message: v.message }];
  });
  if (outcome.protocolError !== undefined) violations.push({ property: 'protocol-error', message: outcome.protocolError.message });
  return { seed: opts.seed, outcome, violations };
}

/** The first seed in `[0, seedsMax)` whose run violates `property`, or -1. */
export function firstFailingSeed(scenario: Scenario, bug: string, property: string, seedsMax: number, nodes?: number): { seed: number; message: string } {
  for (let seed = 0; seed < seedsMax; seed++) {
    const run = runElection(scenario, { seed, bug, ...(nodes === undefined ? {} : { nodes }) });
    const v = run.violations.find((x) => x.property === property);
    if (v !== undefined) return { seed, message: v.message };
  }
  return { seed: -1, message: '' };
}

/** Runs seeds `[seedStart, seedStart + seeds)` and returns every violation with its seed. */
export function fuzzElection(
  scenario: Scenario,
  seeds: number,
  opts: { readonly seedStart?: number; readonly bug?: string; readonly nodes?: number } = {},
): { seed: number; property: string; message: string }[] {
  const failures: { seed: number; property: string; message: string }[] = [];
  const start = opts.seedStart ?? 0;
  for (let seed = start; seed < start + seeds; seed++) {
    const run = runElection(scenario, {
      seed,
      ...(opts.bug === undefined ? {} : { bug: opts.bug }),
      ...(opts.nodes === undefined ? {} : { nodes: opts.nodes }),
    });
    for (const v of run.violations) failures.push({ seed, ...v });
  }
  return failures;
}
