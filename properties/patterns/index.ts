/**
 * Checks along causal paths and over special cuts: regular patterns of event labels (Fromentin, Raynal, Garg,
 * Tomlinson), counted atomic sequences (Hurfin, Plouzeau, Raynal) and shared global states (Fromentin, Raynal).
 */
export { countAtomicSequences } from './atomic-sequences.js';
export type { AtomicSequenceResult, AtomicStep, EventTest } from './atomic-sequences.js';
export { buildAutomaton } from './automaton.js';
export type { LabelAutomaton } from './automaton.js';
export { buildCausalDag } from './causal-dag.js';
export type { CausalDag } from './causal-dag.js';
export { parseLabelPattern } from './label-pattern.js';
export type { PatternAst } from './label-pattern.js';
export { PATH_STEPS_MAX_DEFAULT } from './limits.js';
export type { PathLimits } from './limits.js';
export { matchCausalPattern } from './match-pattern.js';
export type { EventLabeller, PatternResult } from './match-pattern.js';
export { isSharedGlobalState, sharedGlobalStates } from './shared-states.js';
export type { SharedStatesOptions, SharedStatesResult } from './shared-states.js';
