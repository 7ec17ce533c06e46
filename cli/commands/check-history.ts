import { performance } from 'node:perf_hooks';
import type { Argv } from 'yargs';
import { fail, formatInputError, succeed, type Failable, type InputError } from '../../execution/failable.js';
import type { FileCheckResult } from '../../properties/linearizability/files.js';
import { keyLabel } from '../../properties/linearizability/independent.js';
import { checkFilesInParallel } from '../../properties/linearizability/pool.js';
import { formatExplanation, formatWitness, MEMORY_BYTES_MAX_DEFAULT, STEPS_MAX_DEFAULT, withInitial } from '../../properties/linearizability/index.js';
import type { Model } from '../../properties/linearizability/model.js';
import { isModelName, MODEL_NAMES, MODELS } from '../../properties/linearizability/models/registry.js';
import { parseDurationMs } from '../duration.js';
import { ExitCode, printJson, reportInputError } from '../exit.js';
import type { CliIo } from '../io.js';
import { parseOptionalCount } from '../options.js';
import { catalogFor, type ConfigFlag } from '../scenarios.js';
import { checkIsolationFiles, isIsolationModel, ISOLATION_MODELS } from './check-isolation.js';
import { htmlOutput, writeHistoryHtml } from './check-history-html.js';
import { checkJepsenFiles, JEPSEN_CHECKER_NAMES, jepsenCheckerFlags, selectsJepsenChecker, type JepsenFlags } from './check-jepsen.js';
import type { Command } from './command.js';

interface CheckHistoryArgs extends ConfigFlag, JepsenFlags {
  readonly files: string[];
  readonly model: string;
  readonly initial?: string;
  readonly witness: boolean;
  readonly split: boolean;
  readonly independent?: boolean;
  readonly workers?: string;
  readonly 'steps-max'?: string;
  readonly 'memory-max'?: string;
  readonly 'time-max'?: string;
  readonly json: boolean;
  readonly html?: string;
  readonly 'consistency-model'?: string;
}

