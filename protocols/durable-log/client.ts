/** The durable-log client (p0): writes entries 1..writes in order to every server, resending until all acknowledge. */
import type { Context } from '../../sim/process.js';
import { valueOf, type ClientState, type DurableLogMsg, type DurableLogOptions } from './types.js';

type Ctx = Context<DurableLogMsg, never>;

export function initClient(opts: DurableLogOptions, ctx: Ctx): ClientState {
  return write({ kind: 'client', next: 1, acked: [] }, opts, ctx);
}

export function clientMessage(s: ClientState, from: number, msg: DurableLogMsg, opts: DurableLogOptions, ctx: Ctx): ClientState {
  if (msg.t !== 'ack' || msg.i !== s.next || s.acked.includes(from)) return s;
  const acked = [...s.acked, from];
  if (acked.length < ctx.nodeCount - 1) return { ...s, acked };
  return write({ kind: 'client', next: s.next + 1, acked: [] }, opts, ctx);
}

export function clientTimer(s: ClientState, timer: string, opts: DurableLogOptions, ctx: Ctx): ClientState {
  return timer === 'retry' ? write(s, opts, ctx) : s;
}

/** Sends entry `next` to every server that has not acknowledged it, and arms the resend. */
function write(s: ClientState, opts: DurableLogOptions, ctx: Ctx): ClientState {
  if (s.next > opts.writes) {
    ctx.cancelTimer('retry');
    return s;
  }
  for (let to = 1; to < ctx.nodeCount; to++) if (!s.acked.includes(to)) ctx.send(to, { t: 'write', i: s.next, v: valueOf(s.next) });
  ctx.setTimer('retry', opts.retryTicks);
  return s;
}
