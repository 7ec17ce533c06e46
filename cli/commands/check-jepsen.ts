/**
 * `dsim check-history --model counter|set|set-full|bank|long-fork`: Jepsen's own checkers, as elle-cli runs them
 * (properties/jepsen-checkers/). `counter` and `set` are also dsim linearizability models: these names select
 * Jepsen's checkers, as in elle-cli, and `--linearizable` selects dsim's model instead (for set-full it is Jepsen's
 * `:linearizable?`: stale reads are errors). Each file is read and checked on its own; a malformed one is reported
 * and the others are still checked. Exit code: the worst of the files (2 input error, 1 invalid or unknown, 0 valid).
 */
import type { Argv } from 'yargs';
import { fail, formatInputError, succeed, type Failable, type InputError } from '../../execution/failable.js';
import { inputName, readInputText } from '../../formats/read-text.js';
import { checkJepsenFile, formatJepsenResult, isJepsenCheckerName, JEPSEN_CHECKER_NAMES, type JepsenCheckerName, type JepsenCheckerOptions, type JepsenCheckerResult } from '../../properties/jepsen-checkers/index.js';
import { isModelName } from '../../properties/linearizability/models/registry.js';
import { ExitCode, printJson, reportInputError } from '../exit.js';
import type { CliIo } from '../io.js';
import { parseOptionalCount } from '../options.js';

export { JEPSEN_CHECKER_NAMES };

/** The flags these checkers read. */
export interface JepsenFlags {
  readonly model: string;
  readonly linearizable: boolean;
  readonly total?: string;
  readonly accounts?: string;
  readonly 'allow-negative-balances': boolean;
  readonly 'group-size'?: string;
}

/** Adds the checkers' flags to check-history's parser. */
export function jepsenCheckerFlags<T>(y: Argv<T>): Argv<T> {
  return y
    .option('linearizable', { type: 'boolean', default: false, describe: "With --model counter or set: dsim's linearizability model of that name instead of Jepsen's checker; with set-full: stale reads are errors (Jepsen's :linearizable?)" })
    .option('total', { type: 'string', describe: '(bank) The total every read must sum to (default: the sum of the first ok read)' })
    .option('accounts', { type: 'string', describe: "(bank) The accounts, comma-separated: 0,1,2 (default: the first ok read's)" })
    .option('allow-negative-balances', { type: 'boolean', default: false, describe: '(bank) Negative balances are not errors' })
    .option('group-size', { type: 'string', describe: '(long-fork) Keys per read group (default: the number the first ok read reads)' }) as Argv<T>;
}

/** True when `--model` selects one of Jepsen's checkers rather than a linearizability model. */
export function selectsJepsenChecker(args: Pick<JepsenFlags, 'model' | 'linearizable'>): boolean {
  return isJepsenCheckerName(args.model) && !(args.linearizable && isModelName(args.model));
}

function optionsOf(args: JepsenFlags): Failable<JepsenCheckerOptions> {
  const groupSize = parseOptionalCount(args['group-size'], 'group-size', 1);
  if (!groupSize.ok) return groupSize;
  let total: number | undefined;
  if (args.total !== undefined) {
    total = /^\s*-?\d+\s*$/.test(args.total) ? Number(args.total) : Number.NaN;
    if (!Number.isSafeInteger(total)) return fail({ source: '--total', message: `"${args.total}" is not a whole number` });
  }
  const accounts = args.accounts?.split(',').map((a) => a.trim());
  if (accounts !== undefined && accounts.some((a) => a === '')) return fail({ source: '--accounts', message: `"${args.accounts}" is not a comma-separated list of accounts such as 0,1,2` });
  return succeed({
    linearizable: args.linearizable,
    negativeBalances: args['allow-negative-balances'],
    ...(total === undefined ? {} : { total }),
    ...(accounts === undefined ? {} : { accounts }),
    ...(groupSize.value === undefined ? {} : { groupSize: groupSize.value }),
  });
}

type Checked = { readonly file: string; readonly result: JepsenCheckerResult } | { readonly file: string; readonly error: InputError };

/** Checks every file with the checker `--model` names; prints text or JSON; answers the exit code. */
export function checkJepsenFiles(io: CliIo, files: readonly string[], args: JepsenFlags & { readonly json: boolean }): ExitCode {
  const name = args.model as JepsenCheckerName;
  const options = optionsOf(args);
  if (!options.ok) return reportInputError(io, options.error);
  const checked: Checked[] = files.map((path) => {
    const file = inputName(path);
    const text = readInputText(path);
    if (!text.ok) return { file, error: text.error };
    const r = checkJepsenFile(text.value, file, name, options.value);
    return r.ok ? { file, result: r.value } : { file, error: r.error };
  });
  if (args.json) printJson(io, { results: checked.map(jsonOf) });
  for (const c of checked) {
    if ('error' in c) io.err(`error: ${formatInputError(c.error)}`);
    else if (!args.json) io.out(`${c.file}: ${formatJepsenResult(c.result).replace(/\n/g, '\n  ')}`);
  }
  if (checked.some((c) => 'error' in c)) return ExitCode.Usage;
  return checked.every((c) => 'result' in c && c.result.valid === true) ? ExitCode.Ok : ExitCode.Violation;
}

function jsonOf(c: Checked): Record<string, unknown> {
  if ('error' in c) return { file: c.file, valid: 'unknown', error: formatInputError(c.error) };
  const { checker, valid, ...rest } = c.result;
  return { file: c.file, valid, checker, ...rest };
}
