import type { Argv } from 'yargs';
import { fuzz, type FuzzResult } from '../../search/fuzz/fuzz.js';
import { parseShard } from '../../search/fuzz/seeds.js';
import { fail, succeed, type Failable } from '../../execution/failable.js';
import { writeFileAtomic } from '../../formats/output-path.js';
import { renderCampaignHtml } from '../../report/campaign.js';
import { checkOutputFlags } from '../output-paths.js';
import type { ExplorationReport } from '../../search/strategies/exploration.js';
import { parseStrategy, PCT_DEPTH_DEFAULT, STRATEGY_DESCRIPTIONS, STRATEGY_NAMES, strategyLabel } from '../../search/strategies/types.js';
import { SHRINK_RUNS_MAX_DEFAULT } from '../../search/shrink/shrink.js';
import { parseSeed } from '../../sim/random.js';
import { parseDurationMs } from '../duration.js';
import { ExitCode, printJson, reportInputError } from '../exit.js';
import type { CliIo } from '../io.js';
import { watchFuzzSignals, signalExitCode } from '../fuzz-signals.js';
import { parseOptionalCount, runCommandLine, shellQuote } from '../options.js';
import { progressView } from '../progress.js';
import type { Command } from './command.js';
import { faultsFiredLines } from '../faults-output.js';
import { scenarioNamed, type ConfigFlag } from '../scenarios.js';
import { paint } from '../style.js';
import { readTextFile, writeTextFile } from '../files.js';
import { scheduleFileShiViz } from '../../search/shrink/passing-twin.js';
import type { Scenario } from '../../scenarios/types.js';

interface FuzzArgs extends ConfigFlag {
  readonly scenario: string;
  readonly bug?: string;
  readonly nodes?: string;
  readonly 'max-events'?: string;
  readonly seeds?: string;
  readonly 'time-budget'?: string;
  readonly 'seed-start': string;
  readonly workers?: string;
  readonly shard?: string;
  readonly swarm: boolean;
  readonly out: string;
  readonly 'shrink-budget'?: string;
  readonly 'shrink-runs'?: string;
  readonly json: boolean;
  readonly 'first-failure-line': boolean;
  readonly strategy?: string;
  readonly depth?: string;
  readonly html?: string;
  readonly shiviz: boolean;
}

