/** Single-decree Paxos: the protocol model and its bug variants (its properties: scenarios/properties/paxos.ts). */
export { paxos, PAXOS_FIELDS } from './paxos.js';
export { nextRound, valueToPropose } from './proposer.js';
export * from './types.js';
