import type { Argv } from 'yargs';
import { formatInputError, type InputError } from '../../execution/failable.js';
import type { Execution } from '../../execution/types.js';
import { readLogFile } from '../../formats/index.js';
import type { LockCheckResult } from '../../properties/locks/modalities.js';
import { checkExecution, requireQuestions, type CheckRequest, type ExecutionCheck, type Question } from '../../properties/check-execution.js';
import type { PatternResult } from '../../properties/patterns/match-pattern.js';
import type { CheckResult } from '../../properties/result-types.js';
import { checkResultToReport } from '../../report/check-result.js';
import { renderHtmlReport } from '../../report/index.js';
import { ExitCode, printJson, reportInputError } from '../exit.js';
import { writeTextFile } from '../files.js';
import type { CliIo } from '../io.js';
import { parseOptionalCount } from '../options.js';
import { checkLabelField, lockModelOption } from './check-inputs.js';
import type { Command } from './command.js';
import { paint, toneOf } from '../style.js';

interface CheckArgs {
  readonly log: string;
  readonly parser?: string;
  readonly delimiter?: string;
  readonly kv: boolean;
  readonly 'count-cuts': boolean;
  readonly possibly: string[];
  readonly definitely: string[];
  readonly sequence: string[];
  readonly pattern: string[];
  readonly 'label-field'?: string;
  readonly pos?: boolean;
  readonly def?: boolean;
  readonly 'cuts-max'?: string;
  readonly 'level-cuts-max'?: string;
  readonly 'fast-paths': boolean;
  readonly locks?: string[];
  readonly html?: string;
  readonly json: boolean;
}

