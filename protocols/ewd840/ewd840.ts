/**
 * EWD840 (Dijkstra, Feijen, van Gasteren) termination detection on a ring p0 → p(n-1) → … → p1 → p0, adapted to
 * asynchronous channels.
 *
 * As published: node 0, when passive, whitens itself and sends a white token to p(n-1); a node passes the token only
 * when passive, blackened if the node is black, and whitens itself; a node sending a basic message to a
 * higher-numbered node (one the token may have visited) turns black; node 0 announces when a white token returns
 * to it while it is passive and white. The proof assumes a message arrives the moment it is sent.
 *
 * Adaptation: every basic message is acknowledged on receipt (a control message), and a node counts as passive for
 * the probe only when its work is done and none of its basic messages is unacknowledged. A message in transit then
 * keeps its sender from passing the token, which is what instantaneous delivery gave the original proof.
 */
import type { Context, Protocol } from '../../sim/process.js';
import { WORK_TIMER, workReceive, workStart, workStep } from '../diffusing/index.js';
import type { Ewd840Config, Ewd840Message, Ewd840State } from './types.js';

type Ctx = Context<Ewd840Message, never>;

/** Builds the adapted EWD840 protocol (or one of its bug variants) over the computation of `config.work`. */
export function ewd840Protocol(config: Ewd840Config): Protocol<Ewd840State, Ewd840Message> {
  const bug = config.bug;
  const quiet = (s: Ewd840State): boolean => !s.work.active && (s.unacked === 0 || bug === 'no-wait-for-ack');
  const afterEvent = (s: Ewd840State, ctx: Ctx): Ewd840State => {
    if (s.token === undefined || !quiet(s) || s.announced) return s;
    if (ctx.self !== 0) {
      ctx.send(ctx.self - 1, { kind: 'token', color: s.color === 'black' ? 'black' : s.token });
      return { ...s, token: undefined, color: 'white' };
    }
    if (s.rounds > 0 && s.token === 'white' && s.color === 'white') return { ...s, token: undefined, announced: true };
    ctx.send(ctx.nodeCount - 1, { kind: 'token', color: 'white' });
    return { ...s, token: undefined, color: 'white', rounds: s.rounds + 1 };
  };

  return {
    name: 'ewd840',
    init(ctx) {
      const work = workStart(config.work, ctx);
      const token = ctx.self === 0 ? 'white' : undefined;
      return { work, unacked: 0, color: 'white', token, rounds: 0, announced: false };
    },
    onMessage(s, from, msg, ctx) {
      switch (msg.kind) {
        case 'token':
          if (s.token !== undefined) throw new Error(`p${ctx.self} received a second token`);
          return afterEvent({ ...s, token: msg.color }, ctx);
        case 'ack':
          if (s.unacked <= 0) throw new Error(`p${ctx.self} got an acknowledgement from p${from} with none outstanding`);
          return afterEvent({ ...s, unacked: s.unacked - 1 }, ctx);
        case 'work':
          ctx.send(from, { kind: 'ack' });
          return afterEvent({ ...s, work: workReceive(s.work, msg.depth, config.work, ctx) }, ctx);
      }
    },
    onTimer(s, timer, ctx) {
      if (timer !== WORK_TIMER) throw new Error(`unknown timer ${timer}`);
      const { work, spawns } = workStep(s.work, config.work, ctx);
      for (const sp of spawns) ctx.send(sp.to, { kind: 'work', depth: sp.depth });
      const upward = spawns.some((sp) => sp.to > ctx.self) && bug !== 'no-blacken-on-send';
      const color = upward ? 'black' : s.color;
      return afterEvent({ ...s, work, unacked: s.unacked + spawns.length, color }, ctx);
    },
    observe(s) {
      return {
        active: s.work.active,
        announced: s.announced,
        unacked: s.unacked,
        color: s.color,
        token: s.token !== undefined,
        rounds: s.rounds,
      };
    },
    describe(msg) {
      return msg.kind === 'work' ? `work d=${msg.depth}` : msg.kind === 'ack' ? 'ack' : `token ${msg.color}`;
    },
  };
}
