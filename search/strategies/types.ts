/**
 * Search strategies: how a campaign picks the runs it makes. Every strategy is deterministic: a run is a pure
 * function of (scenario, seed, strategy, options), and for `coverage` of the campaign's seeds before it in fixed
 * generations (see coverage-campaign.ts), never of timing or of how many workers ran it. Whatever steered a run,
 * its schedule is a plain list of recorded choices, so `replay` and `shrink` take a failure from any strategy as
 * they take one from `random`.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';

/** The strategies, in the order `--help` lists them. */
export const STRATEGY_NAMES = ['random', 'pct', 'pos', 'coverage'] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

/** What each strategy does, for `--help` and the docs. */
export const STRATEGY_DESCRIPTIONS: Readonly<Record<StrategyName, string>> = {
  random: 'every choice drawn uniformly from the seed',
  pct: 'random link priorities set message delays, with --depth - 1 priority changes',
  pos: 'a random priority per message sets its delay',
  coverage: 'runs that reached new abstract states, mutated by editing their choices',
};

/** PCT's bug depth when `--depth` is not given. */
export const PCT_DEPTH_DEFAULT = 3;
/** PCT's depth at most. */
export const PCT_DEPTH_MAX = 64;
/** Runs per generation of a coverage campaign: the corpus a run mutates is the one at its generation's start. */
export const COVERAGE_GENERATION_RUNS_DEFAULT = 64;

/** A strategy with its options, as a campaign job and a repro file carry it. */
export interface StrategyConfig {
  readonly name: StrategyName;
  /** PCT: the bug depth d (d - 1 priority change points per run). */
  readonly depth?: number;
  /**
   * PCT: the events a run is expected to have (k), over which change points are spread. A campaign measures it
   * once from its first seed's random run, so it is the same on every machine.
   */
  readonly eventsEstimate?: number;
  /** Coverage: runs per generation. */
  readonly generationRuns?: number;
}

/** The default strategy. */
export const RANDOM: StrategyConfig = { name: 'random' };

/** Parses `--strategy` and `--depth`. */
export function parseStrategy(name: string | undefined, depth: string | undefined): Failable<StrategyConfig> {
  const chosen = name ?? 'random';
  if (!(STRATEGY_NAMES as readonly string[]).includes(chosen)) {
    return fail({ source: '--strategy', message: `unknown strategy "${chosen}"; expected one of: ${STRATEGY_NAMES.join(', ')}` });
  }
  const strategy = chosen as StrategyName;
  if (depth === undefined) return succeed(strategy === 'pct' ? { name: strategy, depth: PCT_DEPTH_DEFAULT } : { name: strategy });
  if (strategy !== 'pct') return fail({ source: '--depth', message: `--depth is an option of --strategy pct, not of ${strategy}` });
  const d = /^\s*\d+\s*$/.test(depth) ? Number(depth) : NaN;
  if (!Number.isSafeInteger(d) || d < 1 || d > PCT_DEPTH_MAX) {
    return fail({ source: '--depth', message: `"${depth}" is not a bug depth; expected an integer from 1 to ${PCT_DEPTH_MAX}` });
  }
  return succeed({ name: 'pct', depth: d });
}

/** `pct (depth 3)`, `coverage`: the strategy as a line of a report names it. */
export function strategyLabel(s: StrategyConfig): string {
  return s.name === 'pct' ? `pct (depth ${s.depth ?? PCT_DEPTH_DEFAULT})` : s.name;
}
