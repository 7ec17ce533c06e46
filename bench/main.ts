/**
 * `npm run bench`: every benchmark, each printing figures as ratios against a baseline measured in the same run.
 * `npm run bench -- sim cuts` runs only the named groups; `strategies` (tens of minutes) runs only when named.
 */
import { runCutsBench } from './cuts.js';
import { runFuzzBench } from './fuzz.js';
import { runLinearizabilityBench } from './linearizability.js';
import { runLinearizabilityScaleBench } from './linearizability-scale.js';
import { runReportBench } from './report.js';
import { runShrinkBench } from './shrink.js';
import { runSimBench } from './sim.js';
import { runStrategiesBench } from './strategies.js';
import { runUserConfigBench } from './user-config.js';

const GROUPS: Record<string, () => Promise<string[]>> = {
  sim: runSimBench,
  cuts: runCutsBench,
  linearizability: runLinearizabilityBench,
  'linearizability-scale': runLinearizabilityScaleBench,
  fuzz: runFuzzBench,
  shrink: runShrinkBench,
  'user-config': runUserConfigBench,
  report: runReportBench,
  strategies: runStrategiesBench,
};
/** Groups run only when named: the hard-bug benchmark of the strategies takes tens of minutes. */
const NAMED_ONLY = new Set(['strategies']);

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !Object.hasOwn(GROUPS, name));
if (unknown.length > 0) {
  process.stderr.write(`error: unknown benchmark group ${unknown.join(', ')}; expected: ${Object.keys(GROUPS).join(', ')}\n`);
  process.exit(2);
}
if (asked.length === 0) process.stdout.write(`(${[...NAMED_ONLY].join(', ')}: run only when named, e.g. npm run bench -- strategies)\n`);
for (const name of asked.length > 0 ? asked : Object.keys(GROUPS).filter((g) => !NAMED_ONLY.has(g))) {
  process.stdout.write(`\n## ${name}\n`);
  for (const line of await GROUPS[name]!()) process.stdout.write(`${line}\n`);
}
