import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { Execution } from '../../execution/types.js';
import type { Scenario } from '../../scenarios/types.js';
import { runScenario } from '../../sim/run.js';
import type { RunInput } from '../strategies/corpus.js';
import { runCoverage, type AbstractState, type RunCoverage } from '../strategies/coverage-keys.js';
import { deciderFor } from '../strategies/decider-for.js';
import { faultsFired } from '../strategies/faults-fired.js';
import { compactSchedule, TickingDecider } from '../strategies/mutate.js';
import type { CampaignJob, SeedOutcome } from './protocol.js';

/**
 * Runs one seed of a campaign (steered by the job's strategy; `input` is a coverage campaign's plan for it) and keeps
 * only what the campaign reports: the execution is dropped at once, after its coverage and faults are counted.
 */
export function runSeed(job: CampaignJob, scenario: Scenario, seed: number, input?: RunInput): Failable<SeedOutcome> {
  const nodes = job.nodes ?? scenario.nodesDefault;
  const strategy = job.strategy?.name ?? 'random';
  const steer = deciderFor(job.strategy, nodes, seed, input);
  // A coverage run notes the tick of each choice, so its corpus entry knows where its new coverage was reached.
  const ticking = strategy === 'coverage' ? new TickingDecider(steer) : undefined;
  const run = runScenario(scenario, {
    seed,
    bug: job.bug,
    nodes: job.nodes,
    eventsMax: job.eventsMax,
    swarm: job.swarm,
    decider: ticking ?? steer,
  });
  if (!run.ok) return run;
  const r = run.value;
  const violations = r.violations.map((v) => ({ property: v.property, message: v.message }));
  if (r.protocolError !== undefined) violations.push({ property: 'protocol-error', message: r.protocolError });
  const undecided = r.undecided.map((u) => ({ property: u.property, message: u.message }));
  const coverage = coverageOf(r.execution, r.abstractState);
  if (!coverage.ok) return coverage;
  const { keys, keyTicks, hbHash } = coverage.value;
  const explored = { keys, keyTicks, hbHash, faults: faultsFired(r) };
  const steered = steer !== undefined; // no decider: the seed alone made the run, as under random
  const keepChoices = strategy === 'coverage' || (steered && violations.length > 0);
  return {
    ok: true,
    value: {
      seed,
      events: r.events,
      traceHash: violations.length === 0 ? '' : r.traceHash,
      violations,
      undecided,
      explored,
      ...(keepChoices ? { choices: compactSchedule(r.schedule) } : {}),
      ...(steered ? { steered: true as const } : {}),
      ...(ticking === undefined ? {} : { choiceTicks: ticking.ticks }),
    },
  };
}

/**
 * The run's coverage; a scenario's `abstractState` is user code, so one that throws or answers something other than
 * a string is an input error naming it (exit 2 from the CLI and from a worker), never a crash of the campaign.
 */
function coverageOf(execution: Execution, abstractState: AbstractState | undefined): Failable<RunCoverage> {
  if (abstractState === undefined) return succeed(runCoverage(execution));
  const checked: AbstractState = (observed, node) => {
    const answer: unknown = abstractState(observed, node);
    if (typeof answer !== 'string') throw new TypeError(`it answered ${typeof answer} for p${node}, not a string`);
    return answer;
  };
  try {
    return succeed(runCoverage(execution, checked));
  } catch (e) {
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return fail({ source: 'abstractState', message: `the scenario's abstractState threw ${what.split('\n')[0]}` });
  }
}
