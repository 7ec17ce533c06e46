/**
 * The master: detects replica failures by heartbeats and reconfigures the chain, one step at a time.
 *
 * - Head or tail failure: publish the chain without it (the successor becomes head; the predecessor becomes tail).
 * - Middle failure: tell the successor its new predecessor, wait for its last sequence number, then tell the
 *   predecessor its new successor and that number (it resends the Sent entries after it); then publish.
 * - Join: tell the tail to hand its state to the joiner, wait until the joiner has it, then publish it as tail.
 *
 * `reconfigure-without-waiting` publishes every change at once, without the handshakes.
 */
import type { Context, NodeId } from '../../sim/process.js';
import type { ChainDurable, ChainMsg, ChainOptions, MasterCore, MasterState, MasterStep } from './types.js';

type MasterCtx = Context<ChainMsg, ChainDurable>;

/** First start, or a restart with the persisted core (the master stands for a fault-tolerant service). */
export function initMaster(core: MasterCore | undefined, opts: ChainOptions, ctx: MasterCtx): MasterState {
  const chain = Array.from({ length: opts.replicas }, (_, i) => i + 1);
  const initial: MasterCore = { epoch: 0, chain, step: undefined, nonceOf: new Array<number>(ctx.nodeCount).fill(0) };
  const s: MasterState = { kind: 'master', core: core ?? initial, lastHeard: new Array<number>(ctx.nodeCount).fill(ctx.nowTicks), joinRequests: new Map() };
  if (core === undefined) {
    ctx.persist({ kind: 'master', core: s.core });
    publish(s, ctx);
  } else {
    resendStep(s.core.step, ctx);
  }
  ctx.setTimer('check', opts.heartbeatTicks);
  return s;
}

function update(s: MasterState, core: MasterCore, ctx: MasterCtx): void {
  s.core = core;
  ctx.persist({ kind: 'master', core });
}

function publish(s: MasterState, ctx: MasterCtx, admitted?: { node: NodeId; nonce: number }): void {
  const { epoch, chain } = s.core;
  ctx.broadcast(admitted === undefined ? { t: 'config', epoch, chain } : { t: 'config', epoch, chain, admitted });
}

function resendStep(step: MasterStep | undefined, ctx: MasterCtx): void {
  if (step?.kind === 'middle') ctx.send(step.succ, { t: 'newPred', epoch: step.epoch, pred: step.pred });
  if (step?.kind === 'join') ctx.send(step.tail, { t: 'addTail', epoch: step.epoch, joiner: step.joiner, nonce: step.nonce });
}

function failed(s: MasterState, node: NodeId, opts: ChainOptions, now: number): boolean {
  return now - s.lastHeard[node]! > opts.failTimeoutTicks;
}

/** Removes one failed replica from the chain. */
function remove(s: MasterState, x: NodeId, opts: ChainOptions, ctx: MasterCtx): void {
  const { chain } = s.core;
  const i = chain.indexOf(x);
  const next = chain.filter((n) => n !== x);
  const epoch = s.core.epoch + 1;
  const middle = i > 0 && i < chain.length - 1;
  if (!middle || opts.bug === 'reconfigure-without-waiting') {
    update(s, { ...s.core, epoch, chain: next, step: undefined }, ctx);
    publish(s, ctx);
    return;
  }
  const step: MasterStep = { kind: 'middle', epoch, pred: chain[i - 1]!, succ: chain[i + 1]! };
  update(s, { ...s.core, epoch, chain: next, step }, ctx);
  resendStep(step, ctx);
}

/** Starts a join of `joiner` at the tail. */
function startJoin(s: MasterState, joiner: NodeId, nonce: number, opts: ChainOptions, ctx: MasterCtx): void {
  const { chain } = s.core;
  const epoch = s.core.epoch + 1;
  const step: MasterStep = { kind: 'join', epoch, joiner, nonce, tail: chain[chain.length - 1]! };
  s.joinRequests.delete(joiner);
  resendStep(step, ctx);
  if (opts.bug === 'reconfigure-without-waiting') {
    update(s, { epoch, chain: [...chain, joiner], step: undefined, nonceOf: withNonce(s.core.nonceOf, joiner, nonce) }, ctx);
    publish(s, ctx, { node: joiner, nonce });
    return;
  }
  update(s, { ...s.core, epoch, step }, ctx);
}

