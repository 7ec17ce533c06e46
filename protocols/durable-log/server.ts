/**
 * A durable-log server: appends each write to its log as a checksummed record, fsyncs, and acknowledges the entry
 * once the fsync completed (`onFsync`). After a restart it reads its log back, keeping the records whose checksum
 * holds; a latent read error leaves it `recovering`, reading again on a timer.
 */
import type { Context } from '../../sim/process.js';
import { decodeRecord, encodeRecord } from './record.js';
import type { DurableLogMsg, DurableLogOptions, ServerState } from './types.js';

type Ctx = Context<DurableLogMsg, never>;

const EMPTY: ServerState = { kind: 'server', phase: 'ready', entries: [], synced: 0, acked: 0, waiting: [], fsyncs: [] };

export function initServer(): ServerState {
  return EMPTY;
}

/** After a restart: what survived on disk, read back (everything that survived a crash is durable). */
export function recoverServer(opts: DurableLogOptions, ctx: Ctx): ServerState {
  const read = ctx.storage.log();
  if (!read.ok) {
    ctx.setTimer('reread', opts.rereadTicks);
    return { ...EMPTY, phase: 'recovering' };
  }
  const entries: number[] = [];
  for (const record of read.value) {
    const entry = decodeRecord(record, opts.bug !== 'ignore-checksums');
    if (entry !== undefined && entry.i === entries.length + 1) entries.push(entry.v);
  }
  return { ...EMPTY, entries, synced: entries.length };
}

export function serverTimer(s: ServerState, timer: string, opts: DurableLogOptions, ctx: Ctx): ServerState {
  return timer === 'reread' && s.phase === 'recovering' ? recoverServer(opts, ctx) : s;
}

export function serverMessage(s: ServerState, from: number, msg: DurableLogMsg, opts: DurableLogOptions, ctx: Ctx): ServerState {
  if (msg.t !== 'write' || s.phase === 'recovering') return s;
  const early = opts.bug === 'sent-before-logged';
  if (msg.i <= s.entries.length) {
    if (msg.i <= s.synced || early) return ack(s, from, msg.i, ctx);
    return { ...s, waiting: [...s.waiting, msg.i] };
  }
  if (msg.i !== s.entries.length + 1) return s; // a gap: the client resends in order
  ctx.storage.append(encodeRecord(msg.i, msg.v));
  const id = ctx.storage.fsync();
  const next: ServerState = { ...s, entries: [...s.entries, msg.v], fsyncs: [...s.fsyncs, [id, msg.i]] };
  return early ? ack(next, from, msg.i, ctx) : { ...next, waiting: [...next.waiting, msg.i] };
}

/** Fsync `id` completed: the entries it covers are durable; acknowledge those waiting. */
export function serverFsync(s: ServerState, id: number, ctx: Ctx): ServerState {
  const covered = s.fsyncs.find(([f]) => f === id)?.[1] ?? 0;
  const synced = Math.max(s.synced, covered);
  let next: ServerState = { ...s, synced, fsyncs: s.fsyncs.filter(([f]) => f !== id), waiting: s.waiting.filter((i) => i > synced) };
  for (const i of s.waiting) if (i <= synced) next = ack(next, 0, i, ctx);
  return next;
}

function ack(s: ServerState, to: number, i: number, ctx: Ctx): ServerState {
  ctx.send(to, { t: 'ack', i });
  return i > s.acked ? { ...s, acked: i } : s;
}
