/**
 * A chain replica's handlers: updates flow from the head down, acknowledgements flow back up, the tail replies and
 * serves queries; the master's messages reconfigure the chain around failed replicas and add new ones at the tail.
 */
import type { NodeId } from '../../sim/process.js';
import {
  accept,
  applyLagging,
  applyLocally,
  emptyReplica,
  resetToJoining,
  setSuccessor,
  type ReplicaCtx,
} from './replica-core.js';
import { NONE, type ChainMsg, type ChainOptions, type ClientRequest, type ReplicaState, type Update } from './types.js';

const MASTER: NodeId = 0;

/** First start: nodes 1..R are the initial chain; spares wait `joinDelayTicks` and then ask to join. */
export function initReplica(opts: ChainOptions, ctx: ReplicaCtx): ReplicaState {
  const s = emptyReplica(0);
  ctx.persist({ kind: 'counter', value: 0 });
  if (ctx.self <= opts.replicas) {
    s.status = 'member';
    s.epoch = 0;
    s.pred = ctx.self === 1 ? NONE : ctx.self - 1;
    s.succ = ctx.self === opts.replicas ? NONE : ctx.self + 1;
  } else {
    ctx.setTimer('join', opts.joinDelayTicks);
  }
  ctx.setTimer('hb', opts.heartbeatTicks);
  return s;
}

/** After a crash a replica has lost its state: it asks to join again, with a new join nonce. */
export function recoverReplica(previousNonce: number, opts: ChainOptions, ctx: ReplicaCtx): ReplicaState {
  const s = emptyReplica(previousNonce + 1);
  ctx.persist({ kind: 'counter', value: s.nonce });
  s.status = 'joining';
  sendHeartbeat(s, ctx);
  ctx.setTimer('hb', opts.heartbeatTicks);
  return s;
}

function sendHeartbeat(s: ReplicaState, ctx: ReplicaCtx): void {
  if (s.status !== 'idle') ctx.send(MASTER, { t: 'hb', member: s.status === 'member', nonce: s.nonce });
}

export function replicaTimer(s: ReplicaState, timer: string, opts: ChainOptions, ctx: ReplicaCtx): ReplicaState {
  if (timer === 'hb') {
    sendHeartbeat(s, ctx);
    ctx.setTimer('hb', opts.heartbeatTicks);
  } else if (timer === 'join' && s.status === 'idle') {
    s.status = 'joining';
    sendHeartbeat(s, ctx);
  } else if (timer === 'apply') {
    applyLagging(s);
  }
  return s;
}

export function replicaMessage(s: ReplicaState, from: NodeId, msg: ChainMsg, opts: ChainOptions, ctx: ReplicaCtx): ReplicaState {
  switch (msg.t) {
    case 'config': {
      const admitted = msg.admitted !== undefined && msg.admitted.node === ctx.self && msg.admitted.nonce === s.nonce;
      if (s.status !== 'member' && admitted) s.status = 'member'; // only reachable with reconfigure-without-waiting
      const i = msg.chain.indexOf(ctx.self);
      if (s.status !== 'member' || msg.epoch < s.epoch || i < 0) return s;
      s.epoch = msg.epoch;
      applyLagging(s);
      s.pred = i === 0 ? NONE : msg.chain[i - 1]!;
      const succ = i === msg.chain.length - 1 ? NONE : msg.chain[i + 1]!;
      // Only without the master's handshake does a config bring a new successor: then resend all of Sent.
      if (succ !== s.succ) setSuccessor(s, succ, 0, true, ctx);
      return s;
    }
    case 'newPred':
      if (s.status !== 'member' || msg.epoch < s.epoch) return s;
      s.epoch = msg.epoch;
      s.pred = msg.pred;
      ctx.send(MASTER, { t: 'predAck', epoch: msg.epoch, lastSeq: s.lastSeq });
      return s;
    case 'newSucc':
      if (s.status !== 'member' || msg.epoch < s.epoch) return s;
      s.epoch = msg.epoch;
      setSuccessor(s, msg.succ, msg.lastSeq, opts.bug !== 'no-resend-on-middle-failure', ctx);
      return s;
    case 'addTail':
      if (s.status !== 'member' || msg.epoch < s.epoch || (s.succ !== NONE && s.succ !== msg.joiner)) return s;
      s.epoch = msg.epoch;
      applyLagging(s);
      s.succ = msg.joiner;
      ctx.send(msg.joiner, { t: 'transfer', epoch: msg.epoch, nonce: msg.nonce, hist: s.hist.slice() });
      return s;
    case 'transfer':
      return onTransfer(s, from, msg.epoch, msg.nonce, msg.hist, ctx);
    case 'rejoin':
      if (msg.nonce !== s.nonce || s.status === 'idle') return s;
      resetToJoining(s);
      s.nonce++;
      ctx.persist({ kind: 'counter', value: s.nonce });
      sendHeartbeat(s, ctx);
      return s;
    case 'update':
      if (s.status !== 'member' || from !== s.pred || msg.u.seq <= s.lastSeq) return s;
      accept(s, msg.u, opts, ctx);
      return s;
    case 'ack':
      if (s.status !== 'member' || from !== s.succ) return s;
      s.sent = s.sent.filter((u) => u.seq > msg.seq);
      if (s.pred !== NONE) ctx.send(s.pred, { t: 'ack', seq: msg.seq });
      return s;
    case 'req':
      onRequest(s, from, msg.req, opts, ctx);
      return s;
    default:
      return s;
  }
}

function onTransfer(s: ReplicaState, from: NodeId, epoch: number, nonce: number, hist: readonly Update[], ctx: ReplicaCtx): ReplicaState {
  if (nonce !== s.nonce || s.status === 'idle') return s;
  if (s.status === 'member' && s.hist.length > 0) return s; // a repeated transfer
  const own = s.hist;
  resetToJoining(s);
  for (const u of hist) applyLocally(s, u);
  const transferredSeq = hist.length === 0 ? 0 : hist[hist.length - 1]!.seq;
  for (const u of own) if (u.seq > transferredSeq) applyLocally(s, u);
  s.lastSeq = s.hist.length === 0 ? 0 : s.hist[s.hist.length - 1]!.seq;
  s.status = 'member';
  s.epoch = Math.max(s.epoch, epoch);
  s.pred = from;
  ctx.send(MASTER, { t: 'joined', epoch, nonce });
  return s;
}

function onRequest(s: ReplicaState, client: NodeId, req: ClientRequest, opts: ChainOptions, ctx: ReplicaCtx): void {
  const isHead = s.status === 'member' && s.pred === NONE;
  const isTail = s.status === 'member' && s.succ === NONE;
  if (req.f === 'put' && isHead) {
    const u: Update = { seq: s.lastSeq + 1, key: req.key, value: req.value ?? '', client, opId: req.opId };
    accept(s, u, opts, ctx);
    return;
  }
  const servesReads = opts.bug === 'reads-at-head' ? isHead : isTail;
  if (req.f === 'get' && servesReads) {
    ctx.send(client, { t: 'resp', opId: req.opId, value: s.store.get(req.key) ?? null });
    return;
  }
  ctx.send(client, { t: 'redirect', opId: req.opId });
}
