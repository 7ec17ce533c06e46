export { SEQUENCE_STEPS_MAX, sequenceDefinitely, sequencePossibly, sequenceText } from './sequence.js';
export type { SequenceStep } from './sequence.js';
export { searchProduct } from './product-search.js';
export type { ProductAutomaton, ProductOutcome } from './product-search.js';
