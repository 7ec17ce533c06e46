/** Safra's termination detection (EWD998): public surface. */
export { safraProtocol } from './safra.js';
export { SAFRA_BUGS } from './types.js';
export type { Color, SafraBug, SafraConfig, SafraMessage, SafraState, Token } from './types.js';
