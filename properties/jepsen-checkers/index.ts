/** Public surface of Jepsen's own checkers, as elle-cli runs them (see docs/jepsen-checkers.md). */
export { checkJepsenBank } from './bank.js';
export type { BankError, BankErrorSummary, BankErrorType, BankOptions, BankResult } from './bank.js';
export { checkJepsenCounter } from './counter.js';
export type { CounterRead, CounterResult } from './counter.js';
export { checkJepsenLongFork, LONG_FORK_PAIRS_MAX_DEFAULT } from './long-fork.js';
export type { LongFork, LongForkOptions, LongForkResult } from './long-fork.js';
export { checkJepsenFile, checkJepsenHistory, formatJepsenResult, readJepsenHistory } from './read.js';
export type { JepsenCheckerOptions, JepsenCheckerResult } from './read.js';
export { checkJepsenSetFull, SET_FULL_UPDATES_MAX_DEFAULT } from './set-full.js';
export type { SetFullElement, SetFullOptions, SetFullOutcome, SetFullResult } from './set-full.js';
export { checkJepsenSet } from './set.js';
export type { SetResult } from './set.js';
export { isJepsenCheckerName, JEPSEN_CHECKER_NAMES } from './types.js';
export type { JepsenCheckerName, JepsenCheckOptions, JepsenValid, OpRef } from './types.js';
