/** A client and servers that log with checksums and acknowledge after fsync: the protocol, its options and bug variants. */
export { durableLogProtocol } from './protocol.js';
export { checksum, decodeRecord, encodeRecord } from './record.js';
export { DURABLE_LOG_BUGS, DURABLE_LOG_OPTIONS_DEFAULT, valueOf } from './types.js';
export type { ClientState, DurableLogBug, DurableLogMsg, DurableLogOptions, DurableLogState, ServerState } from './types.js';
