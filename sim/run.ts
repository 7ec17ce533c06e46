/**
 * The library API the CLI calls: run a scenario by name, replay a schedule file. Pure functions: no printing, no
 * exit; user mistakes come back as Failable errors with one clear sentence.
 */
import { fail, succeed, type Failable, type InputError } from '../execution/failable.js';
import { executionHash } from '../execution/hash.js';
import type { History } from '../execution/history.js';
import type { Execution, State } from '../execution/types.js';
import type { Witness } from '../properties/result-types.js';
import { findScenario, scenarioNames } from '../scenarios/index.js';
import type { Property, PropertyVerdict, Scenario } from '../scenarios/types.js';
import { EVENTS_MAX_LIMIT, LIMITS_DEFAULT, NODES_MAX_DEFAULT, VC_CELLS_MAX, type EndReason } from './limits.js';
import type { SiteOptions } from './chooser.js';
import type { ChoiceDecider } from './decider.js';
import { formatProtocolError, type Choice, type NetworkFault, type StorageFault } from './outcome.js';
import { readScheduleFile, type ScheduleFile } from './schedule-file.js';
import { simulate } from './simulator.js';
import { validateLimits, validatePlan } from './validate.js';
import { validateWorkload } from './workload/validate.js';

/** Options of one run. */
export interface RunOptions {
  readonly seed: number;
  readonly bug?: string | undefined;
  readonly nodes?: number | undefined;
  readonly eventsMax?: number | undefined;
  readonly timeTicksMax?: number | undefined;
  /** Replay these choices instead of drawing from the seed. */
  readonly schedule?: readonly Choice[] | undefined;
  /** Draw the fault mix itself from the seed (swarm testing; sim/faults.ts `swarmPlan`). */
  readonly swarm?: boolean | undefined;
  /** Indices into the scenario's scripted faults that do not happen (a shrunk repro leaves them out). */
  readonly scriptedFaultsSkipped?: readonly number[] | undefined;
  /** Name each choice's site, and decide by site with `keyed` (a shrinker's candidates; sim/chooser.ts). */
  readonly sites?: SiteOptions | undefined;
  /** Steers a fresh run's choices (a search strategy's; sim/decider.ts). Ignored when `schedule` is given. */
  readonly decider?: ChoiceDecider | undefined;
}

/** A property a run violated, with its counterexample in words (and the violating cut, when the property gave one). */
export interface Violation {
  readonly property: string;
  readonly message: string;
  readonly witness?: Witness;
}

/** A property a run could not decide (a limit stopped the run or a search first), with what it reached. */
export interface Undecided {
  readonly property: string;
  readonly message: string;
}

/** Everything a run produced. `ok` when no property was violated and no handler failed. */
export interface RunReport {
  /** The scenario's name. */
  readonly scenario: string;
  /** The scenario itself (a built-in or the user's own): what a shrinker or a replay re-runs. */
  readonly definition: Scenario;
  readonly bug: string | undefined;
  readonly seed: number;
  readonly nodes: number;
  readonly ok: boolean;
  readonly violations: readonly Violation[];
  /** Properties the run could not decide (`unknown`): neither held nor violated. */
  readonly undecided: readonly Undecided[];
  /** Number of events. */
  readonly events: number;
  /** Clients of the scenario's workload (hosts `nodes ..` of the execution, named `c0`, `c1`, ...); absent without one. */
  readonly clientCount?: number;
  readonly traceHash: string;
  readonly execution: Execution;
  readonly history: History;
  readonly schedule: readonly Choice[];
  /** The partitions, heals, clogs and unclogs that fired (changed some link), in order. */
  readonly networkFaults: readonly NetworkFault[];
  /** The storage faults that struck (lost or torn writes, read errors, delayed fsyncs), in order. */
  readonly storageFaults: readonly StorageFault[];
  readonly endReason: EndReason;
  readonly endTicks: number;
  /** `protocol error at pX, event N: message`, when a handler failed. */
  readonly protocolError?: string;
  readonly eventsMax: number;
  readonly timeTicksMax: number;
  /** The fault mix was drawn from the seed (absent: false). */
  readonly swarm?: boolean;
  /** Replayed choices that no longer fit and ran on defaults (0 for fresh runs). */
  readonly fallbackCount: number;
  /** Each node's observable state at the end (`undefined`: down at the end). */
  readonly finalStates: readonly (State | undefined)[];
  /** Scripted faults of the scenario left out of this run (indices, ascending); absent when none were. */
  readonly scriptedFaultsSkipped?: readonly number[];
  /** The site key of each choice of `schedule` (when the run had sites on). */
  readonly siteKeys?: readonly string[];
  /** The tick at which each choice of `schedule` was made (when the run had sites on). */
  readonly siteTicks?: readonly number[];
  /** The scenario's abstract state of a node (`ScenarioBuild.abstractState`), when it declares one. */
  readonly abstractState?: (observed: State, node: number) => string;
}

