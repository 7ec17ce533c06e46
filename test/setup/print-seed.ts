/** vitest global setup: says once, at the start of a run, which fast-check seed the properties use. */
import { fastCheckSeed } from './fast-check-seed.js';

export default function printSeed(): void {
  process.stdout.write(`fast-check seed: ${fastCheckSeed()} (pinned in test/setup/fast-check-seed.ts; DSIM_FC_SEED=<n> tries another)\n`);
}
