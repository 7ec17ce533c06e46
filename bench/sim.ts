/**
 * Simulator throughput: events per second of a ping-pong-like protocol (every receive answers its sender), with
 * recording on (vector clocks, snapshots, messages, the Execution built) and off, for 5 and 50 processes.
 */
import { performance } from 'node:perf_hooks';
import { NETWORK_RELIABLE } from '../sim/plan.js';
import type { Protocol } from '../sim/process.js';
import { simulate } from '../sim/simulator.js';

interface Bounce {
  readonly count: number;
}

/** Each node sends one message to its successor at start; every receive answers the sender. */
export const bounceProtocol: Protocol<Bounce, number> = {
  name: 'bounce',
  init(ctx) {
    ctx.send((ctx.self + 1) % ctx.nodeCount, 0);
    return { count: 0 };
  },
  onMessage(s, from, msg, ctx) {
    ctx.send(from, msg + 1);
    return { count: s.count + 1 };
  },
  onTimer: (s) => s,
  observe: (s) => ({ count: s.count }),
  describe: () => 'bounce',
};

/** What a measured run does with its recording. */
export type BenchMode = 'off' | 'recorded' | 'materialized';

/**
 * Events per second of one run of `events` events. `recorded`: vector clocks, snapshots and message links are
 * recorded and the Execution is returned (its event objects made lazily, on first use); `materialized`: the same,
 * then every event, message and choice object is built; `off`: nothing recorded.
 */
export function measureSim(nodeCount: number, events: number, mode: BenchMode): Rates {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = simulate({
    protocol: bounceProtocol,
    nodeCount,
    plan: { network: NETWORK_RELIABLE },
    limits: { eventsMax: events, timeTicksMax: Number.MAX_SAFE_INTEGER },
    seed: 1,
    record: mode !== 'off',
  });
  if (mode === 'materialized') {
    const touched = r.execution.events.length + r.execution.messages.length + r.schedule.length;
    if (touched < events) throw new Error('bench: materialized fewer objects than events');
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (r.eventCount !== events) throw new Error(`bench run ended after ${r.eventCount} events (${r.endReason})`);
  return { wall: events / seconds, cpu: events / ((cpu.user + cpu.system) / 1e6) };
}

/** Events per second by wall-clock time and by this process's CPU time (steadier on a loaded machine). */
export interface Rates {
  readonly wall: number;
  readonly cpu: number;
}

function best(nodeCount: number, events: number, mode: BenchMode, runs: number): Rates {
  let wall = 0;
  let cpu = 0;
  for (let i = 0; i < runs; i++) {
    const r = measureSim(nodeCount, events, mode);
    wall = Math.max(wall, r.wall);
    cpu = Math.max(cpu, r.cpu);
  }
  return { wall, cpu };
}

/** Printable lines: events/s recorded, recorded and materialized, and unrecorded, for 5 and 50 processes. */
export async function runSimBench(): Promise<string[]> {
  const lines: string[] = ['simulator: bounce protocol (every receive answers its sender), delays 1..5 ticks, 1M events, best of 3'];
  measureSim(5, 200_000, 'recorded'); // warm up
  measureSim(5, 200_000, 'off');
  for (const nodes of [5, 50]) {
    const events = 1_000_000;
    const recorded = best(nodes, events, 'recorded', 3);
    const materialized = best(nodes, events, 'materialized', 3);
    const off = best(nodes, events, 'off', 3);
    lines.push(
      `  ${String(nodes).padStart(2)} processes: ${fmt(recorded)} recorded events/s (vector clocks + snapshots), ` +
        `${fmt(materialized)} with every event/message object built, ${fmt(off)} unrecorded; ` +
        `recording costs ×${(off.wall / recorded.wall).toFixed(2)} (×${(off.wall / materialized.wall).toFixed(2)} materialized)`,
    );
  }
  return lines;
}

function fmt(r: Rates): string {
  return `${(r.wall / 1e6).toFixed(2)}M (${(r.cpu / 1e6).toFixed(2)}M by CPU time)`;
}
