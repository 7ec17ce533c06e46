/**
 * Shrinking: for every registered scenario and bug variant, the first failing seed in 1..BENCH_SHRINK_SEEDS_MAX
 * (the first property it violates), shrunk with the default budget: events before → after (the ratio after/before)
 * and the wall-clock time of the shrink.
 */
import { findScenario, scenarioNames } from '../scenarios/index.js';
import { runScenario, type RunReport } from '../sim/run.js';
import { shrinkFailure } from '../shrink/shrink.js';

/** Seeds tried per variant for a failing one. */
export const BENCH_SHRINK_SEEDS_MAX = 60;

function firstFailing(scenario: string, bug: string): { report: RunReport; property: string } | undefined {
  for (let seed = 1; seed <= BENCH_SHRINK_SEEDS_MAX; seed++) {
    const run = runScenario(scenario, { seed, bug });
    if (!run.ok) throw new Error(run.error.message);
    const r = run.value;
    const property = r.protocolError !== undefined ? 'protocol-error' : r.violations[0]?.property;
    if (property !== undefined) return { report: r, property };
  }
  return undefined;
}

export async function runShrinkBench(): Promise<string[]> {
  const lines = [`first failing seed in 1..${BENCH_SHRINK_SEEDS_MAX} of each bug variant, shrunk: events before → after (after/before), time`];
  for (const scenario of scenarioNames()) {
    for (const bug of Object.keys(findScenario(scenario)!.bugs)) {
      const label = `${scenario} --bug ${bug}`.padEnd(58);
      const failing = firstFailing(scenario, bug);
      if (failing === undefined) {
        lines.push(`  ${label} no failing seed`);
        continue;
      }
      const { report, property } = failing;
      const shrunk = shrinkFailure(report, property);
      if (!shrunk.ok) {
        lines.push(`  ${label} seed ${report.seed}: shrink failed: ${shrunk.error.message}`);
        continue;
      }
      const { stats, stopReason } = shrunk.value;
      const after = shrunk.value.report;
      lines.push(
        `  ${label} seed ${String(report.seed).padStart(2)} ${property.padEnd(20)} ${String(stats.eventsBefore).padStart(5)} → ${String(stats.eventsAfter).padStart(4)} events (×${(stats.eventsAfter / stats.eventsBefore).toFixed(3)}), ${after.nodes} nodes, ${String(stats.ms).padStart(5)} ms (${stopReason})`,
      );
    }
  }
  return lines;
}
