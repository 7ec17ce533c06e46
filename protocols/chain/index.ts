/** Chain replication: the protocol, its options and message types. */
export { chainProtocol, partOf, roleOf } from './protocol.js';
export { CHAIN_OPTIONS_DEFAULT, NONE } from './types.js';
export type { ChainBug, ChainDeepBug, ChainDurable, ChainMsg, ChainOptions, ChainState, ReplicaState, Update } from './types.js';
