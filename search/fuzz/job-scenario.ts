/**
 * The scenario of a campaign job, as a worker thread finds it: a built-in by name, or a user's scenario by name in
 * the file the job names (imported once per worker), checked to hash as the main thread's copy did.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import { findScenario } from '../../scenarios/index.js';
import type { Scenario } from '../../scenarios/types.js';
import { displayPath } from '../../scenarios/user/import-file.js';
import { loadScenarioFile } from '../../scenarios/user/load.js';
import type { CampaignJob } from './protocol.js';

/** The job of a campaign of `scenario`, or an input error when no worker could find the scenario. */
export function jobOf(scenario: Scenario, rest: Omit<CampaignJob, 'scenario' | 'file' | 'definitionHash'>): Failable<CampaignJob> {
  const file = scenario.origin?.file;
  if (file === undefined && findScenario(scenario.name) !== scenario) {
    return fail({
      source: `scenario ${scenario.name}`,
      message:
        'a worker thread cannot import this scenario: define it in a module of its own with defineScenario({ ..., module: import.meta.url }), or list it in dsim.config.ts',
    });
  }
  return succeed({ ...rest, scenario: scenario.name, file, definitionHash: scenario.origin?.definitionHash });
}

/** Finds the job's scenario in this thread. */
export async function scenarioOfJob(job: CampaignJob): Promise<Failable<Scenario>> {
  if (job.file === undefined) {
    const builtIn = findScenario(job.scenario);
    return builtIn === undefined ? fail({ source: 'scenario', message: `unknown scenario "${job.scenario}"` }) : succeed(builtIn);
  }
  const loaded = await loadScenarioFile(job.file);
  if (!loaded.ok) return loaded;
  const found = loaded.value.find((s) => s.name === job.scenario);
  const shown = displayPath(job.file);
  if (found === undefined) return fail({ source: shown, message: `no scenario named "${job.scenario}" is exported here` });
  if (job.definitionHash !== undefined && found.origin?.definitionHash !== job.definitionHash) {
    return fail({ source: shown, message: `scenario "${job.scenario}" changed while the campaign started; run it again` });
  }
  return succeed(found);
}
