export { LockTable } from './lock-model.js';
export type { CriticalSection, LockMatcher, LockModel } from './lock-model.js';
export { definitelyUnderLocks, possiblyUnderLocks } from './modalities.js';
export type { LockCheckResult, LocksArgument } from './modalities.js';
export { reorderableSections, writeRaces } from './races.js';
export type { ReorderablePair, ReorderReport, WriteRace } from './races.js';
