/** The user-facing builders: scenarios, runs, fuzzing, properties and counterexample descriptions. */
export { DsimInputError } from './errors.js';
export { defineScenario } from './scenario.js';
export type { DefinedScenario, ScenarioSpec, VariantOptions } from './scenario.js';
export { replay, run } from './run.js';
export type { ReplayResult, RunOptions, RunResult } from './run.js';
export { fuzz } from './fuzz.js';
export type { FuzzFailure, FuzzOptions, FuzzRepro, FuzzResult } from './fuzz.js';
export { shrink } from './shrink.js';
export type { ShrunkFailure } from './shrink.js';
export { writeReport } from './report.js';
export type { WriteReportOptions } from './report.js';
export { defineConfig } from './config.js';
export { defineModel } from './model.js';
export type { DefinedModel, ModelSpec } from './model.js';
export type { ConfigSpec, DsimConfig } from './config.js';
export { always, eventually, property, safety } from './properties/state.js';
export { undecided } from '../scenarios/types.js';
export type { EventuallyOptions, StateTest } from './properties/state.js';
export { inevitable, never, reachable } from './properties/cuts.js';
export type { CutPredicateSource, CutPropertyOptions } from './properties/cuts.js';
export { linearizable } from './properties/linearizable.js';
export { answered, leadsTo } from './properties/leads-to.js';
export type { AnsweredOptions, LeadsToOptions } from './properties/leads-to.js';
export type { LinearizableOptions } from './properties/linearizable.js';
export { compileFor, decide, explainDecision, explainResult } from './modality.js';
export type { Decision, PredicateSource } from './modality.js';
export { describeCut, describePath, describeState, formatCut, statesAt } from './describe.js';

// ---- polynomial "at most one" properties, and notes on how a run's properties were decided (issue #11) ----
export { atMostOne, mutualExclusion } from './properties/at-most-one.js';
export type { AtMostOneOptions } from './properties/at-most-one.js';
export { propertyNotes } from './properties/notes.js';
export type { PropertyNote } from './properties/notes.js';
