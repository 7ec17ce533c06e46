/** Public surface of the linearizability checker. */
export type { InitialState, InitialValue, Model, ModelName, OpInput, OpOutput, StepResult } from './model.js';
export { resolveModel, withInitial } from './resolve-model.js';
export type { ModelChoice } from './resolve-model.js';
export { isModel, ModelError, MODEL_BRAND, userModel } from './user-model.js';
export type { DefinedModel, ModelSpec } from './user-model.js';
export { formatWitness } from './witness.js';
export type { WitnessOperation, WitnessPart } from './witness.js';
export { MODELS, MODEL_NAMES, isModelName } from './models/registry.js';
export type { KvState } from './models/kv.js';
export type { CollectionState } from './models/collections.js';
export type { MultiRegisterState } from './models/multi-register.js';
export type { RegisterState } from './models/register.js';
export type { Operation } from './operations.js';
export { buildOperations } from './operations.js';
export {
  CACHE_ENTRIES_MAX_DEFAULT,
  MEMORY_BYTES_MAX_DEFAULT,
  STEPS_MAX_DEFAULT,
  checkHistory,
  describeOperation,
  formatExplanation,
} from './check.js';
export type {
  BlockedOperation,
  CheckHistoryOptions,
  LinearizabilityExplanation,
  LinearizabilityLimits,
  LinearizabilityResult,
  LinearizabilityVerdict,
} from './check.js';
export { checkHistoryFiles } from './files.js';
export type { CheckFilesOptions, FileCheckResult } from './files.js';
export { checkFilesInParallel } from './pool.js';
export type { FilesChecked, ParallelCheckOptions } from './pool.js';
export { splitIndependent } from './independent.js';
export type { IndependentKey, IndependentMode, KeyHistory } from './independent.js';
export { formatDsimHistory, parseDsimHistory } from './dsim-history.js';
export { historyView, VIEW_STATE_CHARS_MAX } from './history-view.js';
export type { HistoryView, ViewOperation, ViewPart, ViewStatus } from './history-view.js';
