/**
 * Safra's termination detection algorithm (Dijkstra's EWD998) on a ring p0 → p(n-1) → … → p1 → p0.
 *
 * Every node counts basic messages sent minus received and turns black when it receives one. Node 0, when passive,
 * starts a probe: it whitens itself and sends a white token with count 0 to p(n-1). A node holds the token until it
 * is passive, then passes it on with its counter added and blackened if the node is black, and whitens itself.
 * When the token is back at a passive node 0, it announces termination if the token is white, node 0 is white and
 * the token's count plus node 0's counter is 0; otherwise it starts a new probe. The token is a control message:
 * it changes no counter and no colour. Channels must be reliable (no loss, no duplication); order does not matter.
 */
import type { Context, Protocol } from '../../sim/process.js';
import { WORK_TIMER, workReceive, workStart, workStep } from '../diffusing/index.js';
import type { SafraConfig, SafraMessage, SafraState, Token } from './types.js';

type Ctx = Context<SafraMessage, never>;

/** Builds Safra's protocol (or one of its bug variants) over the diffusing computation of `config.work`. */
export function safraProtocol(config: SafraConfig): Protocol<SafraState, SafraMessage> {
  const bug = config.bug;
  const afterEvent = (s: SafraState, ctx: Ctx): SafraState => {
    const token = s.token;
    if (token === undefined || s.work.active || s.announced) return s;
    if (ctx.self !== 0) {
      const color = s.color === 'black' ? 'black' : token.color;
      ctx.send(ctx.self - 1, { kind: 'token', count: token.count + s.counter, color });
      const counter = bug === 'reset-counter-on-token' ? 0 : s.counter;
      return { ...s, token: undefined, color: 'white', counter };
    }
    if (s.rounds > 0 && terminated(s, token)) return { ...s, token: undefined, announced: true };
    ctx.send(ctx.nodeCount - 1, { kind: 'token', count: 0, color: 'white' });
    return { ...s, token: undefined, color: 'white', rounds: s.rounds + 1 };
  };
  const terminated = (s: SafraState, token: Token): boolean =>
    token.color === 'white' &&
    s.color === 'white' &&
    (bug === 'announce-on-white-token' || token.count + s.counter === 0);

  return {
    name: 'safra',
    init(ctx) {
      const work = workStart(config.work, ctx);
      const token: Token | undefined = ctx.self === 0 ? { count: 0, color: 'white' } : undefined;
      return { work, counter: 0, color: 'white', token, rounds: 0, announced: false };
    },
    onMessage(s, _from, msg, ctx) {
      if (msg.kind === 'token') {
        if (s.token !== undefined) throw new Error(`p${ctx.self} received a second token`);
        return afterEvent({ ...s, token: { count: msg.count, color: msg.color } }, ctx);
      }
      const work = workReceive(s.work, msg.depth, config.work, ctx);
      const color = bug === 'no-blacken-on-receive' ? s.color : 'black';
      return afterEvent({ ...s, work, counter: s.counter - 1, color }, ctx);
    },
    onTimer(s, timer, ctx) {
      if (timer !== WORK_TIMER) throw new Error(`unknown timer ${timer}`);
      const { work, spawns } = workStep(s.work, config.work, ctx);
      for (const sp of spawns) ctx.send(sp.to, { kind: 'work', depth: sp.depth });
      return afterEvent({ ...s, work, counter: s.counter + spawns.length }, ctx);
    },
    observe(s) {
      return {
        active: s.work.active,
        announced: s.announced,
        counter: s.counter,
        color: s.color,
        token: s.token !== undefined,
        rounds: s.rounds,
      };
    },
    describe(msg) {
      return msg.kind === 'work' ? `work d=${msg.depth}` : `token q=${msg.count} ${msg.color}`;
    },
  };
}
