/**
 * Single-decree Paxos as handlers that emit effects.
 *
 * - Proposer (nodes below PROPOSERS_MAX): after a random delay, and again on every timeout until it has learned the
 *   decision, it picks a ballot above any it used or saw, persists its round, and sends Prepare to every acceptor.
 *   With promises from a majority it sends Accept with the value of the highest accepted ballot among them, or its
 *   own value when none reports one (proposer.ts).
 * - Acceptor (every node): promises a ballot above its promise, reporting its last accepted pair; accepts a ballot
 *   at least its promise; persists before answering; refuses with a Nack otherwise. It tells every learner. Under
 *   `forget-promise-on-restart` it persists what it accepted but not its promise, so a restarted acceptor is bound
 *   only by its accepted ballot and accepts a ballot below the one it promised before the crash.
 * - Learner (every node): learns a value once a majority of acceptors accepted it in one ballot, and persists it.
 */
import type { Context, NodeId, Protocol } from '../../sim/process.js';
import { nextRound, valueToPropose } from './proposer.js';
import {
  ownValue,
  PROPOSERS_MAX,
  RETRY_TICKS_MAX,
  RETRY_TICKS_MIN,
  START_TICKS_MAX,
  START_TICKS_MIN,
  type PaxosBug,
  type PaxosDurable,
  type PaxosMessage,
  type PaxosState,
} from './types.js';

type Ctx = Context<PaxosMessage, PaxosDurable>;
type State = PaxosState;

/** The observable fields of a node (see `observe`). */
export const PAXOS_FIELDS = ['round', 'ballot', 'phase', 'proposal', 'promised', 'accBallot', 'accValue', 'learned'] as const;

