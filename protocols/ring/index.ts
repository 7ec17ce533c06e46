/** Chang–Roberts leader election on a unidirectional ring: the model, its bug variant and its properties. */
export { changRoberts, ID_RANKS, NO_LEADER, RING_BUGS, type RingBug, type RingMessage, type RingState } from './chang-roberts.js';
export { RING_LEARN_WITHIN_TICKS_AFTER_HEAL, ringAllLearn, ringUniqueLeader } from './properties.js';
