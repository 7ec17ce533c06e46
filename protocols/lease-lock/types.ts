/**
 * A lease-based lock service with fencing tokens: options, messages and node states.
 *
 * Node layout: `p0` is the lock server, the last node the storage the lock protects, every node between a client.
 * A client that holds the lock writes to the storage with its fencing token; the storage refuses a token lower than
 * the highest it has seen (its fence), so a write that arrives after its lease ran out (late, retried, duplicated)
 * cannot overwrite a newer holder's write.
 */
import type { NodeId } from '../../sim/process.js';

/** The bug variants (see docs/hard-bugs/lease-lock.md). */
export type LeaseLockBug = 'fence-not-persisted';

/** What each bug does. */
export const LEASE_LOCK_BUGS: Readonly<Record<LeaseLockBug, string>> = {
  'fence-not-persisted':
    'the storage keeps its fence (the highest fencing token seen) in memory only: after a restart it accepts any token, so a retried write from an expired lease overwrites a newer holder\'s write',
};

/** How a lease-lock cluster is timed. */
export interface LeaseLockOptions {
  /** Lock cycles (acquire, write, release) each client runs. */
  readonly cyclesPerClient: number;
  /** Lease length, in ticks: the server's from its grant, the client's from sending the request that got it. */
  readonly leaseTicks: number;
  /** Think time before a cycle, and work time before the write, at most (recorded choices in [1, max]). */
  readonly thinkTicksMax: number;
  readonly workTicksMax: number;
  /** A client resends its acquire this often until granted. */
  readonly acquireRetryTicks: number;
  /** A client's RPC layer resends an unacknowledged write this often, at most `writeAttemptsMax` times in all. */
  readonly writeRetryTicks: number;
  readonly writeAttemptsMax: number;
  readonly bug: LeaseLockBug | undefined;
}

export const LEASE_LOCK_OPTIONS_DEFAULT: LeaseLockOptions = {
  cyclesPerClient: 3,
  leaseTicks: 50,
  thinkTicksMax: 30,
  workTicksMax: 10,
  acquireRetryTicks: 15,
  writeRetryTicks: 15,
  writeAttemptsMax: 9,
  bug: undefined,
};

export type LeaseLockMsg =
  /** client → server; `attempt` numbers the sends of request `req`, so the client knows when it asked. */
  | { readonly t: 'acquire'; readonly req: number; readonly attempt: number }
  /** server → client: the lock with fencing token `token`, for the named send of the request. */
  | { readonly t: 'grant'; readonly req: number; readonly attempt: number; readonly token: number }
  | { readonly t: 'release'; readonly token: number }
  | { readonly t: 'write'; readonly token: number; readonly value: string }
  | { readonly t: 'written'; readonly token: number; readonly value: string; readonly ok: boolean };

export type LeaseLockDurable =
  | { readonly kind: 'server'; readonly tokenNext: number }
  | { readonly kind: 'client'; readonly reqNext: number }
  /** The stored value, and the fence (left out by `fence-not-persisted`). */
  | { readonly kind: 'storage'; readonly value: string; readonly fence?: number };

export interface ServerState {
  readonly kind: 'server';
  tokenNext: number;
  holder: { readonly client: NodeId; readonly req: number; readonly attempt: number; readonly token: number } | undefined;
  /** After a restart: no grant before this local time (a lease granted before the crash may still run). */
  graceUntilTicks: number;
}

export type ClientPhase = 'thinking' | 'requesting' | 'holding' | 'done';

export interface ClientState {
  readonly kind: 'client';
  reqNext: number;
  cyclesDone: number;
  phase: ClientPhase;
  req: number;
  /** Local send time of each attempt of the current request. */
  attemptSentTicks: number[];
  token: number;
  /** The write the RPC layer is still delivering (it does not know about leases), if any. */
  write: { readonly token: number; readonly value: string; attempts: number } | undefined;
}

export interface StorageState {
  readonly kind: 'storage';
  value: string;
  fence: number;
  /** Tokens of the writes applied since the last start, in order (`3 3 5`; for properties). */
  appliedText: string;
}

export type LeaseLockState = ServerState | ClientState | StorageState;
