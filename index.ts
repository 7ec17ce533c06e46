/**
 * dsim — a deterministic simulator for distributed protocols, with a predicate engine over the lattice of
 * consistent cuts. This is the package's public surface (`import … from 'dsim'`); the vitest matchers live behind
 * `dsim/testing` so this entry never loads vitest.
 *
 * 1. Write a protocol: a `Protocol<State, Message, Durable>` whose handlers return the next state and make requests
 *    (send, timers, persist, choices) through their `Context`.
 * 2. Define a scenario in your test file: `defineScenario({ name, protocol, nodes, faults, properties, bugs })`,
 *    with properties from `always`, `eventually`, `leadsTo`, `answered`, `never`, `reachable`, `inevitable`, `linearizable`,
 *    `serializable`, `property`.
 * 3. `run(scenario, { seed })`, `fuzz(scenario, { seeds })`, `replay(scenario, failingRun)`.
 * 4. Check any execution — simulated, or read from a real system's log (`readLogFile`) — with `possibly`,
 *    `definitely`, `checkModality` and `compilePredicate`; check client histories with `checkHistory`, against a
 *    built-in model or one of your own (`defineModel`).
 *
 * Guide: docs/writing-a-protocol.md.
 *
 * @packageDocumentation
 */

// ---- the user API: scenarios, runs, fuzzing, properties ----
export {
  always,
  answered,
  compileFor,
  decide,
  defineConfig,
  defineModel,
  defineScenario,
  describeCut,
  describePath,
  describeState,
  DsimInputError,
  eventually,
  explainResult,
  formatCut,
  fuzz,
  inevitable,
  leadsTo,
  linearizable,
  never,
  property,
  reachable,
  replay,
  run,
  safety,
  shrink,
  statesAt,
  undecided,
  writeReport,
} from './api/index.js';
export type {
  AnsweredOptions,
  ConfigSpec,
  CutPredicateSource,
  DsimConfig,
  CutPropertyOptions,
  DefinedModel,
  DefinedScenario,
  EventuallyOptions,
  FuzzFailure,
  FuzzOptions,
  FuzzRepro,
  FuzzResult,
  LeadsToOptions,
  LinearizableOptions,
  ModelSpec,
  PredicateSource,
  ReplayResult,
  RunOptions,
  RunResult,
  ScenarioSpec,
  ShrunkFailure,
  StateTest,
  VariantOptions,
  WriteReportOptions,
} from './api/index.js';
export type { ShrinkOptions } from './search/shrink/shrink.js';
export type { ShrinkStats } from './search/fuzz/repro.js';
export type { StrategyConfig, StrategyName } from './search/strategies/types.js';
export type { CoveragePoint, ExplorationReport } from './search/strategies/exploration.js';
export { faultsFired } from './search/strategies/faults-fired.js';
export type { FaultCounts, FaultsFired, FiredSource } from './search/strategies/faults-fired.js';

// ---- polynomial "at most one" properties, and notes on how a run's properties were decided (issue #11) ----
export { atMostOne, mutualExclusion, propertyNotes } from './api/index.js';
export type { AtMostOneOptions, PropertyNote } from './api/index.js';
export type { CompileOptions } from './properties/predicate/index.js';

// ---- writing a protocol ----
export type { AnyProtocol, CompletionType, Context, NodeId, Operation, Protocol } from './sim/process.js';
export type { ReadResult, Storage } from './sim/storage.js';
export type { Property, PropertyVerdict, RunOutcome, Scenario, ScenarioOrigin } from './scenarios/types.js';

// ---- workloads: client processes apart from the protocol (docs/workloads.md) ----
export type {
  ClientMessage,
  ClientReply,
  ClientRequest,
  ServerChoice,
  ValueDraw,
  ValueSource,
  Workload,
  WorkloadOperation,
} from './sim/workload/types.js';
export { validateWorkload } from './sim/workload/validate.js';
export { primaryBackupKv } from './protocols/kv/primary-backup.js';
export type { KvBug } from './protocols/kv/primary-backup.js';

// ---- fault plans and limits ----
export { NETWORK_RELIABLE, NEVER, PARTITION_SHAPES, RANDOM_PARTITION_SHAPES, RANDOM_PARTITION_SHAPES_DEFAULT } from './sim/plan.js';
export type {
  FaultAction,
  FaultPlan,
  KindFaults,
  LinkBehaviour,
  LinkOverride,
  PartitionShape,
  RandomFaults,
  RandomPartitionShape,
  Ratio,
  ScriptedFault,
  StorageFaults,
} from './sim/plan.js';
export { shapeLinks, type Link } from './sim/partition-shapes.js';
export type { NetworkFault } from './sim/outcome.js';
export { EVENTS_MAX_DEFAULT, LIMITS_DEFAULT, STORAGE_CHARS_MAX_DEFAULT, TIME_TICKS_MAX_DEFAULT } from './sim/limits.js';
export { FSYNC_DELAY_TICKS_MAX_DEFAULT } from './sim/disks.js';
export type { EndReason, Limits } from './sim/limits.js';
export type { Choice } from './sim/outcome.js';
export { validatePlan } from './sim/validate.js';
export { simulate } from './sim/simulator.js';
export type { SimulationConfig, SimulationResult } from './sim/simulator.js';

