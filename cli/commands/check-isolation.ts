/**
 * `dsim check-history --model list-append|rw-register`: transactional isolation of recorded histories, in the
 * manner of Elle (properties/isolation/). Each file is read and checked on its own; a malformed one is reported and
 * the others are still checked. Exit code: the worst of the files (2 for an input error, 1 for a history that is
 * not valid or could not be decided, 0 when every one is valid).
 */
import { formatInputError, type InputError } from '../../execution/failable.js';
import { inputName, readInputText } from '../../formats/read-text.js';
import { anomaliesByName, checkIsolationFile, CONSISTENCY_MODELS, formatIsolationResult, type ConsistencyModel, type DataModel, type IsolationResult } from '../../properties/isolation/index.js';
import { ExitCode, printJson, reportInputError } from '../exit.js';
import type { CliIo } from '../io.js';

/** The `--model` names that select the isolation checker. */
export const ISOLATION_MODELS: readonly DataModel[] = ['list-append', 'rw-register'];

export function isIsolationModel(name: string): name is DataModel {
  return (ISOLATION_MODELS as readonly string[]).includes(name);
}

type Checked = { readonly file: string; readonly result: IsolationResult } | { readonly file: string; readonly error: InputError };

/** Checks every file against `model`; prints text or JSON; answers the exit code. */
export function checkIsolationFiles(io: CliIo, files: readonly string[], model: DataModel, json: boolean, consistencyModel?: string): ExitCode {
  if (consistencyModel !== undefined && !(CONSISTENCY_MODELS as readonly string[]).includes(consistencyModel)) {
    return reportInputError(io, { source: '--consistency-model', message: `unknown consistency model "${consistencyModel}"; expected one of: ${CONSISTENCY_MODELS.join(', ')}` });
  }
  const against = consistencyModel === undefined ? {} : { consistencyModel: consistencyModel as ConsistencyModel };
  const checked: Checked[] = files.map((path) => {
    const file = inputName(path);
    const text = readInputText(path);
    if (!text.ok) return { file, error: text.error };
    const r = checkIsolationFile(text.value, file, { model, ...against });
    return r.ok ? { file, result: r.value } : { file, error: r.error };
  });
  if (json) printJson(io, { results: checked.map(jsonOf) });
  for (const c of checked) {
    if ('error' in c) io.err(`error: ${formatInputError(c.error)}`);
    else if (!json) io.out(`${c.file}: ${formatIsolationResult(c.result).replace(/\n/g, '\n  ')}`);
  }
  if (checked.some((c) => 'error' in c)) return ExitCode.Usage;
  return checked.every((c) => 'result' in c && c.result.valid === true) ? ExitCode.Ok : ExitCode.Violation;
}

function jsonOf(c: Checked): Record<string, unknown> {
  if ('error' in c) return { file: c.file, valid: 'unknown', error: formatInputError(c.error) };
  const r = c.result;
  return {
    file: c.file,
    valid: r.valid,
    checkedAgainst: r.consistencyModel,
    strongestModel: r.strongestModel,
    notSatisfied: r.notSatisfied,
    anomalies: anomaliesByName(r),
    explanation: r.explanation,
    transactions: r.transactions,
    ...(r.stoppedBy === undefined ? {} : { stoppedBy: r.stoppedBy }),
  };
}
