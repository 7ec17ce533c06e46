/**
 * The lease-lock protocol: the server (p0), the clients, the storage (the last node), and what a predicate can
 * observe of each.
 *
 * Observed fields: `role`; the server's `holder` (node, -1 when free), `token` (its fencing token, 0 when free) and
 * `grace` (in its post-restart wait); a client's `phase`, `holding` (it may act on the storage), `token` and
 * `writePending` (its RPC layer is still delivering a write); the storage's `fence` and `applied` (tokens of the
 * writes it applied since it last started, `3 3 5`).
 */
import type { State } from '../../execution/types.js';
import type { Context, Protocol } from '../../sim/process.js';
import { clientMessage, clientTimer, initClient } from './client.js';
import { initServer, serverMessage, serverTimer } from './server.js';
import { initStorage, storageMessage } from './storage.js';
import { LEASE_LOCK_OPTIONS_DEFAULT, type LeaseLockDurable, type LeaseLockMsg, type LeaseLockOptions, type LeaseLockState } from './types.js';

type Ctx = Context<LeaseLockMsg, LeaseLockDurable>;

const FIELDS = ['role', 'holder', 'token', 'grace', 'phase', 'holding', 'writePending', 'fence', 'applied'] as const;

function observe(s: LeaseLockState): State {
  const none = { holder: -1, token: 0, grace: false, phase: 'none', holding: false, writePending: false, fence: 0, applied: '' };
  switch (s.kind) {
    case 'server':
      return { ...none, role: 'server', holder: s.holder?.client ?? -1, token: s.holder?.token ?? 0, grace: s.graceUntilTicks > 0 && s.holder === undefined };
    case 'client':
      return { ...none, role: 'client', phase: s.phase, holding: s.phase === 'holding', token: s.phase === 'holding' ? s.token : 0, writePending: s.write !== undefined };
    case 'storage':
      return { ...none, role: 'storage', fence: s.fence, applied: s.appliedText };
  }
}

function describe(msg: LeaseLockMsg): string {
  switch (msg.t) {
    case 'acquire':
      return `acquire ${msg.req}#${msg.attempt}`;
    case 'grant':
      return `grant t${msg.token} for ${msg.req}#${msg.attempt}`;
    case 'release':
      return `release t${msg.token}`;
    case 'write':
      return `write t${msg.token} ${msg.value}`;
    case 'written':
      return `${msg.ok ? 'written' : 'fenced'} t${msg.token}`;
  }
}

/** Builds the protocol; options not given take `LEASE_LOCK_OPTIONS_DEFAULT`. Needs at least 3 nodes. */
export function leaseLockProtocol(options: Partial<LeaseLockOptions> = {}): Protocol<LeaseLockState, LeaseLockMsg, LeaseLockDurable> {
  const opts: LeaseLockOptions = { ...LEASE_LOCK_OPTIONS_DEFAULT, ...options };
  const start = (durable: LeaseLockDurable | undefined, ctx: Ctx): LeaseLockState => {
    if (ctx.self === 0) return initServer(durable, opts, ctx);
    return ctx.self === ctx.nodeCount - 1 ? initStorage(durable, ctx) : initClient(durable, opts, ctx);
  };
  return {
    name: 'lease-lock',
    init: (ctx) => start(undefined, ctx),
    onRecover: (durable, ctx) => start(durable, ctx),
    onMessage(s, from, msg, ctx) {
      if (s.kind === 'server') return serverMessage(s, from, msg, opts, ctx);
      return s.kind === 'client' ? clientMessage(s, msg, opts, ctx) : storageMessage(s, from, msg, opts, ctx);
    },
    onTimer(s, timer, ctx) {
      if (s.kind === 'server') return serverTimer(s, timer);
      return s.kind === 'client' ? clientTimer(s, timer, opts, ctx) : s;
    },
    observe,
    fields: FIELDS,
    describe,
  };
}
