import type { Failable } from '../../execution/failable.js';
import type { Scenario } from '../../scenarios/types.js';
import { runScenario } from '../../sim/run.js';
import type { CampaignJob, SeedOutcome } from './protocol.js';

/** Runs one seed of a campaign and keeps only what the campaign reports (the execution is dropped at once). */
export function runSeed(job: CampaignJob, scenario: Scenario, seed: number): Failable<SeedOutcome> {
  const run = runScenario(scenario, {
    seed,
    bug: job.bug,
    nodes: job.nodes,
    eventsMax: job.eventsMax,
    swarm: job.swarm,
  });
  if (!run.ok) return run;
  const r = run.value;
  const violations = r.violations.map((v) => ({ property: v.property, message: v.message }));
  if (r.protocolError !== undefined) violations.push({ property: 'protocol-error', message: r.protocolError });
  const undecided = r.undecided.map((u) => ({ property: u.property, message: u.message }));
  return { ok: true, value: { seed, events: r.events, traceHash: violations.length === 0 ? '' : r.traceHash, violations, undecided } };
}