/** `dsim fuzz <scenario>`: many seeds on every core; each distinct failure comes back as a repro file. */
export const fuzzCommand: Command<FuzzArgs> = {
  command: 'fuzz <scenario>',
  describe: 'Run a scenario over many seeds in parallel; write a repro file for each distinct failure',
  examples: [
    ['dsim fuzz raft-election --bug votedfor-not-persisted --seeds 500', 'Find a bug; each failure is shrunk and written with its replay command'],
    ['dsim fuzz paxos --bug adopt-first-promise --strategy pct --depth 2 --seeds 5000', 'Search with probabilistic concurrency testing'],
    ['dsim fuzz chain --seeds 100000 --shard 1/4 --out results/shard-1', 'One of four shards of a campaign (merge them with dsim merge)'],
  ],
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario name (see dsim list)' })
      .option('bug', { type: 'string', describe: 'Bug variant of the scenario to run' })
      .option('nodes', { type: 'string', describe: "Cluster size (default: the scenario's)" })
      .option('max-events', { type: 'string', describe: "Stop each run after this many events (default: the scenario's limit)" })
      .option('seeds', { type: 'string', describe: 'Number of seeds (default 1000 unless --time-budget is given)' })
      .option('time-budget', { type: 'string', describe: 'Run seeds until this much time has passed: 60s, 5m, 1h' })
      .option('seed-start', { type: 'string', default: '1', describe: 'First seed' })
      .option('workers', { type: 'string', describe: 'Worker threads (default: every core)' })
      .option('shard', { type: 'string', describe: 'Run only the k-th of n disjoint slices of the seeds: k/n' })
      .option('swarm', { type: 'boolean', default: false, describe: 'Draw each run’s fault mix from its seed' })
      .option('strategy', {
        type: 'string',
        describe: `How runs are chosen: ${STRATEGY_NAMES.map((n) => `${n}: ${STRATEGY_DESCRIPTIONS[n]}`).join('; ')}. Default random (docs/search.md)`,
      })
      .option('depth', { type: 'string', describe: `Bug depth of --strategy pct: depth - 1 priority change points per run (default ${PCT_DEPTH_DEFAULT})` })
      .option('out', { type: 'string', default: 'dsim-failures', describe: 'Folder for repro files and the summary' })
      .option('shrink-runs', { type: 'string', describe: `Candidate runs to shrink each repro with (default ${SHRINK_RUNS_MAX_DEFAULT}; 0 writes repros unshrunk)` })
      .option('shrink-budget', { type: 'string', describe: 'Wall-clock safety net per shrink, e.g. 60s (default none: shrinks are bounded by runs, the same on every machine; 0 writes repros unshrunk)' })
      .option('html', { type: 'string', describe: 'Write an HTML campaign report (coverage curve, faults fired, failures) to this file' })
      .option('shiviz', { type: 'boolean', default: false, describe: "Beside each repro, write <repro>.shiviz.log: its run and a passing run one choice away, for ShiViz's diff view" })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON' })
      // For scripts and tests that wait for a failure before they signal the campaign: not in --help.
      .option('first-failure-line', { type: 'boolean', default: false, hidden: true }),
  async run(args, io) {
    const seedStart = parseSeed(args['seed-start'], '--seed-start');
    if (!seedStart.ok) return reportInputError(io, seedStart.error);
    const counts = [
      parseOptionalCount(args.seeds, 'seeds', 1),
      parseOptionalCount(args.workers, 'workers', 1),
      parseOptionalCount(args.nodes, 'nodes', 1),
      parseOptionalCount(args['max-events'], 'max-events', 1),
      parseOptionalCount(args['shrink-runs'], 'shrink-runs', 0),
    ] as const;
    for (const c of counts) if (!c.ok) return reportInputError(io, c.error);
    const [seeds, workers, nodes, eventsMax, shrinkRuns] = counts.map((c) => (c.ok ? c.value : undefined));
    const budget = args['time-budget'] === undefined ? undefined : parseDurationMs(args['time-budget'], 'time-budget');
    if (budget !== undefined && !budget.ok) return reportInputError(io, budget.error);
    const shrinkBudget =
      args['shrink-budget'] === undefined || /^\s*0+\s*[a-z]*\s*$/.test(args['shrink-budget'])
        ? undefined
        : parseDurationMs(args['shrink-budget'], 'shrink-budget');
    if (shrinkBudget !== undefined && !shrinkBudget.ok) return reportInputError(io, shrinkBudget.error);
    const shard = args.shard === undefined ? undefined : parseShard(args.shard);
    if (shard !== undefined && !shard.ok) return reportInputError(io, shard.error);
    const strategy = parseStrategy(args.strategy, args.depth);
    if (!strategy.ok) return reportInputError(io, strategy.error);
    const html = checkOutputFlags(args, { html: 'file' });
    if (!html.ok) return reportInputError(io, html.error);

    const scenario = await scenarioNamed(args, args.scenario);
    if (!scenario.ok) return reportInputError(io, scenario.error);
    const signals = watchFuzzSignals(io, args.out);
    const view = progressView(io, args.scenario, budget?.value);
    let announced = false;
    try {
      const result = await fuzz({
        scenario: scenario.value,
        bug: args.bug,
        nodes,
        eventsMax,
        seeds: seeds ?? (budget === undefined ? 1000 : undefined),
        seedStart: seedStart.value,
        timeBudgetMs: budget?.value,
        workers,
        shard: shard?.value,
        swarm: args.swarm,
        strategy: strategy.value,
        outDir: args.out,
        shrink:
          shrinkRuns === 0 || (args['shrink-budget'] !== undefined && shrinkBudget === undefined)
            ? false
            : { runsMax: shrinkRuns, timeBudgetMs: shrinkBudget?.ok === true ? shrinkBudget.value : undefined },
        signal: signals.stop,
        halt: signals.halt,
        onProgress: (p) => {
          view.update(p);
          if (args['first-failure-line'] && !announced && p.failures > 0) io.err(`dsim: a failing seed was found (${p.seedsDone} seeds done)`);
          announced ||= p.failures > 0;
        },
        onNote: (line) => io.err(line),
      });
      view.stop();
      if (!result.ok) return reportInputError(io, result.error);
      // After a halting signal the repros are kept as they are: no more runs.
      const logs = args.shiviz && signals.halted() === undefined ? writeReproLogs(result.value, scenario.value) : succeed([]);
      if (!logs.ok) return reportInputError(io, logs.error);
      if (args.json) printJson(io, { ...fuzzJson(result.value), ...(args.shiviz ? { shiviz: logs.value } : {}) });
      else printFuzz(io, result.value);
      if (!args.json) for (const log of logs.value) io.out(`shiviz: ${log}`);
      if (args.html !== undefined) {
        const written = writeCampaignHtml(args.html, result.value);
        if (!written.ok) return reportInputError(io, written.error);
      }
      const halted = signals.halted();
      if (halted !== undefined) return signalExitCode(halted);
      return result.value.summary.failures.length === 0 ? ExitCode.Ok : ExitCode.Violation;
    } finally {
      view.stop();
      signals.dispose();
    }
  },
};

