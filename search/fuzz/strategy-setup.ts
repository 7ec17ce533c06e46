/**
 * Setting a campaign up for its strategy: PCT's events estimate measured from the campaign's first seed (one random
 * run, so it is the same on every machine), a coverage campaign's corpus and generations, and the exploration
 * figures every campaign reports. Shared by `dsim fuzz` (search/fuzz/fuzz.ts) and the library's `fuzz`.
 */
import { succeed, type Failable } from '../../execution/failable.js';
import type { Scenario } from '../../scenarios/types.js';
import { runScenario } from '../../sim/run.js';
import { Corpus } from '../strategies/corpus.js';
import { Exploration } from '../strategies/exploration.js';
import { COVERAGE_GENERATION_RUNS_DEFAULT, RANDOM, type StrategyConfig } from '../strategies/types.js';
import { keptOutcome, type Generations } from './campaign.js';
import type { CampaignJob, SeedOutcome } from './protocol.js';
import { runSeed } from './run-seed.js';
import { seedAt, type SeedRange } from './seeds.js';

/** A campaign ready to run under its strategy. */
export interface StrategySetup {
  /** The job, carrying the strategy with everything measured for it. */
  readonly job: CampaignJob;
  /** A coverage campaign's generations (absent for the other strategies). */
  readonly generations?: Generations;
  /** Fed every outcome in seed order; its report is the campaign's `explored`. */
  readonly exploration: Exploration;
  /** The corpus of a coverage campaign. */
  readonly corpus?: Corpus;
}

/** Prepares `job` for `strategy`, the campaign's seeds starting at `seedStart`. */
export function setUpStrategy(scenario: Scenario, job: CampaignJob, strategy: StrategyConfig = RANDOM, seedStart = 1): Failable<StrategySetup> {
  const exploration = new Exploration();
  if (strategy.name === 'pct' && strategy.eventsEstimate === undefined) {
    const probe = runScenario(scenario, { seed: seedStart, bug: job.bug, nodes: job.nodes, eventsMax: job.eventsMax, swarm: job.swarm });
    if (!probe.ok) return probe;
    return succeed({ job: { ...job, strategy: { ...strategy, eventsEstimate: Math.max(1, probe.value.events) } }, exploration });
  }
  if (strategy.name !== 'coverage') return succeed({ job: strategy.name === 'random' ? job : { ...job, strategy }, exploration });
  const corpus = new Corpus();
  const generations: Generations = {
    runs: strategy.generationRuns ?? COVERAGE_GENERATION_RUNS_DEFAULT,
    plan: (seeds) => corpus.plan(seeds),
    absorb: (outcomes, inputs) => {
      for (const [i, o] of outcomes.entries()) corpus.absorb(o.seed, inputs[i] ?? null, o.explored!, o.choices!, o.choiceTicks ?? []);
    },
  };
  return succeed({ job: { ...job, strategy }, generations, exploration, corpus });
}

/**
 * Runs a campaign's seeds on this thread, in generations when it has them, until `range` is done or `stop` says so
 * after an outcome (in seed order). Answers the outcomes as a worker campaign keeps them.
 */
export function runSeedsHere(
  scenario: Scenario,
  setup: StrategySetup,
  range: SeedRange,
  stop: (outcome: SeedOutcome) => boolean = () => false,
): Failable<SeedOutcome[]> {
  const out: SeedOutcome[] = [];
  const size = setup.generations?.runs ?? range.count;
  for (let first = 0; first < range.count; first += size) {
    const seeds = Array.from({ length: Math.min(size, range.count - first) }, (_, i) => seedAt(range, first + i));
    const inputs = setup.generations?.plan(seeds);
    const outcomes: SeedOutcome[] = [];
    for (const [i, seed] of seeds.entries()) {
      const one = runSeed(setup.job, scenario, seed, inputs?.[i]);
      if (!one.ok) return one;
      outcomes.push(one.value);
      setup.exploration.absorb(one.value.explored!);
      out.push(keptOutcome(one.value));
      if (stop(one.value)) return succeed(out);
    }
    setup.generations?.absorb(outcomes, inputs!);
  }
  return succeed(out);
}
