/**
 * Shrinking failing runs: the public surface. `shrinkFailure` minimises a failing run's schedule (the recorded
 * choices), its events limit and its node count while the same property still fails; `shrinkScheduleText` does it
 * for a schedule or repro file.
 */
export { DEFAULT_CHOICE, type CandidateParams } from './candidate.js';
export { shrinkScheduleText, type ShrunkFile } from './file.js';
export { compareMeasures, type Measure } from './measure.js';
export type { ShrinkBudget, ShrinkStep, ShrinkStopReason } from './search.js';
export {
  shrinkFailure,
  SHRINK_RUNS_MAX_DEFAULT,
  SHRINK_TIME_BUDGET_MS_DEFAULT,
  type ShrinkOptions,
  type ShrinkResult,
} from './shrink.js';