/** The JSON shape of `fuzz`. */
export function fuzzJson(r: FuzzResult): Record<string, unknown> {
  const reproBySeed = new Map(r.repros.map((p) => [p.seed, p]));
  return {
    scenario: r.scenario,
    bug: r.bug ?? null,
    seedStart: r.range.start,
    seeds: r.summary.seedsRun,
    shard: r.shard === undefined ? null : `${r.shard.index}/${r.shard.total}`,
    workers: r.workers,
    strategy: r.strategy,
    stopReason: r.stopReason,
    seedsPerSecond: Math.round(r.seedsPerSecond * 10) / 10,
    events: r.summary.eventsTotal,
    failuresByProperty: r.summary.failuresByProperty,
    undecidedByProperty: r.summary.undecidedByProperty ?? {},
    distinctFailures: r.summary.distinct.length,
    explored: r.explored,
    failures: r.summary.failures.map((f) => {
      const repro = reproBySeed.get(f.seed);
      return {
        seed: f.seed,
        property: f.property,
        message: f.message,
        repro: repro === undefined ? null : `npx dsim replay ${shellQuote(repro.path)}`,
        shrunk: repro?.shrunk ?? null,
        shrinkStop: repro?.shrinkStop ?? null,
        origin: repro?.origin ?? null,
      };
    }),
  };
}

function printFuzz(io: CliIo, r: FuzzResult): void {
  const s = r.summary;
  const stopped = r.stopReason === 'done' ? '' : r.stopReason === 'interrupted' ? ' (interrupted)' : ' (time budget reached)';
  const strategy = r.strategy.name === 'random' ? '' : `, strategy ${strategyLabel(r.strategy)}`;
  io.out(
    `${r.scenario}${r.bug === undefined ? '' : ` --bug ${r.bug}`}: ${s.seedsRun} seeds from ${r.range.start}${stopped}${strategy}, ` +
      `${s.eventsTotal} events, ${r.seedsPerSecond.toFixed(0)} seeds/s on ${r.workers} workers`,
  );
  printExplored(io, r.explored);
  printUndecided(io, s.undecidedByProperty ?? {});
  if (s.failures.length === 0) {
    io.out(paint(io, 'good', 'no failures'));
    return;
  }
  io.out(`${paint(io, 'bad', `${s.failures.length} failing seeds`)}, ${s.distinct.length} distinct failures`);
  for (const [property, count] of Object.entries(s.failuresByProperty)) io.out(`  ${property}: ${count} seeds`);
  for (const repro of r.repros) {
    const predicted = repro.origin === 'predicted' ? ' (predicted: another interleaving with the same causality violates it)' : '';
    io.out(`seed ${repro.seed}: ${repro.property}${predicted}: ${repro.message}`);
    if (repro.shrunk !== null) {
      const k = repro.shrunk;
      const cut = repro.shrinkStop === 'interrupted' ? ' (interrupted: the smallest run found so far)' : '';
      io.out(`  shrunk: ${k.eventsBefore} → ${k.eventsAfter} events, ${k.faultsBefore} → ${k.faultsAfter} faults in ${k.ms} ms${cut}`);
    }
    io.out(`  replay: npx dsim replay ${shellQuote(repro.path)}`);
  }
  const rest = s.failures.filter((f) => !r.repros.some((p) => p.seed === f.seed)).slice(0, 5);
  for (const f of rest) {
    const replay = f.choices === undefined ? `replay: ${runCommandLine({ scenario: r.scenario, seed: f.seed, bug: r.bug, swarm: r.swarm })}` : 'a run the strategy steered: only a repro file replays it';
    io.out(`seed ${f.seed}: ${f.property} (${replay})`);
  }
}

