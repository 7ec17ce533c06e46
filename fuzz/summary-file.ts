/**
 * The campaign summary file, `DIR/summary-<scenario>[-shard-k-of-n].json`: written by every `dsim fuzz --out DIR`
 * (also when stopped by Ctrl-C or a time budget), read by `dsim merge` to combine shards run anywhere.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fail, succeed, type Failable } from '../execution/failable.js';
import { DSIM_VERSION } from '../sim/version.js';
import type { StopReason } from './campaign.js';
import type { FuzzResult } from './fuzz.js';
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
  /** Repro files, by name in the same folder. */
  readonly repros: readonly { readonly seed: number; readonly property: string; readonly file: string }[];
}

/** The summary file's name for a campaign. */
export function summaryFileName(scenario: string, shard: string | null): string {
  const base = `summary-${scenario.replace(/[^\w.-]+/g, '_')}`;
  return `${shard === null ? base : `${base}-shard-${shard.replace('/', '-of-')}`}.json`;
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
    summary: result.summary,
    repros: result.repros.map((r) => ({ seed: r.seed, property: r.property, file: r.path.split(/[\\/]/).pop()! })),
  };
  const path = join(dir, summaryFileName(result.scenario, shard));
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, `${JSON.stringify(file, null, 1)}\n`);
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
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      return fail({ source: path, message: `not a readable JSON summary (${e instanceof Error ? e.message : String(e)})` });
    }
    const o = data as Partial<SummaryFile> | null;
    if (o === null || typeof o !== 'object' || o.format !== SUMMARY_FORMAT || o.version !== 1) {
      return fail({ source: path, message: `"format" is not ${SUMMARY_FORMAT} version 1` });
    }
    if (typeof o.range?.start !== 'number' || typeof o.range.count !== 'number' || typeof o.summary?.seedsRun !== 'number') {
      return fail({ source: path, message: 'the summary has no seed range or seed count' });
    }
    files.push({ path, file: o as SummaryFile });
  }
  return succeed(files);
}
