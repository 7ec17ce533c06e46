import type { Argv } from 'yargs';
import { classifyViolations } from '../../search/predict/classify.js';
import { parseSeed } from '../../sim/random.js';
import { runScenario } from '../../sim/run.js';
import { printJson, reportInputError } from '../exit.js';
import { parseOptionalCount } from '../options.js';
import { exitCodeOf, printRunReport, runReportJson, writeRunOutputs } from '../run-output.js';
import { checkOutputFlags, fileFlags, RUN_OUTPUT_FLAGS } from '../output-paths.js';
import type { Command } from './command.js';
import { scenarioNamed, type ConfigFlag } from '../scenarios.js';

interface RunArgs extends ConfigFlag {
  readonly scenario: string;
  readonly seed: string;
  readonly bug?: string;
  readonly nodes?: string;
  readonly 'max-events'?: string;
  readonly swarm: boolean;
  readonly trace?: string;
  readonly shiviz?: string;
  readonly 'schedule-out'?: string;
  readonly html?: string;
  readonly json: boolean;
}

/** `dsim run <scenario> --seed N`: one deterministic run, its properties' verdicts and the replay command. */
export const runCommand: Command<RunArgs> = {
  command: 'run <scenario>',
  describe: 'Run a scenario once with a seed; print the verdict, the trace hash and the replay command',
  examples: [
    ['dsim run raft-election --seed 42', 'One run of a built-in scenario; the verdict and the command that replays it'],
    ['dsim run raft-election --bug votedfor-not-persisted --seed 143 --html run.html', 'A failing run, drawn as an HTML report'],
    ['dsim run my-protocol --config dsim.config.ts --json', "One of your config's scenarios, as JSON"],
  ],
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario name (see dsim list)' })
      .option('seed', { type: 'string', default: '1', describe: 'Seed: unsigned 32-bit, decimal or 0x hex' })
      .option('bug', { type: 'string', describe: 'Bug variant of the scenario to run' })
      .option('nodes', { type: 'string', describe: "Cluster size (default: the scenario's)" })
      .option('swarm', { type: 'boolean', default: false, describe: 'Draw the fault mix itself from the seed (swarm testing)' })
      .option('max-events', { type: 'string', describe: 'Stop the run after this many events' })
      .option('trace', { type: 'string', describe: 'Write the execution as a dsim JSON trace to this file' })
      .option('shiviz', { type: 'string', describe: 'Write the execution as a ShiViz/GoVector log to this file' })
      .option('html', { type: 'string', describe: 'Write a self-contained HTML space-time report to this file' })
      .option('schedule-out', { type: 'string', describe: 'Write the schedule (the recorded choices) to this file' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
  async run(args, io) {
    const outputs = checkOutputFlags(args, fileFlags(RUN_OUTPUT_FLAGS));
    if (!outputs.ok) return reportInputError(io, outputs.error);
    const seed = parseSeed(args.seed, '--seed');
    if (!seed.ok) return reportInputError(io, seed.error);
    const nodes = parseOptionalCount(args.nodes, 'nodes', 1);
    if (!nodes.ok) return reportInputError(io, nodes.error);
    const eventsMax = parseOptionalCount(args['max-events'], 'max-events', 1);
    if (!eventsMax.ok) return reportInputError(io, eventsMax.error);
    const scenario = await scenarioNamed(args, args.scenario);
    if (!scenario.ok) return reportInputError(io, scenario.error);
    const run = runScenario(scenario.value, {
      seed: seed.value,
      bug: args.bug,
      nodes: nodes.value,
      eventsMax: eventsMax.value,
      swarm: args.swarm,
    });
    if (!run.ok) return reportInputError(io, run.error);
    const written = writeRunOutputs(run.value, args);
    const predicted = classifyViolations(run.value).filter((c) => c.kind === 'predicted');
    if (args.json) printJson(io, { ...runReportJson(run.value), predicted: predicted.map((c) => c.property) });
    else {
      printRunReport(io, run.value, args['schedule-out'] === undefined ? undefined : { path: args['schedule-out'], from: false });
      for (const c of predicted) {
        io.out(`predicted, not observed: ${c.property} fails at a cut this interleaving never passed through (another with the same causality does)`);
      }
    }
    if (!written.ok) return reportInputError(io, written.error);
    return exitCodeOf(run.value);
  },
};