// ---- executions and histories ----
export type {
  EventKind,
  ExecEvent,
  Execution,
  MessageFate,
  MessageRecord,
  State,
  StateValue,
} from './execution/types.js';
export type { History, HistoryEvent, HistoryEventType, HistoryValue } from './execution/history.js';
export { buildExecution, ExecutionError } from './execution/build.js';
export type { EventInput, ExecutionInput } from './execution/build.js';
export { concurrent, happenedBefore, isConsistentCut } from './execution/clock.js';
export { executionHash } from './execution/hash.js';
export { fail, formatInputError, succeed } from './execution/failable.js';
export type { Failable, InputError } from './execution/failable.js';

// ---- the predicate engine (works on any Execution) ----
export { checkModality, countCuts, definitely, possibly } from './properties/lattice/index.js';
export type { CutCount, Modality, ModalityOptions } from './properties/lattice/index.js';
export { compilePredicate, parsePredicate } from './properties/predicate/index.js';
export type { CutPredicate, LocalPredicate, PredicateShape } from './properties/predicate-types.js';
export type { CheckResult, SearchLimits, Verdict, Witness } from './properties/result-types.js';
export { CUTS_MAX_DEFAULT } from './properties/result-types.js';
export { checkExecution } from './properties/check-execution.js';
export type { CheckRequest, ExecutionCheck, Question } from './properties/check-execution.js';
export { sequenceDefinitely, sequencePossibly } from './properties/temporal/index.js';
export { countAtomicSequences, matchCausalPattern, parseLabelPattern, sharedGlobalStates } from './properties/patterns/index.js';
export { definitelyUnderLocks, LockTable, possiblyUnderLocks, reorderableSections, writeRaces } from './properties/locks/index.js';
export type {
  CriticalSection,
  LockCheckResult,
  LockMatcher,
  LockModel,
  LocksArgument,
  ReorderablePair,
  ReorderReport,
  WriteRace,
} from './properties/locks/index.js';

// ---- linearizability ----
export { checkHistory, checkHistoryFiles, formatExplanation, formatWitness, MODEL_NAMES } from './properties/linearizability/index.js';
export type {
  CheckHistoryOptions,
  InitialValue,
  LinearizabilityResult,
  LinearizabilityVerdict,
  Model,
  ModelChoice,
  ModelName,
  OpInput,
  OpOutput,
  StepResult,
  WitnessOperation,
  WitnessPart,
} from './properties/linearizability/index.js';

// ---- transactional isolation, in the manner of Elle (issue #16; docs/isolation.md) ----
export { serializable } from './api/properties/serializable.js';
export type { SerializableOptions } from './api/properties/serializable.js';
export {
  anomaliesByName,
  checkIsolation,
  checkIsolationFile,
  checkIsolationText,
  CONSISTENCY_MODELS,
  formatIsolationResult,
  inferDependencies,
  readTransactions,
  readTransactionsEdn,
  transactionsOfHistory,
} from './properties/isolation/index.js';
export type {
  Anomaly,
  AnomalyName,
  ConsistencyModel,
  Cycle,
  CycleStep,
  DataModel,
  Dependency,
  IsolationLimits,
  IsolationOptions,
  IsolationResult,
  MicroOp,
  Transaction,
} from './properties/isolation/index.js';

// ---- Jepsen's own checkers, as elle-cli runs them (docs/jepsen-checkers.md) ----
export {
  checkJepsenBank,
  checkJepsenCounter,
  checkJepsenFile,
  checkJepsenHistory,
  checkJepsenLongFork,
  checkJepsenSet,
  checkJepsenSetFull,
  formatJepsenResult,
  isJepsenCheckerName,
  JEPSEN_CHECKER_NAMES,
  LONG_FORK_PAIRS_MAX_DEFAULT,
  readJepsenHistory,
  SET_FULL_UPDATES_MAX_DEFAULT,
} from './properties/jepsen-checkers/index.js';
export type {
  BankError,
  BankOptions,
  BankResult,
  CounterRead,
  CounterResult,
  JepsenCheckerName,
  JepsenCheckerOptions,
  JepsenCheckerResult,
  JepsenValid,
  LongFork,
  LongForkOptions,
  LongForkResult,
  SetFullElement,
  SetFullOptions,
  SetFullResult,
  SetResult,
} from './properties/jepsen-checkers/index.js';
export type { JepsenEvent, JepsenHistory, JepsenMap, JepsenValue } from './execution/history.js';

// ---- formats: real systems' logs in, traces and ShiViz logs out ----
export { detectLogFormat, parseHistory, parseShiViz, readLogFile, readTrace, traceToJson, writeShiViz } from './formats/index.js';
export type { LogFormat, ReadLogOptions, ShiVizOptions } from './formats/index.js';
