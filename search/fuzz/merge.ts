/**
 * `dsim merge`: combines the summaries of campaign shards (run on other machines, say) into one report, and checks
 * that they belong together: the same scenario, bug variant, swarm mode and strategy, and no seed run twice.
 */
import { RANDOM, strategyLabel } from '../strategies/types.js';
import { join, dirname } from 'node:path';
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { SummaryFile } from './summary-file.js';
import type { FailureGroup, SeedFailure } from './summary.js';

/** Seeds `start .. end - 1` (plain integers; a range that wraps past 2^32 - 1 counts on past it). */
export interface SeedInterval {
  readonly start: number;
  readonly end: number;
}

export interface MergedCampaign {
  readonly scenario: string;
  readonly bug: string | null;
  readonly swarm: boolean;
  readonly summaries: number;
  readonly seedsRun: number;
  readonly eventsTotal: number;
  /** The seeds run, as disjoint intervals in order (several when shards are missing or stopped early). */
  readonly covered: readonly SeedInterval[];
  readonly failures: readonly SeedFailure[];
  readonly failuresByProperty: Readonly<Record<string, number>>;
  readonly undecidedByProperty: Readonly<Record<string, number>>;
  readonly distinct: readonly FailureGroup[];
  /** Repro files, with paths from the current folder. */
  readonly repros: readonly { readonly seed: number; readonly property: string; readonly path: string }[];
}

/** Merges summaries; a mismatch or a seed run twice is an input error naming both files. */
export function mergeSummaries(inputs: readonly { readonly path: string; readonly file: SummaryFile }[]): Failable<MergedCampaign> {
  const first = inputs[0];
  if (first === undefined) return fail({ source: 'merge', message: 'no summaries to merge' });
  const key = (f: SummaryFile) => JSON.stringify([f.scenario, f.bug, f.swarm, strategyLabel(f.strategy ?? RANDOM)]);
  for (const { path, file } of inputs) {
    if (key(file) !== key(first.file)) {
      return fail({
        source: path,
        message: `this summary is of ${describe(file)}, but ${first.path} is of ${describe(first.file)}; merge summaries of one campaign`,
      });
    }
  }
  const runs = inputs
    .map(({ path, file }) => ({ path, start: file.range.start, end: file.range.start + file.summary.seedsRun }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const covered: SeedInterval[] = [];
  for (const [i, run] of runs.entries()) {
    const before = runs[i - 1];
    if (before !== undefined && run.start < before.end && run.end > run.start) {
      return fail({
        source: run.path,
        message: `seeds ${run.start}..${Math.min(run.end, before.end) - 1} were also run by ${before.path}; each seed may be merged once`,
      });
    }
    const last = covered[covered.length - 1];
    if (last !== undefined && last.end === run.start) covered[covered.length - 1] = { start: last.start, end: run.end };
    else if (run.end > run.start) covered.push({ start: run.start, end: run.end });
  }
  const files = inputs.map((i) => i.file);
  const sum = (counts: readonly (Readonly<Record<string, number>> | undefined)[]): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const c of counts) for (const [property, count] of Object.entries(c ?? {})) out[property] = (out[property] ?? 0) + count;
    return out;
  };
  const failuresByProperty = sum(files.map((f) => f.summary.failuresByProperty));
  const undecidedByProperty = sum(files.map((f) => f.summary.undecidedByProperty));
  const groups = new Map<string, { property: string; signature: string; seeds: number[] }>();
  for (const g of files.flatMap((f) => f.summary.distinct)) {
    const k = `${g.property}\u0000${g.signature}`;
    const group = groups.get(k) ?? { property: g.property, signature: g.signature, seeds: [] };
    group.seeds.push(...g.seeds);
    groups.set(k, group);
  }
  for (const g of groups.values()) g.seeds.sort((a, b) => a - b);
  return succeed({
    scenario: first.file.scenario,
    bug: first.file.bug,
    swarm: first.file.swarm,
    summaries: inputs.length,
    seedsRun: files.reduce((n, f) => n + f.summary.seedsRun, 0),
    eventsTotal: files.reduce((n, f) => n + f.summary.eventsTotal, 0),
    covered,
    failures: files.flatMap((f) => f.summary.failures).sort((a, b) => a.seed - b.seed),
    failuresByProperty,
    undecidedByProperty,
    distinct: [...groups.values()].sort((a, b) => a.seeds[0]! - b.seeds[0]!),
    repros: inputs.flatMap(({ path, file }) => file.repros.map((r) => ({ seed: r.seed, property: r.property, path: join(dirname(path), r.file) }))),
  });
}

function describe(f: SummaryFile): string {
  const strategy = f.strategy === undefined || f.strategy.name === 'random' ? '' : ` --strategy ${strategyLabel(f.strategy)}`;
  return `${f.scenario}${f.bug === null ? '' : ` --bug ${f.bug}`}${f.swarm ? ' --swarm' : ''}${strategy}`;
}
