/**
 * The campaign summary file, `DIR/summary-<scenario>[-<bug>][-swarm][-<strategy>]-seeds-<first>-<last>[-shard-k-of-n].json`: a
 * name of each campaign's own, so campaigns run one after another into one folder keep every summary. Written
 * (atomically) by every `dsim fuzz --out DIR`, also when stopped by a signal or a time budget, and read back,
 * every field checked, by `dsim merge` to combine shards and campaigns run anywhere.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fail, succeed, type Failable } from '../../execution/failable.js';
import { writeFileAtomic } from '../../formats/output-path.js';
import { readInputText } from '../../formats/read-text.js';
import type { ShrinkStopReason } from '../shrink/search.js';
import { DSIM_VERSION } from '../../sim/version.js';
import type { StopReason } from './campaign.js';
import type { FuzzResult } from './fuzz.js';
import { checkSummaryFile } from './summary-check.js';
import type { ExplorationReport } from '../strategies/exploration.js';
import { PCT_DEPTH_DEFAULT, type StrategyConfig } from '../strategies/types.js';
import type { SeedRange } from './seeds.js';
import type { CampaignSummary } from './summary.js';

export const SUMMARY_FORMAT = 'dsim-fuzz-summary';

export interface SummaryFile {
  readonly format: typeof SUMMARY_FORMAT;
  readonly version: 1;
  readonly dsimVersion: string;
  readonly scenario: string;
  readonly bug: string | null;
  readonly swarm: boolean;
  readonly shard: string | null;
  /** The seeds this campaign was asked to run. */
  readonly range: SeedRange;
  /** How it ended; the seeds run are always the first `summary.seedsRun` of `range`. */
  readonly stopReason: StopReason;
  readonly elapsedMs: number;
  readonly summary: CampaignSummary;
  /** How runs were steered (absent: `random`). */
  readonly strategy?: StrategyConfig;
  /** What the campaign explored: coverage curve, abstract states, shapes, faults that fired. */
  readonly explored?: ExplorationReport;
  /**
   * Repro files, by name in the same folder, with why each one's shrink stopped (null: not shrunk, as written first;
   * `interrupted`: a signal stopped it, and the file holds its best run so far).
   */
  readonly repros: readonly { readonly seed: number; readonly property: string; readonly file: string; readonly shrinkStop?: ShrinkStopReason | null }[];
}

/** What names a campaign's summary file. */
export interface SummaryName {
  readonly scenario: string;
  readonly bug: string | null;
  readonly swarm: boolean;
  readonly range: SeedRange;
  readonly shard: string | null;
  readonly strategy?: StrategyConfig | undefined;
}

/**
 * The summary file's name for a campaign:
 * `summary-<scenario>[-<bug>][-swarm][-<strategy>]-seeds-<first>-<last>[-shard-k-of-n].json` (no strategy part for
 * `random`; `pct-d3` for PCT of depth 3).
 */
export function summaryFileName(c: SummaryName): string {
  const safe = (text: string) => text.replace(/[^\w.-]+/g, '_');
  const parts = [
    'summary',
    safe(c.scenario),
    ...(c.bug === null ? [] : [safe(c.bug)]),
    ...(c.swarm ? ['swarm'] : []),
    ...(c.strategy === undefined || c.strategy.name === 'random' ? [] : [strategyFilePart(c.strategy)]),
    `seeds-${c.range.start}-${c.range.start + c.range.count - 1}`,
    ...(c.shard === null ? [] : [`shard-${c.shard.replace('/', '-of-')}`]),
  ];
  return `${parts.join('-')}.json`;
}

/** Writes the summary of `result` into `dir`; answers the file's path. */
export function writeSummaryFile(dir: string, result: FuzzResult): Failable<string> {
  const shard = result.shard === undefined ? null : `${result.shard.index}/${result.shard.total}`;
  const file: SummaryFile = {
    format: SUMMARY_FORMAT,
    version: 1,
    dsimVersion: DSIM_VERSION,
    scenario: result.scenario,
    bug: result.bug ?? null,
    swarm: result.swarm,
    shard,
    range: result.range,
    stopReason: result.stopReason,
    elapsedMs: result.elapsedMs,
    summary: { ...result.summary, failures: result.summary.failures.map(({ choices: _choices, ...f }) => f) },
    ...(result.strategy.name === 'random' ? {} : { strategy: result.strategy }),
    ...(result.explored === undefined ? {} : { explored: result.explored }),
    repros: result.repros.map((r) => ({ seed: r.seed, property: r.property, file: r.path.split(/[\\/]/).pop()!, shrinkStop: r.shrinkStop })),
  };
  const path = join(dir, summaryFileName(file));
  try {
    writeFileAtomic(path, `${JSON.stringify(file, null, 1)}\n`);
  } catch (e) {
    return fail({ source: `--out ${dir}`, message: `the summary ${path} cannot be written (${String(e)})` });
  }
  return succeed(path);
}

/** Reads every summary file in `dir`, with the path each came from. */
export function readSummaryFiles(dir: string): Failable<{ path: string; file: SummaryFile }[]> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith('summary-') && n.endsWith('.json')).sort();
  } catch (e) {
    return fail({ source: dir, message: `the folder cannot be read (${(e as { code?: string }).code ?? String(e)})` });
  }
  if (names.length === 0) return fail({ source: dir, message: 'no fuzz summary (summary-*.json) in this folder; run dsim fuzz --out with it' });
  const files: { path: string; file: SummaryFile }[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const text = readInputText(path);
    if (!text.ok) return text;
    let data: unknown;
    try {
      data = JSON.parse(text.value);
    } catch (e) {
      return fail({ source: path, message: `not a readable JSON summary (${e instanceof Error ? e.message : String(e)})` });
    }
    const o = data as Record<string, unknown> | null;
    if (o === null || typeof o !== 'object' || Array.isArray(o) || o['format'] !== SUMMARY_FORMAT || o['version'] !== 1) {
      return fail({ source: path, message: `"format" is not ${SUMMARY_FORMAT} version 1` });
    }
    const checked = checkSummaryFile(o, path);
    if (!checked.ok) return checked;
    files.push({ path, file: checked.value });
  }
  return succeed(files);
}

function strategyFilePart(s: StrategyConfig): string {
  return s.name === 'pct' ? `pct-d${s.depth ?? PCT_DEPTH_DEFAULT}` : s.name;
}
