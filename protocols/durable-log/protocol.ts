/**
 * The durable-log protocol: a client (p0) and servers (p1..) that log each write with a checksum and acknowledge it
 * only once it is durable (docs/protocols/durable-log.md). It uses `ctx.storage` (docs/storage.md).
 *
 * Observed fields: `role`; the client's `next` (the entry being written); a server's `phase` (`ready`,
 * `recovering`), `len` (entries it holds), `tail` (the value of the last, 0 when none), `synced` (entries known
 * durable) and `acked` (the highest entry acknowledged since it last started).
 */
import type { State } from '../../execution/types.js';
import type { Protocol } from '../../sim/process.js';
import { clientMessage, clientTimer, initClient } from './client.js';
import { initServer, recoverServer, serverFsync, serverMessage, serverTimer } from './server.js';
import { DURABLE_LOG_OPTIONS_DEFAULT, type DurableLogMsg, type DurableLogOptions, type DurableLogState } from './types.js';

const FIELDS = ['role', 'next', 'phase', 'len', 'tail', 'synced', 'acked'] as const;

function observe(s: DurableLogState): State {
  if (s.kind === 'client') return { role: 'client', next: s.next, phase: 'ready', len: 0, tail: 0, synced: 0, acked: 0 };
  const len = s.entries.length;
  return { role: 'server', next: 0, phase: s.phase, len, tail: s.entries[len - 1] ?? 0, synced: s.synced, acked: s.acked };
}

function describe(msg: DurableLogMsg): string {
  return msg.t === 'write' ? `write ${msg.i}=${msg.v}` : `ack ${msg.i}`;
}

/** Builds the protocol; options not given take `DURABLE_LOG_OPTIONS_DEFAULT`. Needs at least 2 nodes. */
export function durableLogProtocol(options: Partial<DurableLogOptions> = {}): Protocol<DurableLogState, DurableLogMsg> {
  const opts: DurableLogOptions = { ...DURABLE_LOG_OPTIONS_DEFAULT, ...options };
  return {
    name: 'durable-log',
    init: (ctx) => (ctx.self === 0 ? initClient(opts, ctx) : initServer()),
    onRecover: (_durable, ctx) => (ctx.self === 0 ? initClient(opts, ctx) : recoverServer(opts, ctx)),
    onMessage: (s, from, msg, ctx) => (s.kind === 'client' ? clientMessage(s, from, msg, opts, ctx) : serverMessage(s, from, msg, opts, ctx)),
    onTimer: (s, timer, ctx) => (s.kind === 'client' ? clientTimer(s, timer, opts, ctx) : serverTimer(s, timer, opts, ctx)),
    onFsync: (s, id, ctx) => (s.kind === 'server' ? serverFsync(s, id, ctx) : s),
    observe,
    fields: FIELDS,
    describe,
  };
}
