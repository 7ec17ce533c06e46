/** Search strategies (see types.ts): the public surface of search/strategies/. */
export { Corpus, type RunInput } from './corpus.js';
export { runCoverage, bucketedFields, type AbstractState, type RunCoverage } from './coverage-keys.js';
export { deciderFor } from './decider-for.js';
export { Exploration, CURVE_STEP_RUNS, type CoveragePoint, type ExplorationReport, type RunExploration } from './exploration.js';
export { faultsFired, type FaultCounts, type FaultsFired } from './faults-fired.js';
export { compactSchedule, type CompactSchedule } from './mutate.js';
export * from './types.js';
