/**
 * Predicted violations: which of a run's violations its own interleaving passed through (observed) and which only
 * another interleaving with the same causality would (predicted), and a bounded search that turns a predicted one
 * into an observed one by editing message delays.
 */
export { classifyOne, classifyProperty, classifyViolations, type ClassifiedViolation } from './classify.js';
export { delayChoicesByMessage } from './message-choices.js';
export { eventsAhead, passesThrough } from './observed.js';
export { realizePredicted, REALIZE_RUNS_MAX_DEFAULT, type RealizeOutcome } from './realize.js';
export { cutFromMessage, witnessCut, type WitnessSource } from './witness.js';
