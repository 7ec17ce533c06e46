import type { Argv } from 'yargs';
import { replaySchedule } from '../../sim/run.js';
import { printJson, reportInputError } from '../exit.js';
import { readTextFile } from '../files.js';
import { shellQuote } from '../options.js';
import { exitCodeOf, printRunReport, runReportJson, writeRunOutputs } from '../run-output.js';
import { checkOutputFlags, fileFlags } from '../output-paths.js';
import type { Command } from './command.js';
import { recordedRun, type ConfigFlag } from '../scenarios.js';

interface ReplayArgs extends ConfigFlag {
  readonly schedule: string;
  readonly trace?: string;
  readonly shiviz?: string;
  readonly html?: string;
  readonly json: boolean;
}

/** `dsim replay <schedule.json>`: re-runs a recorded schedule and says whether the trace hash matches. */
export const replayCommand: Command<ReplayArgs> = {
  command: 'replay <schedule>',
  describe: 'Re-run a schedule file (from run --schedule-out, fuzz or shrink) and compare its trace hash',
  examples: [
    ['dsim replay dsim-failures/raft-election-votedfor-not-persisted-143.json', 'Re-run a repro file fuzz wrote; says whether the trace hash matches'],
    ['dsim replay run.schedule.json --shiviz run.log', 'Replay a schedule and write its ShiViz log'],
  ],
  builder: (y: Argv) =>
    y
      .positional('schedule', { type: 'string', describe: 'Schedule or repro file' })
      .option('trace', { type: 'string', describe: 'Write the execution as a dsim JSON trace to this file' })
      .option('shiviz', { type: 'string', describe: 'Write the execution as a ShiViz/GoVector log to this file' })
      .option('html', { type: 'string', describe: 'Write a self-contained HTML space-time report to this file' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
  async run(args, io) {
    const outputs = checkOutputFlags(args, fileFlags(['trace', 'shiviz', 'html']));
    if (!outputs.ok) return reportInputError(io, outputs.error);
    const text = readTextFile(args.schedule);
    if (!text.ok) return reportInputError(io, text.error);
    const recorded = await recordedRun(text.value, args.schedule, args);
    if (!recorded.ok) return reportInputError(io, recorded.error);
    if (recorded.value.warning !== undefined) io.err(recorded.value.warning);
    const replay = replaySchedule(text.value, args.schedule, recorded.value.scenario);
    if (!replay.ok) return reportInputError(io, replay.error);
    const r = replay.value;
    const written = writeRunOutputs(r, args, `npx dsim replay ${shellQuote(args.schedule)}`);
    if (args.json) {
      printJson(io, { ...runReportJson(r), hashMatches: r.hashMatches, expectedTraceHash: r.expectedTraceHash });
    } else {
      printRunReport(io, r, { path: args.schedule, from: true });
      io.out(
        r.hashMatches
          ? 'the trace hash matches the schedule file: the run is reproduced exactly'
          : `the trace hash differs from the schedule file's ${r.expectedTraceHash} (${r.fallbackCount} choices ran on defaults)`,
      );
    }
    if (!written.ok) return reportInputError(io, written.error);
    return exitCodeOf(r);
  },
};
