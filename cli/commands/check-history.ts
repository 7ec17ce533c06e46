import { performance } from 'node:perf_hooks';
import type { Argv } from 'yargs';
import { formatInputError, type InputError } from '../../execution/failable.js';
import { checkHistoryFiles, type FileCheckResult } from '../../properties/linearizability/files.js';
import { formatExplanation } from '../../properties/linearizability/index.js';
import { isModelName, MODEL_NAMES } from '../../properties/linearizability/models/registry.js';
import { ExitCode, printJson, reportInputError } from '../exit.js';
import type { CliIo } from '../io.js';
import { parseOptionalCount } from '../options.js';
import type { Command } from './command.js';

interface CheckHistoryArgs {
  readonly files: string[];
  readonly model: string;
  readonly split: boolean;
  readonly 'steps-max'?: string;
  readonly json: boolean;
}

/** `dsim check-history <file>... --model M`: linearizability of recorded client histories. */
export const checkHistoryCommand: Command<CheckHistoryArgs> = {
  command: 'check-history <files..>',
  describe: 'Check client histories (Jepsen etcd logs, EDN key-value histories, dsim histories) for linearizability',
  builder: (y: Argv) =>
    y
      .positional('files', { type: 'string', array: true, describe: 'History files' })
      .option('model', { type: 'string', demandOption: true, describe: `Sequential model: ${MODEL_NAMES.join(', ')}` })
      .option('split', { type: 'boolean', default: true, describe: 'Check each key separately (P-compositionality)' })
      .option('steps-max', { type: 'string', describe: 'Search steps per history before answering unknown' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' }),
  async run(args, io) {
    if (!isModelName(args.model)) {
      return reportInputError(io, { source: '--model', message: `unknown model "${args.model}"; expected one of: ${MODEL_NAMES.join(', ')}` });
    }
    const stepsMax = parseOptionalCount(args['steps-max'], 'steps-max', 1);
    if (!stepsMax.ok) return reportInputError(io, stepsMax.error);
    const results: FileCheckResult[] = [];
    let inputError: InputError | undefined;
    for (const file of args.files) {
      const checked = checkHistoryFiles([file], args.model, {
        split: args.split,
        nowMs: () => performance.now(),
        ...(stepsMax.value === undefined ? {} : { stepsMax: stepsMax.value }),
      });
      if (!checked.ok) {
        inputError = checked.error;
        break;
      }
      results.push(...checked.value.results);
    }
    if (args.json) printJson(io, historyJson(results, inputError));
    else printHistoryResults(io, results);
    if (inputError !== undefined) return reportInputError(io, inputError);
    return results.every((r) => r.verdict === 'linearizable') ? ExitCode.Ok : ExitCode.Violation;
  },
};

function historyJson(results: readonly FileCheckResult[], error: InputError | undefined): Record<string, unknown> {
  return {
    results: results.map((r) => ({
      file: r.file,
      verdict: r.verdict,
      ms: Math.round(r.ms * 10) / 10,
      operations: r.operations,
      explanation: r.explanation === undefined ? null : formatExplanation(r.explanation),
      ...(r.stoppedBy === undefined ? {} : { stoppedBy: r.stoppedBy }),
    })),
    ...(error === undefined ? {} : { error: formatInputError(error) }),
  };
}

function printHistoryResults(io: CliIo, results: readonly FileCheckResult[]): void {
  for (const r of results) {
    io.out(`${r.file}: ${r.verdict} (${r.operations} operations, ${r.ms.toFixed(1)} ms)`);
    if (r.stoppedBy !== undefined) io.out(`  stopped by ${r.stoppedBy}`);
    if (r.explanation !== undefined) for (const line of formatExplanation(r.explanation)) io.out(`  ${line}`);
  }
}
