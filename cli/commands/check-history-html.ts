/**
 * `dsim check-history --html <file>`: the drawing of the checked histories (report/history/), one section per file.
 * For linearizability models only: with an isolation model (list-append, rw-register) or one of Jepsen's checkers
 * (counter, set, set-full, bank, long-fork) the flag is refused.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import { checkOutputPath } from '../../formats/output-path.js';
import type { FileCheckResult } from '../../properties/linearizability/files.js';
import { historyReportFile, renderHistoryHtml, type HistoryReportFile } from '../../report/history/index.js';
import { writeTextFile } from '../files.js';
import { isIsolationModel } from './check-isolation.js';
import { selectsJepsenChecker } from './check-jepsen.js';
import { isModelName } from '../../properties/linearizability/models/registry.js';

/** The `--html` path, checked before any work (undefined when not given); refused for an isolation model. */
export function htmlOutput(args: { readonly html?: string; readonly model: string; readonly linearizable?: boolean }): Failable<string | undefined> {
  if (args.html === undefined) return succeed(undefined);
  if (isIsolationModel(args.model)) {
    return fail({ source: '--html', message: `draws linearizability checks only; it is not supported for --model ${args.model} (transactional isolation)` });
  }
  if (selectsJepsenChecker({ model: args.model, linearizable: args.linearizable === true })) {
    const hint = isModelName(args.model) ? `; --linearizable checks it with dsim's ${args.model} model, which --html draws` : '';
    return fail({ source: '--html', message: `draws linearizability checks only; it is not supported for Jepsen's ${args.model} checker${hint}` });
  }
  return checkOutputPath(args.html, '--html', 'file');
}

/** Writes the page for `results` (checked with `view: true`) to `path`. */
export function writeHistoryHtml(path: string, results: readonly FileCheckResult[]): Failable<void> {
  const files = results.map(historyReportFile).filter((f): f is HistoryReportFile => f !== undefined);
  const title = files.length === 1 ? `dsim check-history: ${files[0]!.file}` : `dsim check-history: ${files.length} histories`;
  return writeTextFile(path, renderHistoryHtml({ title, files }), 'html');
}