/** `dsim check-history <file>... --model M`: linearizability of recorded client histories. */
export const checkHistoryCommand: Command<CheckHistoryArgs> = {
  command: 'check-history <files..>',
  describe: 'Check client histories (Jepsen logs and EDN histories, dsim histories) for linearizability, or transactional isolation with --model list-append|rw-register',
  examples: [
    ['dsim check-history history.edn --model cas-register', 'Is a Jepsen/Knossos history linearizable for a compare-and-set register?'],
    ['dsim check-history etcd_*.log --model cas-register --json', 'A batch of Jepsen logs; each result carries "valid"'],
    ['cat txns.edn | dsim check-history - --model list-append', 'Transactional isolation (Elle) of a history on standard input'],
  ],
  builder: (y: Argv) =>
    jepsenCheckerFlags(y)
      .positional('files', { type: 'string', array: true, describe: 'History files; - reads standard input' })
      .option('model', { type: 'string', demandOption: true, describe: `Sequential model: ${MODEL_NAMES.join(', ')}, or one of your config's (see dsim list); or ${ISOLATION_MODELS.join(', ')} for transactional isolation (Elle); or Jepsen's checkers ${JEPSEN_CHECKER_NAMES.join(', ')} (see --linearizable)` })
      .option('initial', { type: 'string', describe: 'The model\'s initial state, as JSON: 0, "x", [1, 2], {"x": 1} (default: the model\'s own)' })
      .option('witness', { type: 'boolean', default: false, describe: 'Print the linearization found for a linearizable history (--json always has it)' })
      .option('split', { type: 'boolean', default: true, describe: 'Check each key separately (P-compositionality)' })
      .option('independent', { type: 'boolean', describe: 'Jepsen independent tuples ([key value]): check each key as its own history (default: when every value is one and the history does not fit the model as it stands; --no-independent: never)' })
      .option('workers', { type: 'string', describe: 'Worker threads checking histories (files, independent keys) in parallel: a count, or auto (default: parallel only for 20000+ events over 2+ histories)' })
      .option('steps-max', { type: 'string', describe: `Search steps per history before answering unknown (default ${STEPS_MAX_DEFAULT})` })
      .option('memory-max', {
        type: 'string',
        describe: `Memory the search may hold, estimated from its structures (deterministic): 256M, 1G (default ${MEMORY_BYTES_MAX_DEFAULT / 2 ** 20}M)`,
      })
      .option('time-max', { type: 'string', describe: 'Wall-clock safety net per history: 60s, 5m (default none; its stop is reported)' })
      .option('consistency-model', { type: 'string', describe: 'Isolation models: the model the history must satisfy (default serializable): strict-serializable, serializable, snapshot-isolation, repeatable-read, read-committed, read-uncommitted' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' })
      .option('html', { type: 'string', describe: 'Write a self-contained HTML drawing of the histories (linearizability models): operations per client, the linearization or the longest prefix and the operation that cannot be placed' }),
  async run(args, io) {
    if (args.files.length === 0) return reportInputError(io, { source: 'check-history', message: 'no history files given; name one or more, or - for standard input' });
    const html = htmlOutput(args);
    if (!html.ok) return reportInputError(io, html.error);
    if (isIsolationModel(args.model)) return checkIsolationFiles(io, args.files, args.model, args.json, args['consistency-model']);
    if (selectsJepsenChecker(args)) return checkJepsenFiles(io, args.files, args);
    const found = await modelFor(args);
    if (!found.ok) return reportInputError(io, found.error);
    const model = found.value;
    const stepsMax = parseOptionalCount(args['steps-max'], 'steps-max', 1);
    if (!stepsMax.ok) return reportInputError(io, stepsMax.error);
    const memory = args['memory-max'] === undefined ? succeed(undefined) : parseBytes(args['memory-max'], 'memory-max');
    if (!memory.ok) return reportInputError(io, memory.error);
    const time = args['time-max'] === undefined ? succeed(undefined) : parseDurationMs(args['time-max'], 'time-max');
    if (!time.ok) return reportInputError(io, time.error);
    const workers = args.workers === undefined || args.workers === 'auto' ? succeed('auto' as const) : parseOptionalCount(args.workers, 'workers', 1);
    if (!workers.ok) return reportInputError(io, workers.error);
    // A malformed file is reported and the others are still checked; the exit code is the worst of them.
    const { results, inputErrors } = await checkFilesInParallel(args.files, model, {
      split: args.split,
      view: args.html !== undefined,
      nowMs: () => performance.now(),
      independent: args.independent ?? 'auto',
      ...(io.interactive && io.status !== undefined ? { onProgress: (n: number) => io.status?.(`check-history: ${n.toLocaleString('en-US')} search steps...`) } : {}),
      workers: workers.value ?? 'auto',
      ...(stepsMax.value === undefined ? {} : { stepsMax: stepsMax.value }),
      ...(memory.value === undefined ? {} : { memoryBytesMax: memory.value }),
      ...(time.value === undefined ? {} : { timeMaxMs: time.value }),
    });
    if (io.interactive) io.status?.('');
    if (args.json) printJson(io, historyJson(results, inputErrors));
    else printHistoryResults(io, results, args.witness);
    const written = html.value === undefined ? succeed(undefined) : writeHistoryHtml(html.value, results);
    if (!written.ok) inputErrors.push(written.error);
    for (const e of inputErrors) reportInputError(io, e);
    if (inputErrors.length > 0) return ExitCode.Usage;
    return results.every((r) => r.verdict === 'linearizable') ? ExitCode.Ok : ExitCode.Violation;
  },
};

function historyJson(results: readonly FileCheckResult[], errors: readonly InputError[]): Record<string, unknown> {
  return {
    results: results.map((r) => ({
      file: r.file,
      ...(r.key === undefined ? {} : { key: r.key }),
      valid: r.verdict === 'linearizable' ? true : r.verdict === 'not-linearizable' ? false : 'unknown',
      verdict: r.verdict,
      ms: Math.round(r.ms * 10) / 10,
      operations: r.operations,
      steps: r.steps,
      cacheEntries: r.cacheEntries,
      memoryBytesPeak: r.memoryBytesPeak,
      explanation: r.explanation === undefined ? null : formatExplanation(r.explanation),
      ...(r.stoppedBy === undefined ? {} : { stoppedBy: r.stoppedBy }),
      witness: r.witness ?? null,
    })),
    ...(errors.length === 0 ? {} : { error: formatInputError(errors[0]!), errors: errors.map(formatInputError) }),
  };
}

/** The model `--model` names (a built-in, or one of the config's), with `--initial` applied. */
async function modelFor(args: CheckHistoryArgs): Promise<Failable<Model<unknown>>> {
  let model: Model<unknown>;
  if (isModelName(args.model)) model = MODELS[args.model];
  else {
    const catalog = await catalogFor(args);
    if (!catalog.ok) return catalog;
    const user = catalog.value.models.find((m) => m.name === args.model);
    if (user === undefined) {
      const names = [...new Set([...MODEL_NAMES, ...ISOLATION_MODELS, ...JEPSEN_CHECKER_NAMES]), ...catalog.value.models.map((m) => m.name)].join(', ');
      const where = catalog.value.configFile === undefined ? ' (no dsim.config.ts here: your own models are listed in one, or given with --config <file>)' : '';
      return fail({ source: '--model', message: `unknown model "${args.model}"; expected one of: ${names}${where}` });
    }
    model = user;
  }
  if (args.initial === undefined) return succeed(model);
  let initial: unknown;
  try {
    initial = JSON.parse(args.initial);
  } catch {
    return fail({ source: '--initial', message: `"${args.initial}" is not JSON; give a JSON value such as 0, "x", [1, 2] or {"x": 1}` });
  }
  return withInitial(model, initial, '--initial');
}

function printHistoryResults(io: CliIo, results: readonly FileCheckResult[], witness: boolean): void {
  for (const r of results) {
    io.out(`${r.file}${r.key === undefined ? '' : ` key ${keyLabel(r.key)}`}: ${r.verdict} (${r.operations} operations, ${r.ms.toFixed(1)} ms)`);
    if (r.stoppedBy !== undefined) {
      const mib = (r.memoryBytesPeak / 2 ** 20).toFixed(1);
      io.out(`  stopped by ${r.stoppedBy}, after ${r.steps} steps, ${r.cacheEntries} cache entries, ${mib} MiB held at most (estimated)`);
    }
    if (r.explanation !== undefined) for (const line of formatExplanation(r.explanation)) io.out(`  ${line}`);
    if (witness && r.witness !== undefined) for (const line of formatWitness(r.witness)) io.out(`  ${line}`);
  }
}

const BYTE_UNITS: Record<string, number> = { '': 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30 };

/** `256M`, `1G`, `1.5G`, `300MiB`, `4096` (bytes): binary units. */
function parseBytes(text: string, flag: string): Failable<number> {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?)(?:i?B)?\s*$/i.exec(text);
  const value = match === null ? Number.NaN : Math.round(Number(match[1]) * (BYTE_UNITS[(match[2] ?? '').toUpperCase()] as number));
  if (!Number.isSafeInteger(value) || value < 1) return fail({ source: `--${flag}`, message: `"${text}" is not a size such as 256M, 1G or 1.5G` });
  return succeed(value);
}
