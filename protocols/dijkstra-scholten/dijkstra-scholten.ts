/**
 * Dijkstra–Scholten termination detection for a diffusing computation started by node 0 (the root).
 *
 * Every basic message is acknowledged exactly once, and a node counts its unacknowledged messages (its deficit).
 * A passive node not in the tree that receives a basic message joins the tree with the sender as parent and keeps
 * that message unacknowledged; every other basic message is acknowledged at once. A non-root node in the tree that
 * is passive with deficit 0 acknowledges its parent and leaves the tree; the root, passive with deficit 0, announces
 * termination. Acknowledgements are control messages. Channels must be reliable (no loss, no duplication).
 */
import type { Context, Protocol } from '../../sim/process.js';
import { WORK_TIMER, workReceive, workStart, workStep } from '../diffusing/index.js';
import type { DijkstraScholtenConfig, DijkstraScholtenMessage, DijkstraScholtenState } from './types.js';

type Ctx = Context<DijkstraScholtenMessage, never>;

/** Builds the Dijkstra–Scholten protocol (or one of its bug variants) over the computation of `config.work`. */
export function dijkstraScholtenProtocol(
  config: DijkstraScholtenConfig,
): Protocol<DijkstraScholtenState, DijkstraScholtenMessage> {
  const bug = config.bug;
  const afterEvent = (s: DijkstraScholtenState, ctx: Ctx): DijkstraScholtenState => {
    if (!s.engaged || s.work.active) return s;
    if (s.deficit > 0 && !(bug === 'detach-with-deficit' && ctx.self !== 0)) return s;
    if (ctx.self === 0) return { ...s, engaged: false, announced: true };
    if (bug !== 'ack-on-receive') ctx.send(s.parent, { kind: 'ack' });
    return { ...s, engaged: false, parent: -1 };
  };

  return {
    name: 'dijkstra-scholten',
    init(ctx) {
      const work = workStart(config.work, ctx);
      return { work, deficit: 0, engaged: ctx.self === 0, parent: -1, announced: false };
    },
    onMessage(s, from, msg, ctx) {
      if (msg.kind === 'ack') {
        if (s.deficit <= 0) throw new Error(`p${ctx.self} got an acknowledgement from p${from} with deficit ${s.deficit}`);
        return afterEvent({ ...s, deficit: s.deficit - 1 }, ctx);
      }
      const work = workReceive(s.work, msg.depth, config.work, ctx);
      const joins = !s.engaged && ctx.self !== 0 && !s.announced;
      if (!joins || bug === 'ack-on-receive') ctx.send(from, { kind: 'ack' });
      const next = joins ? { ...s, work, engaged: true, parent: from } : { ...s, work };
      return afterEvent(next, ctx);
    },
    onTimer(s, timer, ctx) {
      if (timer !== WORK_TIMER) throw new Error(`unknown timer ${timer}`);
      const { work, spawns } = workStep(s.work, config.work, ctx);
      for (const sp of spawns) ctx.send(sp.to, { kind: 'work', depth: sp.depth });
      return afterEvent({ ...s, work, deficit: s.deficit + spawns.length }, ctx);
    },
    observe(s) {
      return { active: s.work.active, announced: s.announced, deficit: s.deficit, engaged: s.engaged, parent: s.parent };
    },
    describe(msg) {
      return msg.kind === 'work' ? `work d=${msg.depth}` : 'ack';
    },
  };
}
