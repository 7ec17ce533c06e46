/**
 * Two-phase commit with a recovery log (presumed abort): options, messages and node states.
 *
 * Node layout: `p0` is the coordinator, every other node a participant. The coordinator runs `txCount` transactions
 * one after another. Log writes are not instant: a record becomes durable `logWriteTicks` after it is started (a
 * recorded choice), which is the window the bug variants mishandle.
 */
import type { NodeId } from '../../sim/process.js';

/** The bug variants (see docs/hard-bugs/two-phase-commit.md). */
export type TpcBug = 'decide-before-log' | 'participant-forgets-prepared';

/** What each bug does. */
export const TPC_BUGS: Readonly<Record<TpcBug, string>> = {
  'decide-before-log':
    'the coordinator sends its decision when it starts the log write, not when the write is durable; a coordinator that crashes in between recovers without the decision and presumes abort',
  'participant-forgets-prepared':
    'a participant votes yes when it starts writing its prepared record, not when the record is durable; one that crashes in between recovers as still working and aborts unilaterally',
};

/** How a two-phase-commit cluster is timed. */
export interface TpcOptions {
  /** Transactions the coordinator runs, one after another. */
  readonly txCount: number;
  /** Think time before each transaction, in ticks (a recorded choice in [1, max]). */
  readonly thinkTicksMax: number;
  /** A participant works on a prepared transaction this long at most before it votes (a recorded choice). */
  readonly workTicksMax: number;
  /** A coordinator's log write takes this long at most (a recorded choice in [1, max]). */
  readonly coordinatorLogTicksMax: number;
  /** A participant's log write of its prepared record takes this long at most (a recorded choice). */
  readonly participantLogTicksMax: number;
  /** The coordinator decides abort when the votes are not in after this long. */
  readonly voteTimeoutTicks: number;
  /** The coordinator resends prepares (collecting) and decisions (until acknowledged) this often. */
  readonly resendTicks: number;
  /** A prepared participant asks the coordinator for the outcome this often. */
  readonly queryTicks: number;
  /** One in this many votes is no (a recorded choice). */
  readonly noVoteOneIn: number;
  readonly bug: TpcBug | undefined;
}

/** Defaults: three transactions on a network with delays of at most about 10 ticks. */
export const TPC_OPTIONS_DEFAULT: TpcOptions = {
  txCount: 3,
  thinkTicksMax: 10,
  workTicksMax: 6,
  coordinatorLogTicksMax: 5,
  participantLogTicksMax: 1,
  voteTimeoutTicks: 60,
  resendTicks: 20,
  queryTicks: 30,
  noVoteOneIn: 10,
  bug: undefined,
};

export type Decision = 'commit' | 'abort';

/** A participant's record of a transaction: working (not voted), prepared (voted yes), or decided. */
export type TxStatus = 'working' | 'preparing' | 'prepared' | 'committed' | 'aborted';

export type TpcMsg =
  | { readonly t: 'prepare'; readonly tx: number }
  | { readonly t: 'vote'; readonly tx: number; readonly yes: boolean }
  | { readonly t: 'decision'; readonly tx: number; readonly decision: Decision }
  | { readonly t: 'ack'; readonly tx: number }
  /** prepared participant → coordinator: what became of `tx`? */
  | { readonly t: 'query'; readonly tx: number };

/** What survives a crash: the coordinator's next transaction id and decision log, a participant's records. */
export type TpcDurable =
  | { readonly kind: 'coordinator'; readonly nextTx: number; readonly log: readonly (readonly [number, Decision])[] }
  | { readonly kind: 'participant'; readonly log: readonly (readonly [number, TxStatus])[] };

/** The coordinator's phase for its current transaction. */
export type CoordinatorPhase = 'idle' | 'collecting' | 'logging' | 'deciding' | 'done';

export interface CoordinatorState {
  readonly kind: 'coordinator';
  nextTx: number;
  /** Durable decisions (what the log holds). */
  log: Map<number, Decision>;
  /** Current transaction (-1 before the first). */
  tx: number;
  phase: CoordinatorPhase;
  decision: Decision | undefined;
  votes: Set<NodeId>;
  acks: Set<NodeId>;
}

export interface ParticipantState {
  readonly kind: 'participant';
  /** What the participant knows of each transaction (in memory). */
  txs: Map<number, TxStatus>;
  /** What its log holds (durable). */
  disk: Map<number, TxStatus>;
  /** The newest transaction it has heard of (-1: none). */
  tx: number;
  /** Transactions it voted on, in order: `0:y 1:n` (volatile; for properties). */
  votedText: string;
}

export type TpcState = CoordinatorState | ParticipantState;

/** `0:c 1:a` for a map of decisions or statuses (committed/aborted only). */
export function decidedText(txs: ReadonlyMap<number, TxStatus | Decision>): string {
  const parts: string[] = [];
  for (const [tx, s] of [...txs].sort((a, b) => a[0] - b[0])) {
    if (s === 'commit' || s === 'committed') parts.push(`${tx}:c`);
    if (s === 'abort' || s === 'aborted') parts.push(`${tx}:a`);
  }
  return parts.join(' ');
}
