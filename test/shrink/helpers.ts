import { expect, it } from 'vitest';
import { runScenario, type RunReport } from '../../sim/run.js';
import type { Choice } from '../../sim/outcome.js';
import { handMade } from '../../bench/hand-made-sizes.js';
import { shrinkFailure } from '../../search/shrink/shrink.js';

/** The first failing seed's run of a scenario variant violating `property`, from seed 1 on. */
export function firstFailure(scenario: string, bug: string, property: string, seedsMax = 200, seedStart = 1): RunReport {
  for (let seed = seedStart; seed < seedStart + seedsMax; seed++) {
    const run = runScenario(scenario, { seed, bug });
    if (run.ok && run.value.violations.some((v) => v.property === property)) return run.value;
  }
  throw new Error(`no seed of ${scenario} --bug ${bug} up to ${seedsMax} violates ${property}`);
}

/** Runs `report`'s parameters with `schedule` (default: its own). */
export function rerun(report: RunReport, schedule: readonly Choice[] = report.schedule): RunReport {
  const run = runScenario(report.scenario, {
    seed: report.seed,
    bug: report.bug,
    nodes: report.nodes,
    eventsMax: report.eventsMax,
    timeTicksMax: report.timeTicksMax,
    swarm: report.swarm,
    scriptedFaultsSkipped: report.scriptedFaultsSkipped,
    schedule,
  });
  expect(run.ok).toBe(true);
  return (run as { ok: true; value: RunReport }).value;
}

/** Choices from `kind=value` words: `c('drop=1 delay=2')`. */
export function c(text: string): Choice[] {
  return text
    .trim()
    .split(/\s+/)
    .map((w) => {
      const [kind, value] = w.split('=');
      return { kind: kind!, value: Number(value) };
    });
}

export function violates(report: RunReport, property: string): boolean {
  return property === 'protocol-error' ? report.protocolError !== undefined : report.violations.some((v) => v.property === property);
}

/** A hand-made reproduction: `scenario --bug bug` on `nodes` nodes, cut at `eventsMax`, replaying the choices `text`. */
export function handMadeRun(
  scenario: string,
  bug: string,
  nodes: number,
  eventsMax: number | undefined,
  text: string,
  scriptedFaultsSkipped: readonly number[] = [],
): RunReport {
  const run = runScenario(scenario, { seed: 0, bug, nodes, eventsMax, schedule: c(text), scriptedFaultsSkipped });
  if (!run.ok) throw new Error(run.error.message);
  return run.value;
}

/** A bug variant and the property it breaks; its hand-made reproduction's size is in bench/hand-made-sizes.ts. */
export interface ShrinkBound {
  readonly scenario: string;
  readonly bug: string;
  readonly property: string;
  /** Failing seeds (from seed 1 on) that must each shrink within the bound; default 5. */
  readonly seeds?: number;
  /** A known miss of the 2× target: the events the shrinker is held to instead (the test says so). */
  readonly allowedEvents?: number;
}

/** One test per case: its first failing seeds shrink to at most twice the hand-made events, bounded by runs (not time). */
export function shrinkerWithinTwice(cases: readonly ShrinkBound[]): void {
  for (const { scenario, bug, property, seeds = 5, allowedEvents } of cases) {
    const hand = handMade(scenario, bug);
    if (hand === undefined || hand.property !== property) {
      throw new Error(`bench/hand-made-sizes.ts has no hand-made size of ${scenario} ${bug} for ${property}`);
    }
    const handEvents = hand.events;
    const which = seeds === 1 ? 'the first failing seed shrinks' : `the first ${seeds} failing seeds shrink`;
    const bound = allowedEvents ?? 2 * handEvents;
    const miss = allowedEvents === undefined ? '' : ` (a known miss of the 2× target, ${2 * handEvents})`;
    it(`${scenario} ${bug}: ${which} to at most ${bound} events${miss}`, () => {
      let seedStart = 1;
      for (let k = 0; k < seeds; k++) {
        const original = firstFailure(scenario, bug, property, 500, seedStart);
        seedStart = original.seed + 1;
        const shrunk = shrinkFailure(original, property);
        expect(shrunk.ok).toBe(true);
        if (!shrunk.ok) return;
        expect(shrunk.value.stopReason).not.toBe('time-budget');
        expect(shrunk.value.report.events, `seed ${original.seed}`).toBeLessThanOrEqual(bound);
      }
    });
  }
}

/** A hand-made reproduction is exact and minimal as stated: every choice used in step, `events` events, `property` broken. */
export function expectReproduces(r: RunReport, events: number, property: string): void {
  expect(r.fallbackCount, 'choices that fell back to defaults').toBe(0);
  expect(r.events).toBe(events);
  expect(violates(r, property), `violates ${property}`).toBe(true);
}
