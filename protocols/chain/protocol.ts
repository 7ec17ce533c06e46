/**
 * The chain-replication protocol: one state machine per node, dispatching on the node's part (master, replica,
 * client; see the layout in types.ts), plus what a predicate can observe of each.
 */
import type { State } from '../../execution/types.js';
import type { Context, NodeId, Protocol } from '../../sim/process.js';
import { clientMessage, clientTimer, initClient } from './client.js';
import { initMaster, masterMessage, masterTimer } from './master.js';
import { initReplica, recoverReplica, replicaMessage, replicaTimer } from './replica.js';
import {
  CHAIN_OPTIONS_DEFAULT,
  NONE,
  type ChainDurable,
  type ChainMsg,
  type ChainOptions,
  type ChainState,
  type ReplicaState,
} from './types.js';

type Ctx = Context<ChainMsg, ChainDurable>;

/** Which part node `node` plays. */
export function partOf(node: NodeId, opts: ChainOptions): 'master' | 'replica' | 'client' {
  if (node === 0) return 'master';
  return node <= opts.replicas + opts.spares ? 'replica' : 'client';
}

/** `head`, `middle`, `tail`, `head+tail` for members; otherwise the status (`idle`, `joining`). */
export function roleOf(s: ReplicaState): string {
  if (s.status !== 'member') return s.status;
  if (s.pred === NONE) return s.succ === NONE ? 'head+tail' : 'head';
  return s.succ === NONE ? 'tail' : 'middle';
}

function observe(s: ChainState): State {
  switch (s.kind) {
    case 'master':
      return { role: 'master', epoch: s.core.epoch, chain: s.core.chain.join(','), step: s.core.step?.kind ?? 'none' };
    case 'client':
      return { role: 'client', opsDone: s.opsDone, epoch: s.epoch, chain: s.chain.join(',') };
    case 'replica':
      return {
        role: roleOf(s),
        epoch: s.epoch,
        pred: s.pred,
        succ: s.succ,
        histLen: s.hist.length,
        hist: s.histText,
        sentLen: s.sent.length,
      };
  }
}

function describe(msg: ChainMsg): string {
  switch (msg.t) {
    case 'config':
      return `config e${msg.epoch} [${msg.chain.join(',')}]${msg.admitted === undefined ? '' : ` admit p${msg.admitted.node}`}`;
    case 'update':
      return `update ${msg.u.seq}:${msg.u.key}=${msg.u.value}`;
    case 'ack':
      return `ack ${msg.seq}`;
    case 'req':
      return `${msg.req.f} ${msg.req.key}${msg.req.value === null ? '' : `=${msg.req.value}`} (${msg.req.opId})`;
    case 'resp':
      return `resp ${msg.opId} ${msg.value ?? 'nil'}`;
    case 'transfer':
      return `transfer ${msg.hist.length} updates`;
    case 'hb':
      return `hb${msg.member ? '' : ` join#${msg.nonce}`}`;
    default:
      return msg.t;
  }
}

/** Builds the protocol; options not given take `CHAIN_OPTIONS_DEFAULT`. */
export function chainProtocol(options: Partial<ChainOptions> = {}): Protocol<ChainState, ChainMsg, ChainDurable> {
  const opts: ChainOptions = { ...CHAIN_OPTIONS_DEFAULT, ...options };
  return {
    name: 'chain',
    init(ctx: Ctx): ChainState {
      const part = partOf(ctx.self, opts);
      if (part === 'master') return initMaster(undefined, opts, ctx);
      return part === 'replica' ? initReplica(opts, ctx) : initClient(0, ctx);
    },
    onRecover(durable: ChainDurable | undefined, ctx: Ctx): ChainState {
      const part = partOf(ctx.self, opts);
      if (part === 'master') return initMaster(durable?.kind === 'master' ? durable.core : undefined, opts, ctx);
      const previous = durable?.kind === 'counter' ? durable.value : 0;
      return part === 'replica' ? recoverReplica(previous, opts, ctx) : initClient(previous + 1, ctx);
    },
    onMessage(s: ChainState, from: NodeId, msg: ChainMsg, ctx: Ctx): ChainState {
      if (s.kind === 'master') return masterMessage(s, from, msg, ctx, opts);
      if (s.kind === 'replica') return replicaMessage(s, from, msg, opts, ctx);
      return clientMessage(s, msg, opts, ctx);
    },
    onTimer(s: ChainState, timer: string, ctx: Ctx): ChainState {
      if (s.kind === 'master') return masterTimer(s, timer, opts, ctx);
      if (s.kind === 'replica') return replicaTimer(s, timer, opts, ctx);
      return clientTimer(s, timer, opts, ctx);
    },
    observe,
    describe,
  };
}
