/**
 * The hard-bug benchmark of the search strategies (issue 13): for every hard bug (scenarios/hard-bugs.ts) and every
 * strategy, the seeds each of `CAMPAIGNS` campaigns (disjoint seed ranges) needs to reach its first failure, and the
 * mean, against `random` in the same run; and each strategy's seeds per second against random's, so a strategy that
 * finds bugs sooner but runs slower per seed shows it. A campaign that reaches `SEEDS_MAX` seeds without a failure
 * counts as `SEEDS_MAX` and is marked (`>`): the mean is then a lower bound.
 *
 * Long (random needs thousands of seeds per hard bug by design), so `npm run bench` leaves it out unless named:
 * `npm run bench -- strategies`. `DSIM_BENCH_CAMPAIGNS` (default 10), `DSIM_BENCH_SEEDS_MAX` (default 20000),
 * `DSIM_BENCH_BUGS` (`scenario#bug,...`) and `DSIM_BENCH_STRATEGIES` (`coverage,pct`; random is always measured, as
 * the baseline, unless the list has `-random`) narrow it.
 */
import { availableParallelism } from 'node:os';
import { fuzz } from '../api/fuzz.js';
import { HARD_BUGS } from '../scenarios/hard-bugs.js';
import { findScenario } from '../scenarios/index.js';
import { STRATEGY_NAMES, type StrategyName } from '../search/strategies/types.js';

const CAMPAIGNS = Number(process.env.DSIM_BENCH_CAMPAIGNS ?? 10);
const SEEDS_MAX = Number(process.env.DSIM_BENCH_SEEDS_MAX ?? 20_000);
/** Campaign c starts at seed 1 + c * CAMPAIGN_STRIDE: ranges far apart, the same in every run of the bench. */
const CAMPAIGN_STRIDE = 1_000_003;

interface Measured {
  readonly seeds: number[];
  readonly censored: number;
  readonly ms: number;
  readonly runs: number;
}

async function measure(scenarioName: string, bug: string, strategy: StrategyName): Promise<Measured> {
  const scenario = findScenario(scenarioName)!;
  const seeds: number[] = [];
  let censored = 0;
  let ms = 0;
  let runs = 0;
  for (let c = 0; c < CAMPAIGNS; c++) {
    const started = performance.now();
    const r = await fuzz(scenario, {
      bug,
      seeds: SEEDS_MAX,
      seedStart: 1 + c * CAMPAIGN_STRIDE,
      strategy,
      failingSeedsMax: 1,
      workers: availableParallelism(),
      shrink: false,
      outDir: false,
      reprosMax: 0,
    });
    ms += performance.now() - started;
    runs += r.runs;
    if (r.failingSeeds.length === 0) censored++;
    seeds.push(r.runs);
  }
  return { seeds, censored, ms, runs };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export async function runStrategiesBench(): Promise<string[]> {
  const bugsAsked = process.env.DSIM_BENCH_BUGS?.split(',').map((s) => s.trim());
  const strategiesAsked = process.env.DSIM_BENCH_STRATEGIES?.split(',').map((s) => s.trim());
  const bugs = HARD_BUGS.filter((h) => bugsAsked === undefined || bugsAsked.includes(`${h.scenario}#${h.bug}`));
  // Random is always measured (the baseline), unless only other strategies are asked for by name with `-random`.
  const withoutRandom = strategiesAsked?.includes('-random') === true;
  const strategies = STRATEGY_NAMES.filter((s) => (s === 'random' && !withoutRandom) || strategiesAsked === undefined || strategiesAsked.includes(s));
  const lines = [
    `${CAMPAIGNS} campaigns per strategy, each up to ${SEEDS_MAX} seeds, stopped at its first failure; ` +
      `mean seeds to first failure ('>' : some campaigns found none, the mean is a lower bound), speed-up over random, seeds/s against random's`,
    '',
    `| hard bug | ${strategies.join(' | ')} | best vs random |`,
    `|---|${strategies.map(() => '---|').join('')}---|`,
  ];
  for (const h of bugs) {
    const row: Record<string, Measured> = {};
    for (const s of strategies) {
      row[s] = await measure(h.scenario, h.bug, s);
      process.stderr.write(`${h.scenario} --bug ${h.bug} ${s}: ${row[s]!.seeds.join(' ')}\n`);
    }
    const random = row.random ?? { seeds: [NaN], runs: 1, ms: 1, censored: 0 };
    const randomMean = mean(random.seeds);
    const randomSpeed = random.runs / random.ms;
    const cells = strategies.map((s) => {
      const m = row[s]!;
      const mu = mean(m.seeds);
      const speed = m.runs / m.ms / randomSpeed;
      const bound = m.censored > 0 ? '>' : '';
      return s === 'random' ? `${bound}${mu.toFixed(0)}` : `${bound}${mu.toFixed(0)} (${(randomMean / mu).toFixed(1)}×; ${speed.toFixed(2)}× speed)`;
    });
    const best = Math.min(...strategies.filter((s) => s !== 'random').map((s) => mean(row[s]!.seeds)));
    lines.push(`| ${h.scenario} --bug ${h.bug} | ${cells.join(' | ')} | ${(randomMean / best).toFixed(1)}× |`);
  }
  return lines;
}
