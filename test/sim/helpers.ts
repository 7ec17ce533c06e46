/** Small protocols and helpers for the simulator tests. */
import type { Execution } from '../../execution/types.js';
import { NEVER, type FaultPlan, type LinkBehaviour } from '../../sim/plan.js';
import type { Protocol } from '../../sim/process.js';
import { simulate, type SimulationResult } from '../../sim/simulator.js';

/** Reliable FIFO network with delay exactly `ticks`. */
export function fixedNetwork(ticks: number, over: Partial<LinkBehaviour> = {}): LinkBehaviour {
  return { delayTicksMin: ticks, delayTicksMax: ticks, loss: NEVER, duplication: NEVER, ordering: 'fifo', ...over };
}

/** Node 0 sends `count` numbered messages to node 1, one per tick (timer-driven); node 1 records what it got. */
export interface Stream {
  readonly next: number;
  readonly got: readonly number[];
}
export function streamProtocol(count: number, to = 1): Protocol<Stream, number> {
  return {
    name: 'stream',
    init(ctx) {
      if (ctx.self === 0) ctx.setTimer('tick', 1);
      return { next: 0, got: [] };
    },
    onMessage: (s, _from, msg) => ({ ...s, got: [...s.got, msg] }),
    onTimer(s, _t, ctx) {
      ctx.send(to, s.next);
      if (s.next + 1 < count) ctx.setTimer('tick', 1);
      return { ...s, next: s.next + 1 };
    },
    observe: (s) => ({ next: s.next, got: s.got.join(',') }),
    describe: (m) => `#${m}`,
  };
}

/** Gossip-ish: every receive forwards a decreasing hop counter to a chosen peer; random-ish traffic. */
export const chatter: Protocol<{ readonly seen: number }, number> = {
  name: 'chatter',
  init(ctx) {
    ctx.send(ctx.choose('peer', ctx.nodeCount), 6);
    ctx.setTimer('t', ctx.chooseInt('t', 1, 9));
    return { seen: 0 };
  },
  onMessage(s, _from, hops, ctx) {
    if (hops > 0) ctx.send(ctx.choose('peer', ctx.nodeCount), hops - 1);
    return { seen: s.seen + 1 };
  },
  onTimer(s, _t, ctx) {
    if (s.seen < 3) ctx.broadcast(1);
    return s;
  },
  observe: (s) => ({ seen: s.seen }),
};

export function run(
  protocol: Protocol<any, any, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  nodeCount: number,
  plan: FaultPlan,
  seed = 1,
  limits: { eventsMax?: number; timeTicksMax?: number } = {},
): SimulationResult {
  return simulate({ protocol, nodeCount, plan, seed, limits: { eventsMax: 100_000, timeTicksMax: 100_000, ...limits } });
}

/** Final `got` list of a stream receiver. */
export function received(r: SimulationResult, node = 1): number[] {
  const got = r.finalStates[node]?.['got'];
  return typeof got === 'string' && got !== '' ? got.split(',').map(Number) : [];
}

/** Events of a host, as `kind label` strings. */
export function eventsOf(x: Execution, host: number): string[] {
  return x.byHost[host]!.map((id) => `${x.events[id]!.kind} ${x.events[id]!.label}`);
}
