/**
 * A client: runs `cyclesPerClient` lock cycles. Ask the server (again every `acquireRetryTicks`) until granted; hold
 * the lock until the lease runs out, counted from when it sent the request the grant answers; work, write to the
 * storage with the fencing token, and release once the write is acknowledged. The write is delivered by an RPC layer
 * that resends it until acknowledged (at most `writeAttemptsMax` sends), whether or not the lease still runs: the
 * fencing token is what keeps a late write harmless.
 */
import type { Context, NodeId } from '../../sim/process.js';
import type { ClientState, LeaseLockDurable, LeaseLockMsg, LeaseLockOptions } from './types.js';

type ClientCtx = Context<LeaseLockMsg, LeaseLockDurable>;

const SERVER: NodeId = 0;

function storage(ctx: ClientCtx): NodeId {
  return ctx.nodeCount - 1;
}

/** First start, or a restart with the persisted request counter (request numbers never repeat). */
export function initClient(durable: LeaseLockDurable | undefined, opts: LeaseLockOptions, ctx: ClientCtx): ClientState {
  const reqNext = durable?.kind === 'client' ? durable.reqNext : 0;
  const s: ClientState = { kind: 'client', reqNext, cyclesDone: 0, phase: 'thinking', req: -1, attemptSentTicks: [], token: 0, write: undefined };
  ctx.setTimer('think', ctx.chooseInt('think', 1, opts.thinkTicksMax));
  return s;
}

function sendAcquire(s: ClientState, opts: LeaseLockOptions, ctx: ClientCtx): void {
  s.attemptSentTicks.push(ctx.nowTicks);
  ctx.send(SERVER, { t: 'acquire', req: s.req, attempt: s.attemptSentTicks.length - 1 });
  ctx.setTimer('acquire-retry', opts.acquireRetryTicks);
}

function endCycle(s: ClientState, opts: LeaseLockOptions, ctx: ClientCtx): void {
  ctx.cancelTimer('lease');
  ctx.cancelTimer('work');
  s.cyclesDone++;
  s.phase = s.cyclesDone >= opts.cyclesPerClient ? 'done' : 'thinking';
  if (s.phase === 'thinking') ctx.setTimer('think', ctx.chooseInt('think', 1, opts.thinkTicksMax));
}

function sendWrite(s: ClientState, opts: LeaseLockOptions, ctx: ClientCtx): void {
  const w = s.write!;
  w.attempts++;
  ctx.send(storage(ctx), { t: 'write', token: w.token, value: w.value });
  if (w.attempts < opts.writeAttemptsMax) ctx.setTimer('write-retry', opts.writeRetryTicks);
  else s.write = undefined; // the RPC layer gives up after its last send
}

export function clientTimer(s: ClientState, timer: string, opts: LeaseLockOptions, ctx: ClientCtx): ClientState {
  if (timer === 'think' && s.phase === 'thinking') {
    s.req = s.reqNext++;
    ctx.persist({ kind: 'client', reqNext: s.reqNext });
    s.attemptSentTicks = [];
    s.phase = 'requesting';
    sendAcquire(s, opts, ctx);
  } else if (timer === 'acquire-retry' && s.phase === 'requesting') {
    sendAcquire(s, opts, ctx);
  } else if (timer === 'lease' && s.phase === 'holding') {
    endCycle(s, opts, ctx); // the lease ran out before the write was acknowledged
  } else if (timer === 'work' && s.phase === 'holding' && s.write === undefined) {
    s.write = { token: s.token, value: `p${ctx.self}.${s.req}`, attempts: 0 };
    sendWrite(s, opts, ctx);
  } else if (timer === 'write-retry' && s.write !== undefined) {
    sendWrite(s, opts, ctx);
  }
  return s;
}

export function clientMessage(s: ClientState, msg: LeaseLockMsg, opts: LeaseLockOptions, ctx: ClientCtx): ClientState {
  if (msg.t === 'grant' && s.phase === 'requesting' && msg.req === s.req && msg.attempt < s.attemptSentTicks.length) {
    const leaseEndTicks = s.attemptSentTicks[msg.attempt]! + opts.leaseTicks;
    ctx.cancelTimer('acquire-retry');
    if (leaseEndTicks <= ctx.nowTicks) {
      endCycle(s, opts, ctx); // granted too late to use
      return s;
    }
    s.phase = 'holding';
    s.token = msg.token;
    ctx.setTimer('lease', leaseEndTicks - ctx.nowTicks);
    ctx.setTimer('work', ctx.chooseInt('work', 1, opts.workTicksMax));
  }
  if (msg.t === 'written' && s.write !== undefined && msg.token === s.write.token && msg.value === s.write.value) {
    s.write = undefined;
    ctx.cancelTimer('write-retry');
    if (s.phase === 'holding' && msg.token === s.token) {
      ctx.send(SERVER, { t: 'release', token: s.token });
      endCycle(s, opts, ctx);
    }
  }
  return s;
}
