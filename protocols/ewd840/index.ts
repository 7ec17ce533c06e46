/** EWD840 termination detection (adapted to asynchronous channels): public surface. */
export { ewd840Protocol } from './ewd840.js';
export { EWD840_BUGS } from './types.js';
export type { Ewd840Bug, Ewd840Color, Ewd840Config, Ewd840Message, Ewd840State } from './types.js';
