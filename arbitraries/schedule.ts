/**
 * `dsimSchedule`: a fast-check arbitrary of schedules of a scenario (built-in or the user's own). Values are drawn per choice kind
 * (arbitraries/kind-streams.ts) and shrink towards each kind's default: no drop, no duplicate, no fault, the
 * minimal delay, a protocol choice's least value; the arbitrary maps them to a positional schedule that
 * `runScenario(name, { seed: 0, bug, nodes, schedule })` replays exactly.
 */
import fc from 'fast-check';
import { findScenario, scenarioNames } from '../scenarios/index.js';
import type { Scenario } from '../scenarios/types.js';
import { runScenario } from '../sim/run.js';
import type { Choice } from '../sim/outcome.js';
import { FAULT_CHOICE_KINDS } from '../search/shrink/measure.js';
import { scheduleFromStreams, type KindStreams } from './kind-streams.js';

/** Options of `dsimSchedule`. */
export interface DsimScheduleOptions {
  /** The bug variant the schedules are for (its decisions may differ from the correct protocol's). */
  readonly bug?: string;
  readonly nodes?: number;
  /** Percent chance that a fault decision (drop, duplicate, random crash, ...) is taken; default 10. */
  readonly faultPercent?: number;
  /** Fresh runs (seeds 0, 1, ...) the kinds and value ranges are learned from; default 4. */
  readonly sampleSeeds?: number;
}

interface KindRange {
  min: number;
  max: number;
  count: number;
}

/**
 * An arbitrary of schedules of `scenario` (a built-in's name, or a scenario value such as a `defineScenario` result).
 * Throws on an unknown scenario or bug (a mistake in the test itself).
 */
export function dsimSchedule(target: string | Scenario, opts: DsimScheduleOptions = {}): fc.Arbitrary<Choice[]> {
  const found = typeof target === 'string' ? findScenario(target) : target;
  if (found === undefined) throw new Error(`dsimSchedule: unknown scenario "${String(target)}"; expected one of: ${scenarioNames().join(', ')}`);
  const scenario = found;
  const base = { seed: 0, bug: opts.bug, nodes: opts.nodes };
  const ranges = new Map<string, KindRange>();
  for (let seed = 0; seed < (opts.sampleSeeds ?? 4); seed++) {
    const run = runScenario(scenario, { ...base, seed });
    if (!run.ok) throw new Error(`dsimSchedule: ${run.error.message}`);
    const counts = new Map<string, number>();
    for (const c of run.value.schedule) {
      counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
      const r = ranges.get(c.kind) ?? { min: c.value, max: c.value, count: 0 };
      r.min = Math.min(r.min, c.value);
      r.max = Math.max(r.max, c.value);
      ranges.set(c.kind, r);
    }
    for (const [kind, n] of counts) ranges.get(kind)!.count = Math.max(ranges.get(kind)!.count, n);
  }
  const network = found.build({ bug: opts.bug, nodes: opts.nodes ?? found.nodesDefault }).faults.network;
  const percent = opts.faultPercent ?? 10;
  const streams: Record<string, fc.Arbitrary<number[]>> = {};
  for (const [kind, r] of [...ranges].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const value =
      FAULT_CHOICE_KINDS.has(kind) && r.min === 0 && r.max <= 1
        ? fc.integer({ min: 0, max: 99 }).map((v) => (v >= 100 - percent ? 1 : 0))
        : kind === 'delay'
          ? fc.integer({ min: network.delayTicksMin, max: network.delayTicksMax })
          : fc.integer({ min: r.min, max: r.max });
    streams[kind] = fc.array(value, { maxLength: r.count * 2 });
  }
  return fc.record(streams).map((s: KindStreams) => scheduleFromStreams(scenario, base, s));
}
