/**
 * Shrinking: for every registered scenario and bug variant, its first BENCH_SHRINK_FAILURES failing seeds (from seed
 * 1, violating the property of its hand-made reproduction, else the first property violated), each shrunk with the
 * default budget: events before → after, nodes, time and why the search stopped, and the ratio of the largest
 * result to the hand-made reproduction's events (the target is at most ×2).
 */
import { findScenario, scenarioNames } from '../scenarios/index.js';
import { runScenario, type RunReport } from '../sim/run.js';
import { shrinkFailure } from '../search/shrink/shrink.js';
import { handMade } from './hand-made-sizes.js';

/** Seeds tried per variant for failing ones. */
export const BENCH_SHRINK_SEEDS_MAX = 600;
/** Failing seeds shrunk per variant. */
export const BENCH_SHRINK_FAILURES = 3;

function failures(scenario: string, bug: string, property: string | undefined): { report: RunReport; property: string }[] {
  const out: { report: RunReport; property: string }[] = [];
  for (let seed = 1; seed <= BENCH_SHRINK_SEEDS_MAX && out.length < BENCH_SHRINK_FAILURES; seed++) {
    const run = runScenario(scenario, { seed, bug });
    if (!run.ok) throw new Error(run.error.message);
    const r = run.value;
    const violated = r.protocolError !== undefined ? 'protocol-error' : (property === undefined ? r.violations[0] : r.violations.find((v) => v.property === property))?.property;
    if (violated !== undefined) out.push({ report: r, property: violated });
  }
  return out;
}

export async function runShrinkBench(): Promise<string[]> {
  const lines = [
    `first ${BENCH_SHRINK_FAILURES} failing seeds of each bug variant, shrunk: events before → after, nodes, ms, stop; largest result / hand-made`,
  ];
  for (const scenario of scenarioNames()) {
    for (const bug of Object.keys(findScenario(scenario)!.bugs)) {
      const hand = handMade(scenario, bug);
      const found = failures(scenario, bug, hand?.property);
      const results: string[] = [];
      let largest = 0;
      for (const { report, property } of found) {
        const shrunk = shrinkFailure(report, property);
        if (!shrunk.ok) {
          results.push(`seed ${report.seed}: shrink failed: ${shrunk.error.message}`);
          continue;
        }
        const { stats, stopReason } = shrunk.value;
        largest = Math.max(largest, stats.eventsAfter);
        const stop = stopReason === 'fixpoint' ? '' : `, ${stopReason}`;
        results.push(`seed ${report.seed} ${property}: ${stats.eventsBefore} → ${stats.eventsAfter} (${shrunk.value.report.nodes} nodes, ${stats.ms} ms${stop})`);
      }
      const ratio = hand === undefined ? 'no hand-made' : `${largest} / ${hand.events} = ×${(largest / hand.events).toFixed(2)}`;
      lines.push(`  ${scenario} --bug ${bug}: ${ratio}`);
      for (const r of results) lines.push(`    ${r}`);
    }
  }
  return lines;
}
