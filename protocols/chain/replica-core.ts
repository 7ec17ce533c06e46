/**
 * A replica's update path: applying an update, forwarding it down the chain, the tail's reply and acknowledgement,
 * and the hand-over when a replica becomes the tail.
 */
import type { Context } from '../../sim/process.js';
import { NONE, type ChainDurable, type ChainMsg, type ChainOptions, type ReplicaState, type Update } from './types.js';

export type ReplicaCtx = Context<ChainMsg, ChainDurable>;

/** `seq:value;` per update: one replica's hist is a prefix of another's iff its text is a string prefix. */
export function histEntry(u: Update): string {
  return `${u.seq}:${u.value};`;
}

/** Appends `u` to hist and applies it to the store. */
export function applyLocally(s: ReplicaState, u: Update): void {
  s.hist.push(u);
  s.histText += histEntry(u);
  s.store.set(u.key, u.value);
}

/**
 * Takes in a new update (the head after numbering it, or any replica receiving it from its predecessor): apply
 * and forward (keeping it in Sent), or, at the tail, reply to the client and acknowledge upstream.
 */
export function accept(s: ReplicaState, u: Update, opts: ChainOptions, ctx: ReplicaCtx): void {
  s.lastSeq = u.seq;
  if (s.succ !== NONE) {
    applyLocally(s, u);
    s.sent.push(u);
    ctx.send(s.succ, { t: 'update', u });
    return;
  }
  if (opts.bug === 'tail-acks-before-apply') {
    // Bug: reply and acknowledge now, apply later (queries meanwhile read the old value).
    replyAndAck(s, u, ctx);
    s.lagging.push(u);
    ctx.setTimer('apply', ctx.chooseInt('apply-lag', 1, opts.applyLagTicksMax));
    return;
  }
  applyLocally(s, u);
  replyAndAck(s, u, ctx);
}

function replyAndAck(s: ReplicaState, u: Update, ctx: ReplicaCtx): void {
  ctx.send(u.client, { t: 'resp', opId: u.opId, value: u.value });
  if (s.pred !== NONE) ctx.send(s.pred, { t: 'ack', seq: u.seq });
}

/** `tail-acks-before-apply`: applies what was acknowledged but not yet applied. */
export function applyLagging(s: ReplicaState): void {
  for (const u of s.lagging) applyLocally(s, u);
  s.lagging = [];
}

/**
 * Sets the successor. Becoming the tail (no successor): every update in Sent is now held by the whole chain, so
 * reply to its client and acknowledge it upstream. A new successor: resend Sent entries after `afterSeq` to it.
 */
export function setSuccessor(s: ReplicaState, succ: number, afterSeq: number, resend: boolean, ctx: ReplicaCtx): void {
  s.succ = succ;
  if (succ === NONE) {
    for (const u of s.sent) ctx.send(u.client, { t: 'resp', opId: u.opId, value: u.value });
    if (s.sent.length > 0 && s.pred !== NONE) ctx.send(s.pred, { t: 'ack', seq: s.sent[s.sent.length - 1]!.seq });
    s.sent = [];
    return;
  }
  if (!resend) return;
  for (const u of s.sent) if (u.seq > afterSeq) ctx.send(succ, { t: 'update', u });
}

/** Drops the replica's state (it asks to join again, as a new replica). */
export function resetToJoining(s: ReplicaState): void {
  s.status = 'joining';
  s.pred = NONE;
  s.succ = NONE;
  s.hist = [];
  s.histText = '';
  s.lastSeq = 0;
  s.store = new Map();
  s.sent = [];
  s.lagging = [];
}

/** A fresh replica state. */
export function emptyReplica(nonce: number): ReplicaState {
  return {
    kind: 'replica',
    status: 'idle',
    nonce,
    epoch: -1,
    pred: NONE,
    succ: NONE,
    hist: [],
    histText: '',
    lastSeq: 0,
    store: new Map(),
    sent: [],
    lagging: [],
  };
}
