import type { Argv } from 'yargs';
import { listScenarios } from '../../sim/fuzz.js';
import { ExitCode, printJson } from '../exit.js';
import type { Command } from './command.js';

interface ListArgs {
  readonly json: boolean;
}

/** `dsim list [--json]`: the registered scenarios with their protocol, bug variants and properties. */
export const listCommand: Command<ListArgs> = {
  command: 'list',
  describe: 'List the scenarios with their protocol, description, bug variants and properties',
  builder: (y: Argv) => y.option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
  async run(args, io) {
    const scenarios = listScenarios();
    if (args.json) {
      printJson(io, {
        scenarios: scenarios.map((s) => ({
          name: s.name,
          protocol: s.protocol,
          description: s.description,
          bugs: s.bugs,
          properties: s.properties,
        })),
      });
      return ExitCode.Ok;
    }
    for (const s of scenarios) {
      io.out(`${s.name}  (${s.protocol}, ${s.nodesDefault} nodes)\n  ${s.description}`);
      io.out(`  properties: ${s.properties.join(', ')}`);
      for (const bug of s.bugs) io.out(`  --bug ${bug}: ${s.bugDescriptions[bug]}`);
    }
    return ExitCode.Ok;
  },
};
