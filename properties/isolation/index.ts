/** Public surface of the transactional isolation checker (Elle-style; see docs/isolation.md). */
export { checkIsolation, checkIsolationText, inferDependencies } from './check.js';
export type { Dependency } from './check.js';
export { anomaliesByName, formatIsolationResult } from './explain.js';
export { checkIsolationFile, readTransactions } from './file.js';
export { modelsRuledOut } from './models.js';
export { readTransactionsEdn, transactionsOfHistory } from './read.js';
export { CONSISTENCY_MODELS, EDGES_MAX_DEFAULT, SEARCH_STEPS_MAX_DEFAULT, TRANSACTIONS_MAX_DEFAULT } from './types.js';
export type {
  Anomaly,
  AnomalyName,
  Atom,
  ConsistencyModel,
  Cycle,
  CycleAnomaly,
  CycleStep,
  DataModel,
  EdgeKind,
  IsolationLimits,
  IsolationOptions,
  IsolationResult,
  MicroOp,
  Transaction,
  TransactionType,
} from './types.js';