/** The Paxos model; `bug` selects a bug variant (PAXOS_BUGS), undefined for the correct protocol. */
export function paxos(bug?: PaxosBug): Protocol<State, PaxosMessage, PaxosDurable> {
  const majority = (ctx: Ctx): number => Math.floor(ctx.nodeCount / 2) + 1;
  const isProposer = (ctx: Ctx): boolean => ctx.self < PROPOSERS_MAX;
  const persist = (s: State, ctx: Ctx): void => {
    const promised = bug === 'forget-promise-on-restart' ? 0 : s.promised;
    ctx.persist({ round: s.round, learned: s.learned, promised, accBallot: s.accBallot, accValue: s.accValue });
  };
  const sendAll = (msg: PaxosMessage, ctx: Ctx): void => {
    for (let node = 0; node < ctx.nodeCount; node++) ctx.send(node, msg);
  };

  const fresh = (d: PaxosDurable | undefined): State => ({
    round: d?.round ?? 0,
    ballot: 0,
    phase: 'idle',
    promises: [],
    proposal: '',
    ballotSeenMax: 0,
    promised: Math.max(d?.promised ?? 0, d?.accBallot ?? 0), // accepting a ballot promises it too
    accBallot: d?.accBallot ?? 0,
    accValue: d?.accValue ?? '',
    acceptances: [],
    learned: d?.learned ?? '',
  });

  const startBallot = (s: State, ctx: Ctx): State => {
    const round = nextRound(s.round, Math.max(s.ballotSeenMax, s.promised), ctx.nodeCount);
    const next: State = { ...s, round, ballot: round * ctx.nodeCount + ctx.self, phase: 'preparing', promises: [], proposal: '' };
    persist(next, ctx);
    sendAll({ type: 'prepare', ballot: next.ballot }, ctx);
    ctx.setTimer('retry', ctx.chooseInt('retry-ticks', RETRY_TICKS_MIN, RETRY_TICKS_MAX));
    return next;
  };

  const onPrepare = (s: State, from: NodeId, ballot: number, ctx: Ctx): State => {
    if (ballot <= s.promised) {
      ctx.send(from, { type: 'nack', ballot, promised: s.promised });
      return s;
    }
    const next: State = { ...s, promised: ballot };
    persist(next, ctx);
    ctx.send(from, { type: 'promise', ballot, accBallot: s.accBallot, accValue: s.accValue });
    return next;
  };

  const onAccept = (s: State, from: NodeId, ballot: number, value: string, ctx: Ctx): State => {
    if (ballot < s.promised) {
      ctx.send(from, { type: 'nack', ballot, promised: s.promised });
      return s;
    }
    const next: State = { ...s, promised: ballot, accBallot: ballot, accValue: value };
    persist(next, ctx);
    sendAll({ type: 'accepted', ballot, value }, ctx);
    return next;
  };

  const onPromise = (s: State, from: NodeId, msg: Extract<PaxosMessage, { type: 'promise' }>, ctx: Ctx): State => {
    if (s.phase !== 'preparing' || msg.ballot !== s.ballot || s.promises.some((p) => p.from === from)) return s;
    const promises = [...s.promises, { from, accBallot: msg.accBallot, accValue: msg.accValue }];
    if (promises.length < majority(ctx)) return { ...s, promises };
    const proposal = valueToPropose(promises, ownValue(ctx.self), bug);
    sendAll({ type: 'accept', ballot: s.ballot, value: proposal }, ctx);
    return { ...s, promises, phase: 'accepting', proposal };
  };

  const onAccepted = (s: State, from: NodeId, ballot: number, value: string, ctx: Ctx): State => {
    if (s.acceptances.some((a) => a.from === from && a.ballot === ballot)) return s;
    const acceptances = [...s.acceptances, { from, ballot, value }];
    const count = acceptances.filter((a) => a.ballot === ballot).length;
    if (s.learned !== '' || count < majority(ctx)) return { ...s, acceptances };
    ctx.cancelTimer('retry');
    const next: State = { ...s, acceptances, learned: value, phase: 'idle' };
    persist(next, ctx);
    return next;
  };

  return {
    name: bug === undefined ? 'paxos' : `paxos[${bug}]`,
    fields: PAXOS_FIELDS,

    init(ctx) {
      if (isProposer(ctx)) ctx.setTimer('retry', ctx.chooseInt('start-ticks', START_TICKS_MIN, START_TICKS_MAX));
      return fresh(undefined);
    },

    onRecover(durable, ctx) {
      if (isProposer(ctx)) ctx.setTimer('retry', ctx.chooseInt('start-ticks', START_TICKS_MIN, START_TICKS_MAX));
      return fresh(durable);
    },

    onMessage(s, from, msg, ctx) {
      switch (msg.type) {
        case 'prepare':
          return onPrepare(s, from, msg.ballot, ctx);
        case 'accept':
          return onAccept(s, from, msg.ballot, msg.value, ctx);
        case 'promise':
          return onPromise(s, from, msg, ctx);
        case 'accepted':
          return onAccepted(s, from, msg.ballot, msg.value, ctx);
        case 'nack':
          return msg.ballot === s.ballot ? { ...s, ballotSeenMax: Math.max(s.ballotSeenMax, msg.promised) } : s;
      }
    },

    onTimer(s, _timer, ctx) {
      return s.learned === '' && isProposer(ctx) ? startBallot(s, ctx) : s;
    },

    observe(s) {
      return {
        round: s.round,
        ballot: s.ballot,
        phase: s.phase,
        proposal: s.proposal,
        promised: s.promised,
        accBallot: s.accBallot,
        accValue: s.accValue,
        learned: s.learned,
      };
    },

    describe(msg) {
      switch (msg.type) {
        case 'prepare':
          return `Prepare(${msg.ballot})`;
        case 'promise':
          return `Promise(${msg.ballot}, accepted ${msg.accBallot === 0 ? 'nothing' : `${msg.accValue}@${msg.accBallot}`})`;
        case 'accept':
          return `Accept(${msg.ballot}, ${msg.value})`;
        case 'accepted':
          return `Accepted(${msg.ballot}, ${msg.value})`;
        case 'nack':
          return `Nack(${msg.ballot}, promised ${msg.promised})`;
      }
    },
  };
}