/** `dsim check <log-or-trace>`: predicates over the lattice of consistent cuts of a recorded execution. */
export const checkCommand: Command<CheckArgs> = {
  command: 'check <log>',
  describe: 'Check Possibly/Definitely of predicates and sequences on a ShiViz/GoVector log or a dsim trace',
  examples: [
    ['dsim check run.log --count-cuts', 'Count the consistent cuts of a ShiViz log dsim wrote'],
    ['dsim check app.log --parser \'(?<event>.*)\\n(?<host>\\S*) (?<clock>.*)\' --possibly \'x == 1 && y == 1\'', 'Could x and y both be 1 in some consistent global state?'],
    ['cat run.log | dsim check - --definitely \'done == true\' --json', 'Standard input, as JSON'],
    ['dsim check threads.log --kv --locks \'^lock (\\w+)\' \'^unlock (\\w+)\' --possibly \'count(inA == 1) >= 2\'', 'Possibly under locking constraints: only orders where no lock is held twice'],
  ],
  builder: (y: Argv) =>
    y
      .positional('log', { type: 'string', describe: 'GoVector/ShiViz log, ShiViz upload file, poset or dsim JSON trace' })
      .option('parser', { type: 'string', describe: 'Parser regex with named groups host, clock, event (default GoVector’s)' })
      .option('delimiter', { type: 'string', describe: 'Execution delimiter regex; its trace group names each execution' })
      .option('kv', { type: 'boolean', default: false, describe: 'Also read key=value pairs from the event text' })
      .option('count-cuts', { type: 'boolean', default: false, describe: 'Count the consistent cuts' })
      .option('possibly', { type: 'string', array: true, default: [], describe: 'Possibly(E): E holds at some consistent cut' })
      .option('definitely', { type: 'string', array: true, default: [], describe: 'Definitely(E): every observation passes a cut where E holds' })
      .option('sequence', { type: 'string', array: true, default: [], describe: "Sequence 'E1; [T2] E2; ...' (with --pos or --def)" })
      .option('pattern', { type: 'string', array: true, default: [], describe: "Regular pattern over event labels on a causal path: 'req got* reply'" })
      .option('label-field', { type: 'string', describe: 'Patterns: label each event by this field (default: its text)' })
      .option('pos', { type: 'boolean', describe: 'Sequences: some observation satisfies them (default)' })
      .option('def', { type: 'boolean', describe: 'Sequences: every observation satisfies them' })
      .option('cuts-max', { type: 'string', describe: 'Consistent cuts visited per search before answering unknown' })
      .option('level-cuts-max', { type: 'string', describe: 'Cuts held in one level of a breadth-first search' })
      .option('fast-paths', { type: 'boolean', default: true, describe: 'Use conjunctive/stable fast paths when the predicate allows' })
      .option('locks', {
        type: 'string',
        array: true,
        nargs: 2,
        describe: 'Possibly/Definitely under locking constraints: <acquire-regex> <release-regex> over event labels (lock name: group `lock` or the first group)',
      })
      .option('html', { type: 'string', describe: 'Write a self-contained HTML report (one per execution) to this file' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' })
      .conflicts('pos', 'def'),
  async run(args, io) {
    const cutsMax = parseOptionalCount(args['cuts-max'], 'cuts-max', 1);
    if (!cutsMax.ok) return reportInputError(io, cutsMax.error);
    const levelCutsMax = parseOptionalCount(args['level-cuts-max'], 'level-cuts-max', 1);
    if (!levelCutsMax.ok) return reportInputError(io, levelCutsMax.error);
    const locks = lockModelOption(args.locks);
    if (!locks.ok) return reportInputError(io, locks.error);
    const questions: Question[] = [
      ...args.possibly.map((text) => ({ kind: 'possibly' as const, text })),
      ...args.definitely.map((text) => ({ kind: 'definitely' as const, text })),
      ...args.sequence.map((text) => ({ kind: 'sequence' as const, modality: args.def === true ? ('def' as const) : ('pos' as const), text })),
      ...args.pattern.map((text) => ({ kind: 'pattern' as const, text, labelField: args['label-field'] })),
    ];
    const request = requireQuestions({
      questions,
      countCuts: args['count-cuts'],
      fastPaths: args['fast-paths'],
      ...(locks.value === undefined ? {} : { locks: locks.value }),
      limits: {
        ...(cutsMax.value === undefined ? {} : { cutsMax: cutsMax.value }),
        ...(levelCutsMax.value === undefined ? {} : { levelCutsMax: levelCutsMax.value }),
      },
    });
    if (!request.ok) return reportInputError(io, request.error);
    const read = await readLogFile(args.log, {
      kv: args.kv,
      ...(args.parser === undefined ? {} : { parser: args.parser }),
      ...(args.delimiter === undefined ? {} : { delimiter: args.delimiter }),
    });
    if (!read.ok) return reportInputError(io, read.error);
    const checks: ExecutionCheck[] = [];
    let inputError: InputError | undefined;
    const missing = args['label-field'] === undefined ? undefined : checkLabelField(args.log, read.value, args['label-field']);
    if (missing !== undefined) return reportInputError(io, missing);
    for (const exec of read.value) {
      const checked = checkExecution(exec, withProgress(io, exec.label, request.value));
      if (io.interactive) io.status?.('');
      if (!checked.ok) {
        inputError = checked.error;
        break;
      }
      checks.push(checked.value);
      if (!args.json) printExecutionCheck(io, exec, checked.value);
    }
    if (args.json) printJson(io, checkJson(read.value, checks, inputError));
    if (inputError !== undefined) return reportInputError(io, inputError);
    if (args.html !== undefined) {
      for (const [i, c] of checks.entries()) {
        const path = checks.length === 1 ? args.html : numberedPath(args.html, i + 1);
        const html = renderHtmlReport({ title: `${args.log}: ${c.label}`, execution: read.value[i]!, results: c.results.map((r) => checkResultToReport(r)) });
        const written = writeTextFile(path, html, 'html');
        if (!written.ok) return reportInputError(io, written.error);
        if (!args.json) io.out(`report: ${path}`);
      }
    }
    const results = checks.flatMap((c) => c.results);
    const counted = checks.every((c) => c.cuts === undefined || c.cuts.verdict === 'complete');
    return counted && results.every((r) => r.verdict === 'holds') ? ExitCode.Ok : ExitCode.Violation;
  },
};

/** A witness cut as JSON: host → number of that host's events in the cut. */
export function cutJson(exec: Execution, cut: Int32Array): Record<string, number> {
  return Object.fromEntries(exec.hosts.map((host, h) => [host, cut[h]!]));
}

/** A path as `host:index` steps (the index-th event of host). */
export function pathJson(exec: Execution, path: readonly number[]): string[] {
  return path.map((id) => `${exec.hosts[exec.events[id]!.host]}:${exec.events[id]!.index}`);
}

function resultJson(exec: Execution, r: CheckResult): Record<string, unknown> {
  return {
    modality: r.modality,
    predicate: r.predicate,
    verdict: r.verdict,
    algorithm: r.algorithm,
    cutsVisited: r.cutsVisited,
    witness: r.witness === undefined ? null : cutJson(exec, r.witness.cut),
    ...(r.witness?.path === undefined ? {} : { witnessPath: pathJson(exec, r.witness.path) }),
    ...(r.stoppedBy === undefined ? {} : { stoppedBy: r.stoppedBy }),
    ...((r as LockCheckResult).endsInDeadlock === undefined ? {} : { endsInDeadlock: (r as LockCheckResult).endsInDeadlock }),
    ...((r as PatternResult).path === undefined ? {} : { path: pathJson(exec, (r as PatternResult).path!), labels: (r as PatternResult).labels ?? [] }),
  };
}

function checkJson(execs: readonly Execution[], checks: readonly ExecutionCheck[], error: InputError | undefined) {
  return {
    executions: checks.map((c, i) => ({
      label: c.label,
      hosts: c.hosts,
      events: c.events,
      ...(c.cuts === undefined ? {} : { cuts: c.cuts.verdict === 'complete' ? c.cuts.count : null, cutsCounted: c.cuts.count }),
      results: c.results.map((r) => resultJson(execs[i]!, r)),
    })),
    ...(error === undefined ? {} : { error: formatInputError(error) }),
  };
}

function printExecutionCheck(io: CliIo, exec: Execution, c: ExecutionCheck): void {
  let cuts = '';
  if (c.cuts !== undefined) {
    cuts = c.cuts.verdict === 'complete' ? `, ${c.cuts.count} consistent cuts` : `, consistent cuts unknown: at least ${c.cuts.count} (stopped: ${c.cuts.stoppedBy})`;
  }
  io.out(`${c.label}: ${c.hosts} hosts, ${c.events} events${cuts}`);
  for (const r of c.results) {
    io.out(`  ${r.modality}(${r.predicate}): ${paint(io, toneOf(r.verdict), r.verdict)} [${r.algorithm}, ${r.cutsVisited} cuts visited]`);
    if (r.stoppedBy !== undefined) io.out(`    stopped by ${r.stoppedBy}`);
    if ((r as LockCheckResult).endsInDeadlock === true) io.out('    the counterexample ends in a deadlock of lock orders');
    const matched = r as PatternResult;
    if (r.modality === 'pattern' && matched.path !== undefined) {
      const labels = (matched.labels ?? []).map((l) => (/\s/.test(l) ? JSON.stringify(l) : l)).join(' ');
      io.out(`    causal path: ${pathJson(exec, matched.path).join(' ')} (labels: ${labels})`);
    } else if (r.witness !== undefined) {
      const cut = Object.entries(cutJson(exec, r.witness.cut)).map(([h, k]) => `${h}=${k}`).join(' ');
      io.out(`    ${r.verdict === 'holds' ? 'witness' : 'counterexample'} cut: ${cut}`);
      const path = r.witness.path;
      if (path !== undefined && path.length <= 40) {
        io.out(`    path: ${path.length === 0 ? '(none: the empty cut)' : pathJson(exec, path).join(' ')}`);
      }
    }
  }
}

/** `report.html` → `report-2.html`: one report per execution of a log that holds several. */
function numberedPath(path: string, n: number): string {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? `${path.slice(0, dot)}-${n}${path.slice(dot)}` : `${path}-${n}`;
}

/** On a terminal, `request` with a status line of the cuts visited so far by a long search. */
function withProgress(io: CliIo, label: string, request: CheckRequest): CheckRequest {
  const status = io.status;
  if (!io.interactive || status === undefined) return request;
  return { ...request, limits: { ...request.limits, onProgress: (n) => status(`${label}: ${n.toLocaleString('en-US')} cuts visited...`) } };
}
