/**
 * The two-phase-commit protocol: the coordinator (p0) and the participants, plus what a predicate can observe.
 *
 * Observed fields: `role`; `tx` (current or newest transaction); `phase` (the coordinator's phase, or the
 * participant's in-memory status of `tx`, `none` before any); `logged` (what the node's log holds about `tx`: the
 * coordinator's decision or `none`, the participant's durable status or `none`); `decided` (`0:c 1:a`: the decisions
 * the node holds); a participant's `voted` (`0:y 1:n`: the votes it sent since it last started).
 */
import type { State } from '../../execution/types.js';
import type { Context, Protocol } from '../../sim/process.js';
import { coordinatorMessage, coordinatorTimer, initCoordinator } from './coordinator.js';
import { initParticipant, participantMessage, participantTimer } from './participant.js';
import { decidedText, TPC_OPTIONS_DEFAULT, type TpcDurable, type TpcMsg, type TpcOptions, type TpcState } from './types.js';

type Ctx = Context<TpcMsg, TpcDurable>;

function observe(s: TpcState): State {
  if (s.kind === 'coordinator') {
    return { role: 'coordinator', tx: s.tx, phase: s.phase, logged: s.log.get(s.tx) ?? 'none', decided: decidedText(s.log), voted: '' };
  }
  return {
    role: 'participant',
    tx: s.tx,
    phase: s.txs.get(s.tx) ?? 'none',
    logged: s.disk.get(s.tx) ?? 'none',
    decided: decidedText(s.txs),
    voted: s.votedText,
  };
}

function describe(msg: TpcMsg): string {
  switch (msg.t) {
    case 'vote':
      return `vote ${msg.tx} ${msg.yes ? 'yes' : 'no'}`;
    case 'decision':
      return `${msg.decision} ${msg.tx}`;
    default:
      return `${msg.t} ${msg.tx}`;
  }
}

/** Builds the protocol; options not given take `TPC_OPTIONS_DEFAULT`. */
export function twoPhaseCommitProtocol(options: Partial<TpcOptions> = {}): Protocol<TpcState, TpcMsg, TpcDurable> {
  const opts: TpcOptions = { ...TPC_OPTIONS_DEFAULT, ...options };
  return {
    name: 'two-phase-commit',
    init: (ctx: Ctx) => (ctx.self === 0 ? initCoordinator(undefined, opts, ctx) : initParticipant(undefined, opts, ctx)),
    onRecover: (durable, ctx: Ctx) => (ctx.self === 0 ? initCoordinator(durable, opts, ctx) : initParticipant(durable, opts, ctx)),
    onMessage(s, from, msg, ctx: Ctx) {
      return s.kind === 'coordinator' ? coordinatorMessage(s, from, msg, opts, ctx) : participantMessage(s, msg, opts, ctx);
    },
    onTimer(s, timer, ctx: Ctx) {
      return s.kind === 'coordinator' ? coordinatorTimer(s, timer, opts, ctx) : participantTimer(s, timer, opts, ctx);
    },
    observe,
    fields: ['role', 'tx', 'phase', 'logged', 'decided', 'voted'],
    describe,
  };
}
