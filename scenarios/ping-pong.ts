/**
 * `ping-pong`: each node pings its successor in a ring for a number of rounds, retrying on a timer, and counts the
 * pongs that answer its current round. Exercises messages, loss, duplication, timers, a protocol choice (the retry
 * timeout), persistence across a crash and a heal point.
 */
import type { Context, NodeId, Protocol } from '../sim/process.js';
import { undecided, type Property, type RunOutcome, type Scenario } from './types.js';

/** Rounds each node plays. */
export const PING_PONG_ROUNDS = 5;
/** Liveness bound: every node finishes within this many ticks after the heal point. */
export const PING_PONG_SETTLE_TICKS = 2_000;
const HEAL_AT_TICKS = 300;

type Msg = { readonly type: 'ping' | 'pong'; readonly round: number };
interface PingState {
  readonly round: number;
  readonly pongs: number;
  readonly pings: number;
}
type Durable = { readonly round: number; readonly pongs: number };
type Ctx = Context<Msg, Durable>;

/** The ping-pong protocol; `bug` selects a variant from `pingPong.bugs`. */
export function pingPongProtocol(bug: string | undefined): Protocol<PingState, Msg, Durable> {
  const next = (ctx: Ctx): NodeId => (ctx.self + 1) % ctx.nodeCount;
  const ping = (s: PingState, ctx: Ctx): PingState => {
    if (s.round > PING_PONG_ROUNDS) return s;
    ctx.send(next(ctx), { type: 'ping', round: s.round });
    if (bug !== 'no-retry') ctx.setTimer('retry', ctx.chooseInt('retry-ticks', 10, 30));
    return { ...s, pings: s.pings + 1 };
  };
  return {
    name: 'ping-pong',
    init: (ctx) => ping({ round: 1, pongs: 0, pings: 0 }, ctx),
    onMessage(s, from, msg, ctx) {
      if (msg.type === 'ping') {
        ctx.send(from, { type: 'pong', round: msg.round });
        return s;
      }
      const current = msg.round === s.round;
      if (!current && bug !== 'count-duplicates') return s;
      const advanced = current ? { ...s, round: s.round + 1, pongs: s.pongs + 1 } : { ...s, pongs: s.pongs + 1 };
      ctx.persist({ round: advanced.round, pongs: advanced.pongs });
      if (!current) return advanced;
      ctx.cancelTimer('retry');
      return ping(advanced, ctx);
    },
    onTimer: (s, _timer, ctx) => ping(s, ctx),
    onRecover: (d, ctx) => ping({ round: d?.round ?? 1, pongs: d?.pongs ?? 0, pings: 0 }, ctx),
    observe: (s) => ({ round: s.round, pongs: s.pongs, pings: s.pings }),
    describe: (m) => `${m.type} ${m.round}`,
  };
}

const pongsMatchRounds: Property = {
  name: 'pongs-match-rounds',
  safety: true,
  description: 'always: a node has accepted exactly one pong per finished round (pongs = round - 1)',
  check(outcome: RunOutcome) {
    for (const e of outcome.execution.events) {
      const { round, pongs } = e.fields;
      if (typeof round === 'number' && pongs !== round - 1) {
        return {
          ok: false,
          message: `p${e.host} event ${e.id} (tick ${e.timeTicks}): pongs = ${String(pongs)} but round = ${round}`,
        };
      }
    }
    return { ok: true };
  },
};

const allRoundsDone: Property = {
  name: 'all-rounds-done',
  description: `eventually: within ${PING_PONG_SETTLE_TICKS} ticks after the heal point every node finishes ${PING_PONG_ROUNDS} rounds`,
  check(outcome: RunOutcome) {
    if (outcome.endReason === 'protocol-error') return { ok: true }; // reported on its own
    if (outcome.endReason === 'events-limit') return undecided(`the run stopped at tick ${outcome.endTicks} (events-limit) before the rounds could finish`);
    const pending: string[] = [];
    outcome.finalStates.forEach((s, node) => {
      const round = s?.['round'];
      if (typeof round !== 'number' || round <= PING_PONG_ROUNDS) {
        pending.push(`p${node} is ${s === undefined ? 'down' : `in round ${String(round)}`}`);
      }
    });
    if (pending.length === 0) return { ok: true };
    return {
      ok: false,
      message: `${PING_PONG_SETTLE_TICKS} ticks after the heal at tick ${HEAL_AT_TICKS}, not every node finished ${PING_PONG_ROUNDS} rounds: ${pending.join(', ')}`,
    };
  },
};

/** The `ping-pong` scenario. */
export const pingPong: Scenario = {
  name: 'ping-pong',
  protocol: 'ping-pong',
  description: `each node pings its ring successor for ${PING_PONG_ROUNDS} rounds over a lossy, duplicating network with a crash`,
  nodesDefault: 3,
  nodesMin: 2,
  bugs: {
    'count-duplicates': 'counts every pong, also duplicates and answers to retries, so pongs run ahead of rounds',
    'no-retry': 'never retransmits a ping, so a lost ping or pong stalls the node forever',
  },
  properties: [pongsMatchRounds.name, allRoundsDone.name],
  build: ({ bug }) => ({
    protocol: pingPongProtocol(bug),
    faults: {
      network: { delayTicksMin: 1, delayTicksMax: 8, loss: [1, 10], duplication: [1, 10], ordering: 'unordered' },
      scripted: [
        { atTicks: 30, action: { kind: 'crash', node: 1 } },
        { atTicks: 60, action: { kind: 'restart', node: 1 } },
      ],
      healAtTicks: HEAL_AT_TICKS,
    },
    limits: { timeTicksMax: HEAL_AT_TICKS + PING_PONG_SETTLE_TICKS },
    properties: [pongsMatchRounds, allRoundsDone],
  }),
};
