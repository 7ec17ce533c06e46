import { expect } from 'vitest';
import { runScenario, type RunReport } from '../../sim/run.js';
import type { Choice } from '../../sim/outcome.js';

/** The first failing seed's run of a scenario variant violating `property`, from seed 1 on. */
export function firstFailure(scenario: string, bug: string, property: string, seedsMax = 200, seedStart = 1): RunReport {
  for (let seed = seedStart; seed < seedStart + seedsMax; seed++) {
    const run = runScenario(scenario, { seed, bug });
    if (run.ok && run.value.violations.some((v) => v.property === property)) return run.value;
  }
  throw new Error(`no seed of ${scenario} --bug ${bug} up to ${seedsMax} violates ${property}`);
}

/** Runs `report`'s parameters with `schedule` (default: its own). */
export function rerun(report: RunReport, schedule: readonly Choice[] = report.schedule): RunReport {
  const run = runScenario(report.scenario, {
    seed: report.seed,
    bug: report.bug,
    nodes: report.nodes,
    eventsMax: report.eventsMax,
    timeTicksMax: report.timeTicksMax,
    swarm: report.swarm,
    scriptedFaultsSkipped: report.scriptedFaultsSkipped,
    schedule,
  });
  expect(run.ok).toBe(true);
  return (run as { ok: true; value: RunReport }).value;
}

/** Choices from `kind=value` words: `c('drop=1 delay=2')`. */
export function c(text: string): Choice[] {
  return text
    .trim()
    .split(/\s+/)
    .map((w) => {
      const [kind, value] = w.split('=');
      return { kind: kind!, value: Number(value) };
    });
}

export function violates(report: RunReport, property: string): boolean {
  return property === 'protocol-error' ? report.protocolError !== undefined : report.violations.some((v) => v.property === property);
}
