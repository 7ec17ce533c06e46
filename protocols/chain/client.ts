/**
 * A client: issues `opsPerClient` operations one at a time (put to the head, get from the tail), recorded in the
 * run's history through `invoke`/`complete`. It learns the chain from the master; a redirect makes it ask again and
 * retry the same operation (a redirected request had no effect); a timeout records the operation as `info`.
 */
import type { Context, NodeId } from '../../sim/process.js';
import type { ChainDurable, ChainMsg, ChainOptions, ClientRequest, ClientState } from './types.js';

type ClientCtx = Context<ChainMsg, ChainDurable>;

const MASTER: NodeId = 0;
/** Think time between operations, in ticks (a recorded choice in [1, max]). */
const THINK_TICKS_MAX = 8;

/** First start (`incarnation` 0) or a restart: the counter keeps operation values unique across crashes. */
export function initClient(incarnation: number, ctx: ClientCtx): ClientState {
  ctx.persist({ kind: 'counter', value: incarnation });
  if (incarnation > 0) ctx.send(MASTER, { t: 'getConfig' });
  ctx.setTimer('next', ctx.chooseInt('think', 1, THINK_TICKS_MAX));
  return { kind: 'client', incarnation, chain: [], epoch: -1, opsDone: 0, current: undefined, awaitingConfig: false };
}

function target(s: ClientState, req: ClientRequest, opts: ChainOptions): NodeId | undefined {
  if (s.chain.length === 0) return undefined;
  const readsAtHead = opts.bug === 'reads-at-head';
  return req.f === 'put' || readsAtHead ? s.chain[0] : s.chain[s.chain.length - 1];
}

function sendCurrent(s: ClientState, opts: ChainOptions, ctx: ClientCtx): void {
  const req = s.current!;
  const to = target(s, req, opts);
  if (to === undefined) {
    s.awaitingConfig = true;
    ctx.send(MASTER, { t: 'getConfig' });
    return;
  }
  s.awaitingConfig = false;
  ctx.send(to, { t: 'req', req });
}

function startNext(s: ClientState, opts: ChainOptions, ctx: ClientCtx): void {
  if (s.current !== undefined || s.opsDone >= opts.opsPerClient) return;
  const key = opts.keys[ctx.choose('key', opts.keys.length)]!;
  const opId = `${ctx.self}.${s.incarnation}.${s.opsDone}`;
  const isPut = ctx.choose('op', 2) === 1;
  const req: ClientRequest = isPut ? { opId, f: 'put', key, value: `v${opId}` } : { opId, f: 'get', key, value: null };
  s.current = req;
  ctx.invoke({ f: req.f, key, value: req.value });
  ctx.setTimer('timeout', opts.clientTimeoutTicks);
  sendCurrent(s, opts, ctx);
}

function finish(s: ClientState, ctx: ClientCtx): void {
  s.current = undefined;
  s.awaitingConfig = false;
  s.opsDone++;
  ctx.cancelTimer('timeout');
  ctx.setTimer('next', ctx.chooseInt('think', 1, THINK_TICKS_MAX));
}

export function clientTimer(s: ClientState, timer: string, opts: ChainOptions, ctx: ClientCtx): ClientState {
  if (timer === 'next') {
    startNext(s, opts, ctx);
  } else if (timer === 'timeout' && s.current !== undefined) {
    ctx.complete('info', null);
    finish(s, ctx);
    ctx.send(MASTER, { t: 'getConfig' });
  }
  return s;
}

export function clientMessage(s: ClientState, msg: ChainMsg, opts: ChainOptions, ctx: ClientCtx): ClientState {
  switch (msg.t) {
    case 'config':
      if (msg.epoch >= s.epoch) {
        s.epoch = msg.epoch;
        s.chain = msg.chain;
      }
      if (s.awaitingConfig && s.current !== undefined) sendCurrent(s, opts, ctx);
      return s;
    case 'resp':
      if (s.current === undefined || msg.opId !== s.current.opId) return s;
      ctx.complete('ok', s.current.f === 'put' ? s.current.value : msg.value);
      finish(s, ctx);
      return s;
    case 'redirect':
      if (s.current === undefined || msg.opId !== s.current.opId) return s;
      s.awaitingConfig = true;
      ctx.send(MASTER, { t: 'getConfig' });
      return s;
    default:
      return s;
  }
}
