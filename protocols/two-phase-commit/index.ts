/** Two-phase commit with a recovery log (presumed abort): the protocol, its options and bug variants. */
export { twoPhaseCommitProtocol } from './protocol.js';
export { decidedText, TPC_BUGS, TPC_OPTIONS_DEFAULT } from './types.js';
export type { Decision, TpcBug, TpcDurable, TpcMsg, TpcOptions, TpcState, TxStatus } from './types.js';
