export type { EventKind, ExecEvent, Execution, MessageFate, MessageRecord, State, StateValue } from './types.js';
export { buildExecution, ExecutionError } from './build.js';
export type { EventInput, ExecutionInput } from './build.js';
export { canAdvance, concurrent, happenedBefore, isConsistentCut } from './clock.js';
export type { History, HistoryEvent, HistoryEventType, HistoryValue } from './history.js';
export type { Failable, InputError } from './failable.js';
export { fail, formatInputError, succeed } from './failable.js';
export { statesAt } from './states-at.js';
