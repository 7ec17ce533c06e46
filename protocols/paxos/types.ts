/**
 * Types and timing of single-decree Paxos (Lamport, "Paxos Made Simple"): every node is an acceptor and a learner,
 * the first PROPOSERS_MAX nodes are proposers too.
 *
 * A ballot is `round * nodeCount + proposer` with round ≥ 1, so ballots are unique per proposer and 0 means "none".
 * Times are in ticks of the node's local clock.
 */
import type { NodeId } from '../../sim/process.js';

/** Bug variants of the model, each a mistake real implementations have made. */
export type PaxosBug = 'forget-promise-on-restart' | 'adopt-first-promise';

/** The bug variants with a one-line description each (documented, so an undocumented bug does not compile). */
export const PAXOS_BUGS: Readonly<Record<PaxosBug, string>> = {
  'forget-promise-on-restart':
    'an acceptor persists what it accepts but keeps its promise in memory only: after a crash and restart it accepts a ballot lower than one it promised',
  'adopt-first-promise':
    'a proposer adopts the value of the first promise that reports an accepted value, not the one of the highest accepted ballot',
};

/** Nodes `0 .. PROPOSERS_MAX - 1` propose (each its own value `v<node>`). */
export const PROPOSERS_MAX = 3;
/** A proposer's first attempt starts after a delay drawn from this range (inclusive). */
export const START_TICKS_MIN = 1;
export const START_TICKS_MAX = 300;
/** A proposer that has not learned the decision retries with a higher ballot after a delay drawn from this range. */
export const RETRY_TICKS_MIN = 80;
export const RETRY_TICKS_MAX = 200;

/** Where a proposer stands in its current ballot. */
export type ProposerPhase = 'idle' | 'preparing' | 'accepting';

/** A promise a proposer collected: the acceptor and what it had accepted (ballot 0: nothing). */
export interface PromiseRecord {
  readonly from: NodeId;
  readonly accBallot: number;
  readonly accValue: string;
}

/** An accepted notice a learner collected. */
export interface Acceptance {
  readonly from: NodeId;
  readonly ballot: number;
  readonly value: string;
}

/**
 * What survives a crash: the proposer's round, the acceptor's promise (not under `forget-promise-on-restart`) and
 * accepted pair, and the learner's decision.
 */
export interface PaxosDurable {
  readonly round: number;
  readonly learned: string;
  readonly promised: number;
  readonly accBallot: number;
  readonly accValue: string;
}

/** A node's volatile state. */
export interface PaxosState {
  /** Proposer: the highest round used (persisted), the current ballot (0 before the first), phase and promises. */
  readonly round: number;
  readonly ballot: number;
  readonly phase: ProposerPhase;
  readonly promises: readonly PromiseRecord[];
  /** Proposer: the value sent with Accept in the current ballot ('' before). */
  readonly proposal: string;
  /** Highest ballot this proposer saw refused in favour of (from nacks), to pick its next round above it. */
  readonly ballotSeenMax: number;
  /** Acceptor: the highest ballot promised, and the last accepted ballot and value (0 and '' for none). */
  readonly promised: number;
  readonly accBallot: number;
  readonly accValue: string;
  /** Learner: accepted notices received, and the value learned ('' before). */
  readonly acceptances: readonly Acceptance[];
  readonly learned: string;
}

/** Phase 1a. */
export interface Prepare {
  readonly type: 'prepare';
  readonly ballot: number;
}
/** Phase 1b: the acceptor's promise and its last accepted pair. */
export interface PromiseMessage {
  readonly type: 'promise';
  readonly ballot: number;
  readonly accBallot: number;
  readonly accValue: string;
}
/** Phase 2a. */
export interface Accept {
  readonly type: 'accept';
  readonly ballot: number;
  readonly value: string;
}
/** Phase 2b, sent to every learner. */
export interface Accepted {
  readonly type: 'accepted';
  readonly ballot: number;
  readonly value: string;
}
/** A refusal (of a prepare or an accept): the acceptor has promised a higher ballot. */
export interface Nack {
  readonly type: 'nack';
  readonly ballot: number;
  readonly promised: number;
}

/** Every message of the model. */
export type PaxosMessage = Prepare | PromiseMessage | Accept | Accepted | Nack;

/** The value proposer `node` proposes when free to choose. */
export function ownValue(node: NodeId): string {
  return `v${node}`;
}