function withNonce(nonceOf: readonly number[], node: NodeId, nonce: number): number[] {
  const next = nonceOf.slice();
  next[node] = nonce;
  return next;
}

/**
 * Gives up the step in progress (a participant failed, or the joiner started a new attempt). A middle step needs
 * nothing undone (the failed replica is already out); an aborted join sends the joiner back and publishes the chain
 * without it, so the old tail is the tail again.
 */
function abortStep(s: MasterState, ctx: MasterCtx): void {
  const step = s.core.step;
  if (step === undefined) return;
  if (step.kind === 'join') ctx.send(step.joiner, { t: 'rejoin', nonce: step.nonce });
  update(s, { ...s.core, epoch: s.core.epoch + 1, step: undefined }, ctx);
  if (step.kind === 'join') publish(s, ctx);
}

/** Every `heartbeatTicks`: abort a step whose participant failed, remove failed replicas, start a pending join. */
function check(s: MasterState, opts: ChainOptions, ctx: MasterCtx): void {
  const now = ctx.nowTicks;
  const step = s.core.step;
  if (step !== undefined) {
    const parts = step.kind === 'middle' ? [step.pred, step.succ] : [step.tail, step.joiner];
    if (!parts.some((n) => failed(s, n, opts, now))) return;
    abortStep(s, ctx);
  }
  for (;;) {
    const x = s.core.chain.find((n) => failed(s, n, opts, now));
    if (x === undefined) break;
    remove(s, x, opts, ctx);
    if (s.core.step !== undefined) return;
  }
  if (s.core.chain.length === 0) return; // every replica lost: no state to hand to a joiner
  for (const [node, nonce] of [...s.joinRequests].sort((a, b) => a[0] - b[0])) {
    if (failed(s, node, opts, now)) {
      s.joinRequests.delete(node);
      continue;
    }
    startJoin(s, node, nonce, opts, ctx);
    return;
  }
}

export function masterTimer(s: MasterState, timer: string, opts: ChainOptions, ctx: MasterCtx): MasterState {
  if (timer === 'check') {
    check(s, opts, ctx);
    ctx.setTimer('check', opts.heartbeatTicks);
  }
  return s;
}

export function masterMessage(s: MasterState, from: NodeId, msg: ChainMsg, ctx: MasterCtx, opts?: ChainOptions): MasterState {
  const { core } = s;
  const step = core.step;
  switch (msg.t) {
    case 'getConfig':
      ctx.send(from, { t: 'config', epoch: core.epoch, chain: core.chain });
      return s;
    case 'hb': {
      const inChain = core.chain.includes(from);
      if (step?.kind === 'join' && step.joiner === from && step.nonce !== msg.nonce) abortStep(s, ctx);
      const current = s.core.step;
      const joining = current?.kind === 'join' && current.joiner === from;
      if (!msg.member && inChain && msg.nonce > core.nonceOf[from]!) {
        s.lastHeard[from] = -Infinity; // restarted: it lost its state, so it failed
      } else {
        s.lastHeard[from] = ctx.nowTicks;
      }
      if (!msg.member && !inChain && !joining) s.joinRequests.set(from, msg.nonce);
      if (msg.member && !inChain && !joining) ctx.send(from, { t: 'rejoin', nonce: msg.nonce });
      return s;
    }
    case 'predAck': {
      // `predack-any-epoch`: an acknowledgement is matched to the step by its sender only, not its epoch.
      const epochOk = step?.epoch === msg.epoch || opts?.bug === 'predack-any-epoch';
      if (step?.kind !== 'middle' || !epochOk || from !== step.succ) return s;
      ctx.send(step.pred, { t: 'newSucc', epoch: step.epoch, succ: step.succ, lastSeq: msg.lastSeq });
      update(s, { ...core, step: undefined }, ctx);
      publish(s, ctx);
      return s;
    }
    case 'joined': {
      if (step?.kind !== 'join' || step.epoch !== msg.epoch || from !== step.joiner || step.nonce !== msg.nonce) return s;
      const nonceOf = withNonce(core.nonceOf, from, msg.nonce);
      update(s, { epoch: core.epoch + 1, chain: [...core.chain, from], step: undefined, nonceOf }, ctx);
      publish(s, ctx, { node: from, nonce: msg.nonce });
      return s;
    }
    default:
      return s;
  }
}
