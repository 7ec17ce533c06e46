/**
 * Chang–Roberts leader election on a unidirectional ring: node i sends only to node (i + 1) mod n.
 *
 * Every node starts an election at once by sending its id. A node forwards an Election carrying a larger id than
 * its own, swallows a smaller one, and when its own id comes back it has the largest id: it declares itself leader
 * and sends Elected around the ring, which every node records and forwards until it returns to the leader.
 *
 * Ids are unique but not in ring order: node i draws `idRank` through `ctx.chooseInt` and its id is
 * `idRank * n + i`, so the schedule decides where on the ring the maximum sits.
 *
 * Chang–Roberts assumes reliable channels. The model tolerates duplicated and reordered messages (a node remembers
 * that the election is over and ignores stale copies); it does not retransmit, so the scenarios never lose messages.
 */
import type { Context, Protocol } from '../../sim/process.js';

/** Bug variants of the ring model. */
export type RingBug = 'ring-no-dup-tolerance';

/** The bug variants with a one-line description each. */
export const RING_BUGS: Readonly<Record<RingBug, string>> = {
  'ring-no-dup-tolerance':
    'the textbook handlers without duplicate suppression: a duplicated Election makes the leader declare again and start a second round',
};

/** Ids are `idRank * n + node` with idRank drawn from `[0, ID_RANKS)`. */
export const ID_RANKS = 10;

/** "No leader known yet". */
export const NO_LEADER = -1;

/** A ring node's state. */
export interface RingState {
  readonly id: number;
  /** Has forwarded or sent an Election since the last Elected it saw. */
  readonly participant: boolean;
  /** Id of the leader this node learned, or NO_LEADER. */
  readonly leaderId: number;
  /** How many times this node declared itself leader (correct runs: once at the maximum, zero elsewhere). */
  readonly declarations: number;
  /** The Elected message has passed this node (for the leader: it came back); later stale copies are ignored. */
  readonly done: boolean;
}

/** The ring's messages. */
export type RingMessage = { readonly type: 'election'; readonly id: number } | { readonly type: 'elected'; readonly id: number };

/** The Chang–Roberts model; `bug` selects a bug variant, undefined for the correct protocol. */
export function changRoberts(bug?: RingBug): Protocol<RingState, RingMessage> {
  const tolerant = bug === undefined;
  const next = (ctx: Context<RingMessage, never>): number => (ctx.self + 1) % ctx.nodeCount;

  const onElection = (s: RingState, id: number, ctx: Context<RingMessage, never>): RingState => {
    if (tolerant && s.done) return s; // a stale copy after the election ended
    if (id > s.id) {
      ctx.send(next(ctx), { type: 'election', id });
      return { ...s, participant: true };
    }
    if (id < s.id) {
      if (s.participant) return s;
      ctx.send(next(ctx), { type: 'election', id: s.id });
      return { ...s, participant: true };
    }
    if (tolerant && s.declarations > 0) return s; // own id again: a duplicate
    ctx.send(next(ctx), { type: 'elected', id: s.id });
    return { ...s, participant: false, leaderId: s.id, declarations: s.declarations + 1 };
  };

  const onElected = (s: RingState, id: number, ctx: Context<RingMessage, never>): RingState => {
    if (tolerant && s.done) return s;
    if (id !== s.id) ctx.send(next(ctx), { type: 'elected', id });
    return { ...s, participant: false, leaderId: id, done: true };
  };

  return {
    name: bug === undefined ? 'chang-roberts' : `chang-roberts[${bug}]`,
    init(ctx) {
      const id = ctx.chooseInt('id-rank', 0, ID_RANKS - 1) * ctx.nodeCount + ctx.self;
      ctx.send(next(ctx), { type: 'election', id });
      return { id, participant: true, leaderId: NO_LEADER, declarations: 0, done: false };
    },
    onMessage(s, _from, msg, ctx) {
      return msg.type === 'election' ? onElection(s, msg.id, ctx) : onElected(s, msg.id, ctx);
    },
    onTimer(s) {
      return s;
    },
    observe(s) {
      return {
        id: s.id,
        leader: s.declarations > 0 ? 1 : 0,
        declarations: s.declarations,
        leaderId: s.leaderId,
        participant: s.participant,
        done: s.done,
      };
    },
    describe(msg) {
      return `${msg.type === 'election' ? 'Election' : 'Elected'}(${msg.id})`;
    },
  };
}
