/**
 * How big a failing run is. A shrink step is taken only when it makes the run strictly smaller in this order:
 * events first (the figure a reader pays for), then nodes, then faults, then choices away from their default, then the length
 * of the schedule, then the sum of the choice values. Every component is a whole number ≥ 0 (protocol choices with
 * negative ranges aside), so shrinking always terminates.
 */
import type { Choice } from '../../sim/outcome.js';
import type { RunReport } from '../../sim/run.js';

/** The size of a failing run. */
export interface Measure {
  readonly nodes: number;
  readonly events: number;
  /** Messages lost or duplicated, random faults that fired and scripted faults that happened. */
  readonly faults: number;
  /** Choices whose value is not their kind's default. */
  readonly nonDefault: number;
  /** Schedule length. */
  readonly choices: number;
  readonly valueSum: number;
}

/** Choice kinds whose value 1 is a fault happening (the others pick a node, a shape or a delay). */
export const FAULT_CHOICE_KINDS: ReadonlySet<string> = new Set([
  'drop',
  'duplicate',
  'fault:crash',
  'fault:pause',
  'fault:restart',
  'fault:resume',
  'fault:heal',
  'fault:partition',
  'fault:clog',
  'fault:unclog',
]);

/**
 * What each choice kind defaults to, learned from the runs seen: the least value a kind ever took. Replay fallbacks
 * take a range's minimum and a chance's `false` (0), so after a run with a defaulted choice of a kind, its least
 * value is its default. Kinds never seen at their default count as default at the least value seen.
 */
export class KindDefaults {
  private readonly least = new Map<string, number>();
  private readonly greatest = new Map<string, number>();

  /** Learns from a run's schedule. */
  learn(schedule: readonly Choice[]): void {
    for (const c of schedule) {
      const known = this.least.get(c.kind);
      if (known === undefined || c.value < known) this.least.set(c.kind, c.value);
      const most = this.greatest.get(c.kind);
      if (most === undefined || c.value > most) this.greatest.set(c.kind, c.value);
    }
  }

  /** The greatest value of a kind seen (0 for a kind never seen). */
  most(kind: string): number {
    return this.greatest.get(kind) ?? 0;
  }

  /** The default of a kind (0 for a kind never seen). */
  of(kind: string): number {
    return this.least.get(kind) ?? 0;
  }

  /** True when a choice has its kind's default value. */
  isDefault(c: Choice): boolean {
    return c.value === this.of(c.kind);
  }
}

/** The measure of a run; `scriptedFaults` is the number of scripted faults that happened in it. */
export function measureOf(report: RunReport, defaults: KindDefaults, scriptedFaults: number): Measure {
  let faults = scriptedFaults;
  let nonDefault = 0;
  let valueSum = 0;
  for (const c of report.schedule) {
    if (c.value === 1 && FAULT_CHOICE_KINDS.has(c.kind)) faults++;
    if (!defaults.isDefault(c)) nonDefault++;
    valueSum += c.value;
  }
  return { nodes: report.nodes, events: report.events, faults, nonDefault, choices: report.schedule.length, valueSum };
}

const ORDER = ['events', 'nodes', 'faults', 'nonDefault', 'choices', 'valueSum'] as const;

/** Negative when `a` is smaller than `b`, 0 when equal, positive when larger. */
export function compareMeasures(a: Measure, b: Measure): number {
  for (const k of ORDER) if (a[k] !== b[k]) return a[k] - b[k];
  return 0;
}

/** Counts the random fault choices that fired in a schedule (drops and duplicates excluded). */
export function randomFaultCount(schedule: readonly Choice[]): number {
  let n = 0;
  for (const c of schedule) if (c.value === 1 && c.kind.startsWith('fault:') && FAULT_CHOICE_KINDS.has(c.kind)) n++;
  return n;
}
