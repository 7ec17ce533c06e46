/**
 * The coordinator: runs transactions one after another. Prepare to every participant; on the first no vote or a
 * timeout decide abort, on every yes decide commit; write the decision to the log and, once it is durable, send it
 * until every participant acknowledges. Recovery (presumed abort): a transaction without a logged decision is
 * aborted; a query about a transaction the log does not know is answered abort.
 *
 * `decide-before-log` sends the decision as soon as the log write starts.
 */
import type { Context, NodeId } from '../../sim/process.js';
import type { CoordinatorState, Decision, TpcDurable, TpcMsg, TpcOptions } from './types.js';

type CoordinatorCtx = Context<TpcMsg, TpcDurable>;

function participants(ctx: CoordinatorCtx): NodeId[] {
  return Array.from({ length: ctx.nodeCount - 1 }, (_, i) => i + 1);
}

function persist(s: CoordinatorState, ctx: CoordinatorCtx): void {
  ctx.persist({ kind: 'coordinator', nextTx: s.nextTx, log: [...s.log] });
}

function sendDecision(s: CoordinatorState, ctx: CoordinatorCtx): void {
  for (const p of participants(ctx)) if (!s.acks.has(p)) ctx.send(p, { t: 'decision', tx: s.tx, decision: s.decision! });
}

function think(ctx: CoordinatorCtx, opts: TpcOptions): void {
  ctx.setTimer('begin', ctx.chooseInt('think', 1, opts.thinkTicksMax));
}

/** First start (`durable` undefined) or recovery from the log. */
export function initCoordinator(durable: TpcDurable | undefined, opts: TpcOptions, ctx: CoordinatorCtx): CoordinatorState {
  const logged = durable?.kind === 'coordinator' ? durable : undefined;
  const s: CoordinatorState = {
    kind: 'coordinator',
    nextTx: logged?.nextTx ?? 0,
    log: new Map(logged?.log ?? []),
    tx: -1,
    phase: 'idle',
    decision: undefined,
    votes: new Set(),
    acks: new Set(),
  };
  if (logged === undefined) persist(s, ctx);
  if (s.nextTx === 0) {
    think(ctx, opts);
    return s;
  }
  // The last transaction started may be in doubt: presume abort unless the log has its decision; send it again.
  s.tx = s.nextTx - 1;
  if (!s.log.has(s.tx)) {
    s.log.set(s.tx, 'abort');
    persist(s, ctx);
  }
  s.decision = s.log.get(s.tx)!;
  s.phase = 'deciding';
  sendDecision(s, ctx);
  ctx.setTimer('resend', opts.resendTicks);
  return s;
}

function begin(s: CoordinatorState, opts: TpcOptions, ctx: CoordinatorCtx): void {
  if (s.nextTx >= opts.txCount) {
    s.phase = 'done';
    return;
  }
  s.tx = s.nextTx++;
  persist(s, ctx);
  s.phase = 'collecting';
  s.decision = undefined;
  s.votes = new Set();
  s.acks = new Set();
  for (const p of participants(ctx)) ctx.send(p, { t: 'prepare', tx: s.tx });
  ctx.setTimer('resend', opts.resendTicks);
  ctx.setTimer('vote-timeout', opts.voteTimeoutTicks);
}

function decide(s: CoordinatorState, decision: Decision, opts: TpcOptions, ctx: CoordinatorCtx): void {
  s.decision = decision;
  s.phase = 'logging';
  ctx.cancelTimer('vote-timeout');
  ctx.cancelTimer('resend');
  if (opts.bug === 'decide-before-log') sendDecision(s, ctx); // bug: the decision is not durable yet
  ctx.setTimer('log-written', ctx.chooseInt('log-write', 1, opts.coordinatorLogTicksMax));
}

function finishIfAcked(s: CoordinatorState, opts: TpcOptions, ctx: CoordinatorCtx): void {
  if (s.phase !== 'deciding' || s.acks.size < ctx.nodeCount - 1) return;
  s.phase = 'idle';
  ctx.cancelTimer('resend');
  think(ctx, opts);
}

export function coordinatorTimer(s: CoordinatorState, timer: string, opts: TpcOptions, ctx: CoordinatorCtx): CoordinatorState {
  if (timer === 'begin' && s.phase === 'idle') begin(s, opts, ctx);
  if (timer === 'vote-timeout' && s.phase === 'collecting') decide(s, 'abort', opts, ctx);
  if (timer === 'log-written' && s.phase === 'logging') {
    s.log.set(s.tx, s.decision!);
    persist(s, ctx);
    s.phase = 'deciding';
    sendDecision(s, ctx);
    ctx.setTimer('resend', opts.resendTicks);
    finishIfAcked(s, opts, ctx);
  }
  if (timer === 'resend') {
    if (s.phase === 'collecting') for (const p of participants(ctx)) if (!s.votes.has(p)) ctx.send(p, { t: 'prepare', tx: s.tx });
    if (s.phase === 'deciding') sendDecision(s, ctx);
    if (s.phase === 'collecting' || s.phase === 'deciding') ctx.setTimer('resend', opts.resendTicks);
  }
  return s;
}

export function coordinatorMessage(s: CoordinatorState, from: NodeId, msg: TpcMsg, opts: TpcOptions, ctx: CoordinatorCtx): CoordinatorState {
  switch (msg.t) {
    case 'vote':
      if (s.phase !== 'collecting' || msg.tx !== s.tx) return s;
      if (!msg.yes) {
        decide(s, 'abort', opts, ctx);
        return s;
      }
      s.votes.add(from);
      if (s.votes.size === ctx.nodeCount - 1) decide(s, 'commit', opts, ctx);
      return s;
    case 'ack':
      if (msg.tx !== s.tx || (s.phase !== 'deciding' && s.phase !== 'logging')) return s;
      s.acks.add(from);
      finishIfAcked(s, opts, ctx);
      return s;
    case 'query': {
      const logged = s.log.get(msg.tx);
      if (logged !== undefined) ctx.send(from, { t: 'decision', tx: msg.tx, decision: logged });
      else if (msg.tx !== s.tx || s.phase === 'idle' || s.phase === 'done') ctx.send(from, { t: 'decision', tx: msg.tx, decision: 'abort' });
      return s; // the current transaction, not decided (or not durable) yet: no answer
    }
    default:
      return s;
  }
}
