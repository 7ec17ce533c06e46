/** A lease-based lock service with fencing tokens: the protocol, its options and bug variants. */
export { leaseLockProtocol } from './protocol.js';
export { LEASE_LOCK_BUGS, LEASE_LOCK_OPTIONS_DEFAULT } from './types.js';
export type { LeaseLockBug, LeaseLockDurable, LeaseLockMsg, LeaseLockOptions, LeaseLockState } from './types.js';
