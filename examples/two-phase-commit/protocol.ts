/**
 * Two-phase commit, written as a dsim user would write it: node 0 is the coordinator, every other node a
 * participant. The coordinator asks for votes (`prepare`); a participant votes yes or no (a recorded choice); the
 * coordinator commits when every participant voted yes and aborts otherwise (a no vote, or a timeout). Decisions
 * and yes votes are written to the node's log (`persist`) before they are sent, so they survive crashes. A
 * participant that voted yes waits for the decision, asking the coordinator again and again (it may not decide on
 * its own: that is 2PC's blocking). A coordinator that restarts without a logged decision aborts (presumed abort).
 *
 * See docs/writing-a-protocol.md, which walks through this file.
 */
import type { Context, NodeId, Protocol } from '../../index.js';

// #region types
/** What nodes send each other. */
export type TpcMessage =
  | { readonly type: 'prepare' }
  | { readonly type: 'vote'; readonly yes: boolean }
  | { readonly type: 'decision'; readonly commit: boolean }
  | { readonly type: 'query' };

export type Vote = 'none' | 'yes' | 'no';
export type Decision = 'none' | 'commit' | 'abort';

/** A node's volatile state (lost in a crash). */
export interface TpcState {
  readonly vote: Vote;
  readonly decision: Decision;
  /** Coordinator only: the participants that voted yes, in node order. */
  readonly yesVoters: readonly NodeId[];
}

/** What a node logs: it survives crashes and comes back through `onRecover`. */
export interface TpcLog {
  readonly vote: Vote;
  readonly decision: Decision;
}

/** The bug variants, each breaking atomicity in its own way. */
export type TpcBug = 'commit-on-yes' | 'decision-not-logged';
// #endregion

// #region timing
/** Coordinator: abort when not every vote has arrived after this many ticks. */
export const VOTE_TIMEOUT_TICKS = 30;
/** Participant: abort on its own when no `prepare` arrived after this many ticks (it has not voted yet). */
export const PREPARE_WAIT_TICKS = 25;
/** Participant: having voted yes, ask the coordinator for the decision every this many ticks. */
export const QUERY_EVERY_TICKS = 20;
/** One participant in `VOTE_NO_ONE_IN` votes no. */
export const VOTE_NO_ONE_IN = 6;
// #endregion

// #region helpers
type Ctx = Context<TpcMessage, TpcLog>;
const COORDINATOR: NodeId = 0;
const FRESH: TpcState = { vote: 'none', decision: 'none', yesVoters: [] };
// #endregion

// #region coordinator
/** The coordinator decides once: it logs the decision (unless the bug forgets to), then tells everyone. */
function decide(s: TpcState, commit: boolean, ctx: Ctx, bug: TpcBug | undefined): TpcState {
  const decision: Decision = commit ? 'commit' : 'abort';
  if (bug !== 'decision-not-logged') ctx.persist({ vote: 'none', decision });
  ctx.cancelTimer('vote-timeout');
  ctx.broadcast({ type: 'decision', commit });
  return { ...s, decision };
}

function coordinatorOnMessage(s: TpcState, from: NodeId, msg: TpcMessage, ctx: Ctx, bug: TpcBug | undefined): TpcState {
  if (msg.type === 'query' && s.decision !== 'none') {
    ctx.send(from, { type: 'decision', commit: s.decision === 'commit' });
  }
  if (msg.type !== 'vote' || s.decision !== 'none') return s;
  if (!msg.yes) return decide(s, false, ctx, bug);
  if (s.yesVoters.includes(from)) return s; // a duplicated vote
  const yesVoters = [...s.yesVoters, from].sort((a, b) => a - b);
  const next = { ...s, yesVoters };
  return yesVoters.length === ctx.nodeCount - 1 ? decide(next, true, ctx, bug) : next;
}
// #endregion

// #region participant
function participantOnMessage(s: TpcState, msg: TpcMessage, ctx: Ctx, bug: TpcBug | undefined): TpcState {
  if (msg.type === 'prepare') {
    if (s.vote !== 'none' || s.decision !== 'none') {
      ctx.send(COORDINATOR, { type: 'vote', yes: s.vote === 'yes' }); // answer a repeated prepare the same way
      return s;
    }
    const yes = ctx.choose('vote-no', VOTE_NO_ONE_IN) !== 0;
    const next: TpcState = yes
      ? { ...s, vote: 'yes', decision: bug === 'commit-on-yes' ? 'commit' : 'none' }
      : { ...s, vote: 'no', decision: 'abort' };
    ctx.persist({ vote: next.vote, decision: next.decision }); // log first, then send
    ctx.send(COORDINATOR, { type: 'vote', yes });
    return next;
  }
  if (msg.type === 'decision' && s.decision === 'none') {
    const decision: Decision = msg.commit ? 'commit' : 'abort';
    ctx.persist({ vote: s.vote, decision });
    ctx.cancelTimer('ask');
    return { ...s, decision };
  }
  return s;
}

function participantOnTimer(s: TpcState, ctx: Ctx): TpcState {
  if (s.decision !== 'none') return s;
  if (s.vote === 'none') {
    // No prepare yet: a participant that has not voted may abort on its own.
    ctx.persist({ vote: 'no', decision: 'abort' });
    ctx.send(COORDINATOR, { type: 'vote', yes: false });
    return { ...s, vote: 'no', decision: 'abort' };
  }
  ctx.send(COORDINATOR, { type: 'query' }); // voted yes: blocked until the coordinator answers
  ctx.setTimer('ask', QUERY_EVERY_TICKS);
  return s;
}
// #endregion

// #region protocol
/** Two-phase commit; `bug` selects a broken variant. */
export function twoPhaseCommit(bug?: TpcBug): Protocol<TpcState, TpcMessage, TpcLog> {
  return {
    name: 'two-phase-commit',
    init(ctx) {
      if (ctx.self === COORDINATOR) {
        ctx.broadcast({ type: 'prepare' });
        ctx.setTimer('vote-timeout', VOTE_TIMEOUT_TICKS);
      } else {
        ctx.setTimer('ask', PREPARE_WAIT_TICKS);
      }
      return FRESH;
    },
    onMessage: (s, from, msg, ctx) =>
      ctx.self === COORDINATOR ? coordinatorOnMessage(s, from, msg, ctx, bug) : participantOnMessage(s, msg, ctx, bug),
    onTimer(s, timer, ctx) {
      if (ctx.self !== COORDINATOR) return participantOnTimer(s, ctx);
      return timer === 'vote-timeout' && s.decision === 'none' ? decide(s, false, ctx, bug) : s;
    },
    onRecover(log, ctx) {
      const s: TpcState = { ...FRESH, vote: log?.vote ?? 'none', decision: log?.decision ?? 'none' };
      if (ctx.self !== COORDINATOR) {
        if (s.decision === 'none') ctx.setTimer('ask', QUERY_EVERY_TICKS);
        return s;
      }
      if (s.decision === 'none') return decide(s, false, ctx, bug); // presumed abort
      ctx.broadcast({ type: 'decision', commit: s.decision === 'commit' });
      return s;
    },
    observe: (s) => ({ vote: s.vote, decision: s.decision, yesVotes: s.yesVoters.length }),
    describe: (m) =>
      m.type === 'vote' ? `vote ${m.yes ? 'yes' : 'no'}` : m.type === 'decision' ? (m.commit ? 'commit' : 'abort') : m.type,
  };
}
// #endregion
