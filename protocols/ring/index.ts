/** Chang–Roberts leader election on a unidirectional ring: the model and its bug variant (properties: scenarios/properties/). */
export { changRoberts, ID_RANKS, NO_LEADER, RING_BUGS, type RingBug, type RingMessage, type RingState } from './chang-roberts.js';
