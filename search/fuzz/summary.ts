import type { CompactSchedule } from '../strategies/mutate.js';
import type { SeedOutcome } from './protocol.js';

/** A failing seed and the first property it violated. */
export interface SeedFailure {
  readonly seed: number;
  readonly property: string;
  readonly message: string;
  readonly traceHash: string;
  readonly events: number;
  /** The run's schedule, when the seed alone does not reproduce it (a strategy steered it); never written to a file. */
  readonly choices?: CompactSchedule;
}

/** Failures that look alike: the same property and the same message once numbers are blanked out. */
export interface FailureGroup {
  readonly property: string;
  readonly signature: string;
  readonly seeds: readonly number[];
}

/** What a campaign found, independent of how it was run (workers, machines, shards). */
export interface CampaignSummary {
  readonly seedsRun: number;
  readonly eventsTotal: number;
  readonly failures: readonly SeedFailure[];
  /** Failing seeds per property (a seed counts once per property it violated). */
  readonly failuresByProperty: Readonly<Record<string, number>>;
  readonly distinct: readonly FailureGroup[];
  /** Seeds per property that could not decide it (`unknown`: a limit stopped the run or a search first). */
  readonly undecidedByProperty?: Readonly<Record<string, number>>;
}

/** Summarises outcomes (in seed order). */
export function summarize(outcomes: readonly SeedOutcome[]): CampaignSummary {
  let eventsTotal = 0;
  const failures: SeedFailure[] = [];
  const byProperty: Record<string, number> = {};
  const groups = new Map<string, { property: string; signature: string; seeds: number[] }>();
  const undecided: Record<string, number> = {};
  for (const o of outcomes) {
    eventsTotal += o.events;
    for (const { property } of o.undecided ?? []) undecided[property] = (undecided[property] ?? 0) + 1;
    const first = o.violations[0];
    if (first === undefined) continue;
    failures.push({
      seed: o.seed,
      property: first.property,
      message: first.message,
      traceHash: o.traceHash,
      events: o.events,
      ...(o.choices === undefined ? {} : { choices: o.choices }),
    });
    for (const property of new Set(o.violations.map((v) => v.property))) {
      byProperty[property] = (byProperty[property] ?? 0) + 1;
    }
    const signature = failureSignature(first.message);
    const key = `${first.property}\u0000${signature}`;
    const group = groups.get(key) ?? { property: first.property, signature, seeds: [] };
    group.seeds.push(o.seed);
    groups.set(key, group);
  }
  return { seedsRun: outcomes.length, eventsTotal, failures, failuresByProperty: byProperty, distinct: [...groups.values()], undecidedByProperty: undecided };
}

/**
 * Failures alike have one signature: the first line of the message (a cut property's witness and path follow it)
 * with its numbers and bracketed lists blanked out.
 */
export function failureSignature(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/\[[^\]]*\]/g, '[…]').replace(/\d+/g, 'N');
}
