/**
 * A small replicated key-value store for workloads (docs/workloads.md): node 0 is the primary, the others are
 * backups. Any node takes a client's request (`onClientRequest`) and forwards it to the primary, which applies it,
 * persists its map, replies to the client (`ctx.reply`) and copies the write to the backups in the background.
 *
 * Bug `backup-reads`: a backup answers a `get` from its own copy, which may lag the primary: a read that starts
 * after a `put` returned can miss it (not linearizable).
 */
import type { HistoryValue } from '../../execution/history.js';
import type { Context, Protocol } from '../../sim/process.js';
import type { ClientRequest } from '../../sim/workload/types.js';

/** Bug variants of the store. */
export type KvBug = 'backup-reads';

type Store = Readonly<Record<string, HistoryValue>>;
type KvMsg = { readonly t: 'forward'; readonly request: ClientRequest } | { readonly t: 'copy'; readonly key: string; readonly value: HistoryValue };

interface KvState {
  readonly store: Store;
  readonly applied: number;
}

type Ctx = Context<KvMsg, Store>;

const PRIMARY = 0;

/** The primary-backup store; `bug` selects a variant. */
export function primaryBackupKv(bug?: KvBug): Protocol<KvState, KvMsg, Store> {
  const serve = (s: KvState, request: ClientRequest, ctx: Ctx): KvState => {
    const { op } = request;
    const key = op.key ?? '';
    if (op.f === 'get') {
      ctx.reply(request, 'ok', s.store[key] ?? null);
      return s;
    }
    if (op.f !== 'put') {
      ctx.reply(request, 'fail', null);
      return s;
    }
    const store = { ...s.store, [key]: op.value };
    ctx.persist(store);
    ctx.reply(request, 'ok', null);
    ctx.broadcast({ t: 'copy', key, value: op.value });
    return { store, applied: s.applied + 1 };
  };
  return {
    name: bug === undefined ? 'primary-backup-kv' : `primary-backup-kv (${bug})`,
    init: () => ({ store: {}, applied: 0 }),
    onRecover: (durable) => ({ store: durable ?? {}, applied: 0 }),
    onClientRequest(s, request, ctx) {
      if (ctx.self === PRIMARY) return serve(s, request, ctx);
      if (bug === 'backup-reads' && request.op.f === 'get') {
        ctx.reply(request, 'ok', s.store[request.op.key ?? ''] ?? null);
        return s;
      }
      ctx.send(PRIMARY, { t: 'forward', request });
      return s;
    },
    onMessage(s, _from, msg, ctx) {
      if (msg.t === 'forward') return ctx.self === PRIMARY ? serve(s, msg.request, ctx) : s;
      return { store: { ...s.store, [msg.key]: msg.value }, applied: s.applied + 1 };
    },
    onTimer: (s) => s,
    observe: (s) => ({ applied: s.applied }),
    fields: ['applied'],
    describe: (m) => (m.t === 'forward' ? `forward req ${m.request.id}` : `copy ${m.key}=${JSON.stringify(m.value)}`),
  };
}
