/**
 * The lock server: grants the lock to one client at a time with a new fencing token (persisted before the grant),
 * frees it on release or when the lease runs out, and after a restart grants nothing for one lease length.
 * Requests are not queued: a client asks again until it is granted.
 */
import type { Context, NodeId } from '../../sim/process.js';
import type { LeaseLockDurable, LeaseLockMsg, LeaseLockOptions, ServerState } from './types.js';

type ServerCtx = Context<LeaseLockMsg, LeaseLockDurable>;

/** First start, or a restart with the persisted token counter. */
export function initServer(durable: LeaseLockDurable | undefined, opts: LeaseLockOptions, ctx: ServerCtx): ServerState {
  const restarted = durable?.kind === 'server';
  const s: ServerState = { kind: 'server', tokenNext: restarted ? durable.tokenNext : 1, holder: undefined, graceUntilTicks: 0 };
  if (restarted) s.graceUntilTicks = ctx.nowTicks + opts.leaseTicks;
  else ctx.persist({ kind: 'server', tokenNext: s.tokenNext });
  return s;
}

export function serverTimer(s: ServerState, timer: string): ServerState {
  if (timer === 'expire') s.holder = undefined;
  return s;
}

export function serverMessage(s: ServerState, from: NodeId, msg: LeaseLockMsg, opts: LeaseLockOptions, ctx: ServerCtx): ServerState {
  if (msg.t === 'release' && s.holder?.token === msg.token) {
    s.holder = undefined;
    ctx.cancelTimer('expire');
  }
  if (msg.t !== 'acquire') return s;
  const h = s.holder;
  if (h !== undefined && h.client === from && h.req === msg.req) {
    ctx.send(from, { t: 'grant', req: h.req, attempt: h.attempt, token: h.token }); // a resend: the same lease
    return s;
  }
  if (h !== undefined || ctx.nowTicks < s.graceUntilTicks) return s;
  const token = s.tokenNext++;
  ctx.persist({ kind: 'server', tokenNext: s.tokenNext });
  s.holder = { client: from, req: msg.req, attempt: msg.attempt, token };
  ctx.setTimer('expire', opts.leaseTicks);
  ctx.send(from, { t: 'grant', req: msg.req, attempt: msg.attempt, token });
  return s;
}
