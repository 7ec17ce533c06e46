import type { Argv } from 'yargs';
import type { Model } from '../../properties/linearizability/model.js';
import { MODEL_NAMES, MODELS } from '../../properties/linearizability/models/registry.js';
import { listScenarios } from '../../sim/fuzz.js';
import { ExitCode, printJson, reportInputError } from '../exit.js';
import { displayPath } from '../../scenarios/user/import-file.js';
import { catalogFor, type ConfigFlag } from '../scenarios.js';
import type { Command } from './command.js';

interface ListArgs extends ConfigFlag {
  readonly json: boolean;
}

/**
 * `dsim list [--json]`: the registered scenarios with their protocol, bug variants and properties, then the models
 * of `dsim check-history --model` (built-in, then the config's).
 */
export const listCommand: Command<ListArgs> = {
  command: 'list',
  describe: 'List the scenarios (built-in and your config\'s) with their protocol, description, bug variants and properties, and the history models',
  examples: [
    ['dsim list', 'The scenarios, their bug variants and the models, built-in and from your config'],
    ['dsim list --json', 'The same, as JSON'],
  ],
  builder: (y: Argv) => y.option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
  async run(args, io) {
    const catalog = await catalogFor(args);
    if (!catalog.ok) return reportInputError(io, catalog.error);
    const c = catalog.value;
    const scenarios = listScenarios(c.names().map((name) => c.find(name)!));
    const models: { model: Model<unknown>; user: boolean }[] = [
      ...MODEL_NAMES.map((name) => ({ model: MODELS[name], user: false })),
      ...c.models.map((model) => ({ model, user: true })),
    ];
    const config = c.configFile === undefined ? null : displayPath(c.configFile);
    if (args.json) {
      printJson(io, {
        scenarios: scenarios.map((s) => ({
          name: s.name,
          protocol: s.protocol,
          description: s.description,
          bugs: s.bugs,
          properties: s.properties,
          config: s.file === undefined ? null : displayPath(s.file),
        })),
        models: models.map(({ model, user }) => ({ name: model.name, summary: model.summary, config: user ? config : null })),
      });
      return ExitCode.Ok;
    }
    for (const s of scenarios) {
      const from = s.file === undefined ? '' : `, from ${displayPath(s.file)}`;
      io.out(`${s.name}  (${s.protocol}, ${s.nodesDefault} nodes${from})\n  ${s.description}`);
      io.out(`  properties: ${s.properties.join(', ')}`);
      for (const bug of s.bugs) io.out(`  --bug ${bug}: ${s.bugDescriptions[bug]}`);
    }
    io.out('\nhistory models (dsim check-history --model <name>):');
    for (const { model, user } of models) io.out(`  ${model.name}  ${model.summary}${user ? ` (from ${config})` : ''}`);
    return ExitCode.Ok;
  },
};
