/** The options of the library's `fuzz`, and the settings they come to once the environment has had its say. */
import type { Scenario } from '../scenarios/types.js';
import type { ShrinkOptions } from '../search/shrink/shrink.js';
import { parseStrategy, type StrategyConfig, type StrategyName } from '../search/strategies/types.js';
import { rejectIf, valueOrThrow } from './errors.js';

/** Options of `fuzz`. Seeds `seedStart, seedStart + 1, ...` (modulo 2^32). */
export interface FuzzOptions<B extends string = string> {
  /** How many seeds to run (`DSIM_SEEDS` in the environment replaces it). */
  readonly seeds: number;
  /** First seed (default 0; `DSIM_SEED_START` replaces it). */
  readonly seedStart?: number;
  readonly bug?: B | undefined;
  readonly nodes?: number | undefined;
  readonly eventsMax?: number | undefined;
  /** Draw each run's fault mix from its seed (swarm testing), as `dsim fuzz --swarm`. */
  readonly swarm?: boolean | undefined;
  /** Stop after this many failing seeds (default: run every seed). */
  readonly failingSeedsMax?: number;
  /**
   * Worker threads. Given, `fuzz` runs on them and answers a promise; the scenario must be importable by a worker
   * (`defineScenario({ …, module: import.meta.url })` in a module of its own, or listed in `dsim.config.ts`).
   */
  readonly workers?: number | undefined;
  /** Shrink each distinct failure (default `true`, with the CLI's bounds); `false` keeps the failing runs as found. */
  readonly shrink?: boolean | ShrinkOptions | undefined;
  /** Folder for repro files (default `dsim-failures`, as the CLI's); `false` writes none. */
  readonly outDir?: string | false | undefined;
  /**
   * Distinct failures reproduced (shrunk and written) at most; default 1, the one a failing assertion shows (each
   * shrink may make up to 40,000 runs; `dsim fuzz` reproduces up to 10).
   */
  readonly reprosMax?: number | undefined;
  /**
   * How runs are chosen (default `random`): `pct`, `pos` or `coverage`, as `dsim fuzz --strategy`. A strategy's
   * failing runs come back as schedules (`repro.run` replays them), the same from a test and from the shell.
   */
  readonly strategy?: StrategyName | undefined;
  /** PCT's bug depth (`strategy: 'pct'` only; default 3). */
  readonly depth?: number | undefined;
}

/** What a campaign runs with. */
export interface FuzzSettings {
  readonly seeds: number;
  readonly seedStart: number;
  readonly failingSeedsMax: number;
  readonly shrink: ShrinkOptions | false;
  readonly outDir: string | undefined;
  readonly reprosMax: number;
  readonly strategy: StrategyConfig;
}

/** Environment variables, as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Distinct failures the library's `fuzz` reproduces by default. */
export const FUZZ_REPROS_MAX_DEFAULT = 1;

/** Default folder of repro files, as `dsim fuzz --out`'s. */
export const FUZZ_OUT_DIR_DEFAULT = 'dsim-failures';

/** The settings of a call: its options, with `DSIM_SEEDS` / `DSIM_SEED_START` from the environment over them. */
export function fuzzSettings(scenario: Scenario, opts: FuzzOptions, env: Environment = process.env): FuzzSettings {
  const source = `fuzz(${scenario.name})`;
  const seeds = envCount(env, 'DSIM_SEEDS') ?? opts.seeds;
  const seedStart = envCount(env, 'DSIM_SEED_START') ?? opts.seedStart ?? 0;
  rejectIf(source, Number.isInteger(seeds) && seeds >= 0 ? undefined : `seeds is ${seeds}; expected an integer ≥ 0`);
  rejectIf(source, Number.isInteger(seedStart) && seedStart >= 0 && seedStart <= 0xffffffff ? undefined : `seedStart is ${seedStart}; expected an unsigned 32-bit integer`);
  rejectIf(source, seedStart + seeds <= 2 ** 32 ? undefined : `seeds ${seedStart}..${seedStart + seeds - 1} pass 2^32 - 1, the last seed`);
  const workers = opts.workers;
  rejectIf(source, workers === undefined || (Number.isInteger(workers) && workers >= 1) ? undefined : `workers is ${workers}; expected an integer ≥ 1`);
  const shrink = opts.shrink === false ? false : opts.shrink === true || opts.shrink === undefined ? {} : opts.shrink;
  return {
    seeds,
    seedStart,
    failingSeedsMax: opts.failingSeedsMax ?? Infinity,
    shrink,
    outDir: opts.outDir === false ? undefined : (opts.outDir ?? FUZZ_OUT_DIR_DEFAULT),
    reprosMax: opts.reprosMax ?? FUZZ_REPROS_MAX_DEFAULT,
    strategy: valueOrThrow(parseStrategy(opts.strategy, opts.depth === undefined ? undefined : String(opts.depth))),
  };
}

function envCount(env: Environment, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text.trim() === '') return undefined;
  rejectIf(name, /^\s*\d+\s*$/.test(text) ? undefined : `${JSON.stringify(text)} is not a whole number`);
  return Number(text);
}