/** What the campaign explored: one line of coverage, one of the faults that fired. */
function printExplored(io: CliIo, e: ExplorationReport): void {
  io.out(`explored: ${e.states} abstract states, ${e.keys} coverage keys, ${e.shapes} run shapes`);
  for (const line of faultsFiredLines(e.faultsFired)) io.out(line);
}

/** The seeds that could not decide a property: not failures, but a limit to raise. */
export function printUndecided(io: CliIo, byProperty: Readonly<Record<string, number>>): void {
  for (const [property, count] of Object.entries(byProperty)) {
    io.out(`  ${property}: could not be decided on ${count} seed${count === 1 ? '' : 's'} (a limit stopped the run or a search first)`);
  }
}

/** Writes the HTML campaign report of `r` (report/campaign.ts). */
function writeCampaignHtml(path: string, r: FuzzResult): Failable<void> {
  const reproBySeed = new Map(r.repros.map((p) => [p.seed, p]));
  const page = renderCampaignHtml({
    title: `dsim fuzz ${r.scenario}${r.bug === undefined ? '' : ` --bug ${r.bug}`}`,
    facts: [
      `strategy ${strategyLabel(r.strategy)}; ${r.summary.seedsRun} seeds from ${r.range.start} (${r.stopReason}); ${r.summary.eventsTotal} events`,
      `${r.explored.states} abstract states, ${r.explored.keys} coverage keys, ${r.explored.shapes} run shapes`,
      `${r.summary.failures.length} failing seeds, ${r.summary.distinct.length} distinct failures`,
      `${r.seedsPerSecond.toFixed(0)} seeds/s on ${r.workers} workers`,
    ],
    failuresByProperty: r.summary.failuresByProperty,
    curve: r.explored.curve,
    faultsFired: r.explored.faultsFired,
    failures: r.summary.failures.slice(0, 50).map((f) => {
      const repro = reproBySeed.get(f.seed);
      const replay = repro !== undefined ? `npx dsim replay ${shellQuote(repro.path)}` : f.choices === undefined ? runCommandLine({ scenario: r.scenario, seed: f.seed, bug: r.bug, swarm: r.swarm }) : 'a run the strategy steered: only a repro file replays it';
      return { seed: f.seed, property: f.property, message: f.message, replay };
    }),
  });
  try {
    writeFileAtomic(path, page);
    return succeed(undefined);
  } catch (e) {
    return fail({ source: '--html', message: `the report ${path} cannot be written (${String(e)})` });
  }
}

/** `<repro>.shiviz.log` beside each repro: its run and its passing twin (search/shrink/passing-twin.ts). */
function writeReproLogs(r: FuzzResult, scenario: Scenario): Failable<string[]> {
  const written: string[] = [];
  for (const repro of r.repros) {
    const text = readTextFile(repro.path);
    if (!text.ok) return text;
    const log = scheduleFileShiViz(text.value, repro.path, scenario);
    if (!log.ok) return log;
    const path = repro.path.replace(/\.json$/, '') + '.shiviz.log';
    const saved = writeTextFile(path, log.value, 'shiviz');
    if (!saved.ok) return saved;
    written.push(path);
  }
  return succeed(written);
}