/** Runs a scenario: a registered one by name, or a scenario value (one defined in a user's test, say). */
export function runScenario(target: string | Scenario, opts: RunOptions): Failable<RunReport> {
  const scenario = typeof target === 'string' ? findScenario(target) : target;
  if (scenario === undefined) {
    return fail({ source: 'scenario', message: `unknown scenario "${String(target)}"; expected one of: ${scenarioNames().join(', ')}` });
  }
  const name = scenario.name;
  const checked = checkOptions(scenario, opts);
  if (!checked.ok) return checked;
  const nodes = checked.value;
  const built = scenario.build({ bug: opts.bug, nodes });
  const faults = opts.swarm === true ? { ...built.faults, swarm: true } : built.faults;
  const plan = validatePlan(faults, nodes, `scenario ${name} fault plan`);
  if (!plan.ok) return plan;
  const limits = {
    ...LIMITS_DEFAULT,
    ...built.limits,
    ...(opts.eventsMax === undefined ? {} : { eventsMax: opts.eventsMax }),
    ...(opts.timeTicksMax === undefined ? {} : { timeTicksMax: opts.timeTicksMax }),
  };
  const limitsOk = validateLimits(limits);
  if (!limitsOk.ok) return limitsOk;
  const workload = built.workload === undefined ? undefined : validateWorkload(built.workload, nodes, `scenario ${name} workload`);
  if (workload !== undefined && !workload.ok) return workload;
  if (workload !== undefined && built.protocol.onClientRequest === undefined) {
    return fail({ source: `scenario ${name} workload`, message: `protocol ${built.protocol.name} has no onClientRequest handler; a workload's requests need one` });
  }
  const bounded = checkRunSize(nodes + (built.workload?.clients ?? 0), limits.eventsMax);
  if (!bounded.ok) return bounded;
  const skipped = [...new Set(opts.scriptedFaultsSkipped ?? [])].sort((a, b) => a - b);
  const scriptedCount = plan.value.scripted?.length ?? 0;
  const badSkip = skipped.find((i) => !Number.isInteger(i) || i < 0 || i >= scriptedCount);
  if (badSkip !== undefined) {
    return fail({ source: 'scriptedFaultsSkipped', message: `${badSkip} is not the index of one of the ${scriptedCount} scripted faults of scenario ${name}` });
  }
  const outcome = simulate({
    protocol: built.protocol,
    nodeCount: nodes,
    plan: plan.value,
    limits,
    seed: opts.seed,
    ...(opts.schedule === undefined ? {} : { schedule: opts.schedule }),
    ...(skipped.length === 0 ? {} : { scriptedFaultsSkipped: skipped }),
    ...(opts.sites === undefined ? {} : { sites: opts.sites }),
    ...(opts.decider === undefined ? {} : { decider: opts.decider }),
    ...(workload === undefined ? {} : { workload: workload.value }),
    label: `${name}${opts.bug === undefined ? '' : ` (bug ${opts.bug})`} seed ${opts.seed}`,
  });
  const violations: Violation[] = [];
  const undecided: Undecided[] = [];
  for (const p of built.properties) {
    const verdict = checkProperty(p, outcome);
    if ('input' in verdict) return fail(verdict.input);
    if (verdict.ok && verdict.undecided !== undefined) undecided.push({ property: p.name, message: verdict.undecided });
    if (!verdict.ok) {
      violations.push({ property: p.name, message: verdict.message, ...(verdict.witness === undefined ? {} : { witness: verdict.witness }) });
    }
  }
  const protocolError = outcome.protocolError === undefined ? undefined : formatProtocolError(outcome.protocolError);
  let traceHash: string | undefined;
  return succeed({
    scenario: name,
    definition: scenario,
    bug: opts.bug,
    seed: opts.seed,
    nodes,
    ok: violations.length === 0 && protocolError === undefined,
    violations,
    undecided,
    events: outcome.eventCount,
    ...(outcome.clientCount === undefined ? {} : { clientCount: outcome.clientCount }),
    // Hashed on first read: a fuzz campaign never reads it for the seeds that pass.
    get traceHash() {
      return (traceHash ??= executionHash(outcome.execution));
    },
    execution: outcome.execution,
    history: outcome.history,
    schedule: outcome.schedule,
    networkFaults: outcome.networkFaults,
    storageFaults: outcome.storageFaults,
    endReason: outcome.endReason,
    endTicks: outcome.endTicks,
    ...(protocolError === undefined ? {} : { protocolError }),
    eventsMax: limits.eventsMax,
    timeTicksMax: limits.timeTicksMax,
    swarm: plan.value.swarm === true,
    fallbackCount: outcome.fallbackCount,
    finalStates: outcome.finalStates,
    ...(skipped.length === 0 ? {} : { scriptedFaultsSkipped: skipped }),
    ...(built.abstractState === undefined ? {} : { abstractState: built.abstractState }),
    ...('siteKeys' in outcome ? { get siteKeys() { return outcome.siteKeys; }, get siteTicks() { return outcome.siteTicks; } } : {}),
  });
}

