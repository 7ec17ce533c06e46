import type { Argv } from 'yargs';
import { shrinkScheduleFile, undecidedSentence } from '../../search/shrink/file.js';
import { SHRINK_RUNS_MAX_DEFAULT } from '../../search/shrink/shrink.js';
import { parseDurationMs } from '../duration.js';
import { ExitCode, printJson, reportInputError } from '../exit.js';
import { readTextFile, writeTextFile } from '../files.js';
import { parseOptionalCount, shellQuote } from '../options.js';
import { checkOutputFlags } from '../output-paths.js';
import type { Command } from './command.js';
import { recordedRun, type ConfigFlag } from '../scenarios.js';
import { failingAndPassingShiViz } from '../../search/shrink/passing-twin.js';

interface ShrinkArgs extends ConfigFlag {
  readonly repro: string;
  readonly out?: string;
  readonly 'time-budget'?: string;
  readonly 'runs-max'?: string;
  readonly shiviz?: string;
  readonly json: boolean;
}

/** Where the shrunk repro goes by default: `x.json` → `x.shrunk.json`. */
export function shrunkPath(path: string): string {
  return path.endsWith('.json') ? `${path.slice(0, -'.json'.length)}.shrunk.json` : `${path}.shrunk.json`;
}

/** `dsim shrink <repro.json>`: minimise a failing schedule while the same property still fails. */
export const shrinkCommand: Command<ShrinkArgs> = {
  command: 'shrink <repro>',
  describe: 'Minimise a failing schedule (repro or schedule file) while the same property still fails',
  examples: [
    ['dsim shrink dsim-failures/raft-election-votedfor-not-persisted-143.json', 'Shrink a repro or schedule file again'],
    ['dsim shrink run.schedule.json --out small.json --runs-max 2000', 'Shrink within 2,000 candidate runs, to a file of your choice'],
    ['dsim shrink repro.json --shiviz diff.log', 'Also write the shrunk run and a passing twin as one ShiViz log, to compare in its diff view'],
  ],
  builder: (y: Argv) =>
    y
      .positional('repro', { type: 'string', describe: 'Repro or schedule file (from fuzz or run --schedule-out)' })
      .option('out', { type: 'string', describe: 'Write the shrunk repro here (default: <repro>.shrunk.json)' })
      .option('time-budget', { type: 'string', describe: 'Wall-clock safety net of the shrinker, e.g. 60s (default none: a shrink is bounded by --runs-max)' })
      .option('runs-max', { type: 'string', describe: `Candidate runs at most (default ${SHRINK_RUNS_MAX_DEFAULT})` })
      .option('shiviz', { type: 'string', describe: 'Write the shrunk run and a passing run one choice away as one ShiViz log, for its diff view' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
  async run(args, io) {
    const budget = args['time-budget'] === undefined ? undefined : parseDurationMs(args['time-budget'], 'time-budget');
    if (budget !== undefined && !budget.ok) return reportInputError(io, budget.error);
    const runsMax = parseOptionalCount(args['runs-max'], 'runs-max', 1);
    if (!runsMax.ok) return reportInputError(io, runsMax.error);
    const out = args.out ?? shrunkPath(args.repro);
    const outputs = checkOutputFlags({ out, shiviz: args.shiviz }, { out: 'file', shiviz: 'file' });
    if (!outputs.ok) return reportInputError(io, outputs.error);
    const text = readTextFile(args.repro);
    if (!text.ok) return reportInputError(io, text.error);
    const recorded = await recordedRun(text.value, args.repro, args);
    if (!recorded.ok) return reportInputError(io, recorded.error);
    if (recorded.value.warning !== undefined) io.err(recorded.value.warning);
    const shrunk = shrinkScheduleFile(text.value, args.repro, recorded.value.scenario, {
      ...(budget === undefined ? {} : { timeBudgetMs: budget.value }),
      ...(runsMax.value === undefined ? {} : { runsMax: runsMax.value }),
    });
    if (!shrunk.ok) return reportInputError(io, shrunk.error);
    if ('kind' in shrunk.value) {
      if (args.json) printJson(io, { undecided: shrunk.value.undecided, out: null });
      else io.out(`${args.repro}: ${undecidedSentence(shrunk.value)}`);
      return ExitCode.Violation;
    }
    const written = writeTextFile(out, shrunk.value.text, 'out');
    if (!written.ok) return reportInputError(io, written.error);
    const r = shrunk.value.result;
    const k = r.stats;
    const pair = args.shiviz === undefined ? undefined : failingAndPassingShiViz(r.report);
    if (pair !== undefined) {
      const shiviz = writeTextFile(args.shiviz!, pair.text, 'shiviz');
      if (!shiviz.ok) return reportInputError(io, shiviz.error);
    }
    if (args.json) {
      printJson(io, {
        property: r.property,
        message: r.message,
        out,
        traceHash: r.report.traceHash,
        nodes: r.report.nodes,
        stats: k,
        runs: r.runs,
        stopReason: r.stopReason,
        steps: r.steps,
        ...(pair === undefined ? {} : { shiviz: args.shiviz, passingTwin: pair.twin === undefined ? null : pair.twin.changed }),
      });
    } else {
      io.out(`${r.property}: ${r.message}`);
      io.out(
        `shrunk: ${k.eventsBefore} → ${k.eventsAfter} events, ${k.faultsBefore} → ${k.faultsAfter} faults, ` +
          `${k.scheduleBefore} → ${k.scheduleAfter} choices, ${r.report.nodes} nodes, in ${k.ms} ms (${r.runs} runs, ${r.stopReason})`,
      );
      io.out(`trace hash: ${r.report.traceHash}`);
      io.out(`replay: npx dsim replay ${shellQuote(out)}`);
      if (pair !== undefined) io.out(`shiviz: ${args.shiviz} (${pair.twin === undefined ? 'the failing run; no passing run one choice away was found' : `the failing run and a passing one with choice ${pair.twin.changed.index} (${pair.twin.changed.kind}) at its default`})`);
    }
    return ExitCode.Ok;
  },
};
