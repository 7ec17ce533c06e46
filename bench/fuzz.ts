/**
 * Fuzzing throughput: seeds per second of each protocol scenario with 1 worker and with 2 (worker threads), the
 * 2-worker figure as a ratio of the 1-worker baseline measured in the same run. Seeds are the same in both.
 */
import { fuzz } from '../search/fuzz/fuzz.js';
import { findScenario, scenarioNames } from '../scenarios/index.js';
import type { Scenario } from '../scenarios/types.js';

/** Seeds per measurement: enough that worker start-up is a small part of the time. */
export const BENCH_FUZZ_SEEDS = 2000;

async function seedsPerSecond(scenario: Scenario, workers: number): Promise<{ rate: number; events: number }> {
  const result = await fuzz({ scenario, seeds: BENCH_FUZZ_SEEDS, seedStart: 1, workers });
  if (!result.ok) throw new Error(result.error.message);
  return { rate: result.value.seedsPerSecond, events: result.value.summary.eventsTotal };
}

export async function runFuzzBench(): Promise<string[]> {
  const lines = [`seeds/s over ${BENCH_FUZZ_SEEDS} seeds (correct variants), 1 worker vs 2 workers`];
  for (const scenario of scenarioNames()) {
    const one = await seedsPerSecond(findScenario(scenario)!, 1);
    const two = await seedsPerSecond(findScenario(scenario)!, 2);
    const eventsPerSeed = Math.round(one.events / BENCH_FUZZ_SEEDS);
    lines.push(
      `  ${scenario.padEnd(26)} ${one.rate.toFixed(0).padStart(6)} seeds/s (1 worker)  ${two.rate.toFixed(0).padStart(6)} seeds/s (2 workers)  ×${(two.rate / one.rate).toFixed(2)}  ${eventsPerSeed} events/seed`,
    );
  }
  return lines;
}
