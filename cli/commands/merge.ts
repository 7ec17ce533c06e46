import type { Argv } from 'yargs';
import { mergeSummaries, type MergedCampaign } from '../../search/fuzz/merge.js';
import { readSummaryFiles, type SummaryFile } from '../../search/fuzz/summary-file.js';
import { ExitCode, printJson, reportInputError } from '../exit.js';
import type { CliIo } from '../io.js';
import { shellQuote } from '../options.js';
import type { Command } from './command.js';
import { printUndecided } from './fuzz.js';
import { paint } from '../style.js';

interface MergeArgs {
  readonly dirs: string[];
  readonly json: boolean;
}

/** `dsim merge <dir>...`: one report from the summaries of shards (`dsim fuzz --shard k/n --out DIR`). */
export const mergeCommand: Command<MergeArgs> = {
  command: 'merge <dirs..>',
  describe: 'Merge the summaries of fuzz campaigns or shards (folders given to fuzz --out) into one report',
  examples: [
    ['dsim merge results/shard-*', "The shards' summaries as one campaign"],
  ],
  builder: (y: Argv) =>
    y
      .positional('dirs', { type: 'string', array: true, describe: 'Folders holding summary-*.json files' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
  async run(args, io) {
    const inputs: { path: string; file: SummaryFile }[] = [];
    for (const dir of args.dirs) {
      const read = readSummaryFiles(dir);
      if (!read.ok) return reportInputError(io, read.error);
      inputs.push(...read.value);
    }
    const merged = mergeSummaries(inputs);
    if (!merged.ok) return reportInputError(io, merged.error);
    const m = merged.value;
    if (args.json) printJson(io, mergeJson(m));
    else printMerged(io, m);
    return m.failures.length === 0 ? ExitCode.Ok : ExitCode.Violation;
  },
};

function mergeJson(m: MergedCampaign): Record<string, unknown> {
  return {
    scenario: m.scenario,
    bug: m.bug,
    swarm: m.swarm,
    summaries: m.summaries,
    seeds: m.seedsRun,
    covered: m.covered.map((c) => ({ start: c.start, count: c.end - c.start })),
    events: m.eventsTotal,
    failuresByProperty: m.failuresByProperty,
    undecidedByProperty: m.undecidedByProperty,
    distinctFailures: m.distinct.length,
    failures: m.failures.map((f) => {
      const repro = m.repros.find((r) => r.seed === f.seed);
      return { seed: f.seed, property: f.property, message: f.message, repro: repro === undefined ? null : `npx dsim replay ${shellQuote(repro.path)}` };
    }),
  };
}

function printMerged(io: CliIo, m: MergedCampaign): void {
  const ranges = m.covered.map((c) => `${c.start}..${c.end - 1}`).join(', ');
  io.out(`${m.scenario}${m.bug === null ? '' : ` --bug ${m.bug}`}: ${m.summaries} summaries, ${m.seedsRun} seeds (${ranges}), ${m.eventsTotal} events`);
  if (m.covered.length > 1) io.out('  the seeds run are not contiguous: a shard is missing or stopped early');
  printUndecided(io, m.undecidedByProperty);
  if (m.failures.length === 0) {
    io.out(paint(io, 'good', 'no failures'));
    return;
  }
  io.out(`${paint(io, 'bad', `${m.failures.length} failing seeds`)}, ${m.distinct.length} distinct failures`);
  for (const [property, count] of Object.entries(m.failuresByProperty)) io.out(`  ${property}: ${count} seeds`);
  for (const r of m.repros) io.out(`seed ${r.seed}: ${r.property}\n  replay: npx dsim replay ${shellQuote(r.path)}`);
}
