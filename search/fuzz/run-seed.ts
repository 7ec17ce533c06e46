import type { Failable } from '../../execution/failable.js';
import type { Scenario } from '../../scenarios/types.js';
import { runScenario } from '../../sim/run.js';
import type { RunInput } from '../strategies/corpus.js';
import { runCoverage } from '../strategies/coverage-keys.js';
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
  const coverage = runCoverage(r.execution, r.abstractState);
  const explored = { keys: coverage.keys, keyTicks: coverage.keyTicks, hbHash: coverage.hbHash, faults: faultsFired(r.execution, r.schedule) };
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
