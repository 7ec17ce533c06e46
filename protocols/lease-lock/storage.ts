/**
 * The storage the lock protects: applies a write whose fencing token is at least its fence (the highest token it
 * has seen) and raises the fence to it; refuses a lower one. Both answers are acknowledged, so the writer's RPC
 * layer stops resending. The value and the fence are persisted together (`fence-not-persisted`: the value only).
 */
import type { Context, NodeId } from '../../sim/process.js';
import type { LeaseLockDurable, LeaseLockMsg, LeaseLockOptions, StorageState } from './types.js';

type StorageCtx = Context<LeaseLockMsg, LeaseLockDurable>;

/** First start, or a restart with the persisted value (and fence). */
export function initStorage(durable: LeaseLockDurable | undefined, ctx: StorageCtx): StorageState {
  const d = durable?.kind === 'storage' ? durable : undefined;
  const s: StorageState = { kind: 'storage', value: d?.value ?? '', fence: d?.fence ?? 0, appliedText: '' };
  if (d === undefined) ctx.persist({ kind: 'storage', value: s.value, fence: s.fence });
  return s;
}

export function storageMessage(s: StorageState, from: NodeId, msg: LeaseLockMsg, opts: LeaseLockOptions, ctx: StorageCtx): StorageState {
  if (msg.t !== 'write') return s;
  const ok = msg.token >= s.fence;
  if (ok) {
    s.fence = msg.token;
    s.value = msg.value;
    s.appliedText += `${s.appliedText === '' ? '' : ' '}${msg.token}`;
    ctx.persist(opts.bug === 'fence-not-persisted' ? { kind: 'storage', value: s.value } : { kind: 'storage', value: s.value, fence: s.fence });
  }
  ctx.send(from, { t: 'written', token: msg.token, value: msg.value, ok });
  return s;
}