/** A replay's report: `hashMatches` when the replayed trace has the hash the file recorded. */
export interface ReplayReport extends RunReport {
  readonly hashMatches: boolean;
  readonly expectedTraceHash: string;
}

/**
 * Re-runs what a schedule file records: its scenario, variant, size and limits, from its choices (not its seed).
 * `source` names the file in errors.
 */
export function runScheduleFile(f: ScheduleFile, source: string, scenario: string | Scenario = f.scenario): Failable<RunReport> {
  const run = runScenario(scenario, {
    seed: f.seed,
    bug: f.bug ?? undefined,
    nodes: f.nodes,
    eventsMax: f.maxEvents,
    timeTicksMax: f.timeTicksMax,
    swarm: f.swarm,
    schedule: f.choices,
    scriptedFaultsSkipped: f.scriptedFaultsSkipped,
  });
  return run.ok ? run : fail({ ...run.error, source: `${source}: ${run.error.source}` });
}

/** Replays a schedule file's contents (`source` names the file in errors). */
export function replaySchedule(text: string, source = 'schedule file', scenario?: Scenario): Failable<ReplayReport> {
  const file = readScheduleFile(text, source);
  if (!file.ok) return file;
  const f = file.value;
  const run = runScheduleFile(f, source, scenario ?? f.scenario);
  if (!run.ok) return run;
  return succeed({ ...run.value, hashMatches: run.value.traceHash === f.traceHash, expectedTraceHash: f.traceHash });
}

/**
 * The size bounds of a run: its events limit at most `EVENTS_MAX_LIMIT`, and its vector clocks (events × nodes
 * cells) at most `VC_CELLS_MAX`. Over them is an input error naming the flag to lower, before anything runs.
 */
export function checkRunSize(nodes: number, eventsMax: number): Failable<void> {
  if (eventsMax > EVENTS_MAX_LIMIT) {
    return fail({ source: '--max-events', message: `${eventsMax} is more than the limit EVENTS_MAX_LIMIT (${EVENTS_MAX_LIMIT}) events per run` });
  }
  if (nodes * eventsMax > VC_CELLS_MAX) {
    return fail({
      source: '--max-events',
      message:
        `${nodes} nodes × ${eventsMax} events would record ${nodes * eventsMax} vector-clock cells, more than the limit ` +
        `VC_CELLS_MAX (${VC_CELLS_MAX}); lower --max-events (to ${Math.floor(VC_CELLS_MAX / nodes)} at most) or --nodes`,
    });
  }
  return succeed(undefined);
}

function checkOptions(scenario: Scenario, opts: RunOptions): Failable<number> {
  const bugs = Object.keys(scenario.bugs);
  if (opts.bug !== undefined && !Object.hasOwn(scenario.bugs, opts.bug)) {
    const expected = bugs.length === 0 ? 'it has no bug variants' : `expected one of: ${bugs.join(', ')}`;
    return fail({ source: 'bug', message: `unknown bug "${opts.bug}" for scenario ${scenario.name}; ${expected}` });
  }
  const nodes = opts.nodes ?? scenario.nodesDefault;
  const max = scenario.nodesMax ?? Infinity;
  if (!Number.isInteger(nodes) || nodes < scenario.nodesMin || nodes > max) {
    const range = max === Infinity ? `at least ${scenario.nodesMin}` : `${scenario.nodesMin} to ${max}`;
    return fail({ source: 'nodes', message: `scenario ${scenario.name} runs with ${range} nodes, not ${nodes}` });
  }
  if (nodes > NODES_MAX_DEFAULT) {
    return fail({ source: 'nodes', message: `${nodes} nodes is more than the limit NODES_MAX_DEFAULT (${NODES_MAX_DEFAULT}) of a run; lower --nodes` });
  }
  if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 0xffffffff) {
    return fail({ source: 'seed', message: `seed ${opts.seed} is not an unsigned 32-bit integer` });
  }
  return succeed(nodes);
}

/**
 * A property's verdict, or the input error of a check that threw: a `DsimInputError` (a typo'd field, say) as it
 * is, anything else as one sentence naming the property. A user's property is user code; its throw is their
 * mistake to fix, reported as exit 2 by the CLI and a worker alike, never as a crash of dsim.
 */
function checkProperty(p: Property, outcome: Parameters<Property['check']>[0]): PropertyVerdict | { readonly input: InputError } {
  try {
    return p.check(outcome);
  } catch (e) {
    const input = (e as { input?: InputError } | null)?.input;
    if (typeof input === 'object' && input !== null) return { input };
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { input: { source: `property ${p.name}`, message: `its check threw ${what.split('\n')[0]}` } };
  }
}
