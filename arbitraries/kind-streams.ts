/**
 * Choice streams: one list of values per choice kind (the k-th drop decision takes the k-th `drop` value, whatever
 * happened before it), turned into a positional schedule that replays exactly. A positional schedule falls out of
 * step as soon as one value changes which decisions come next (a lost message has no delay); streams by kind do not,
 * so generated and shrunk values keep their meaning.
 */
import type { Scenario } from '../scenarios/types.js';
import { runScenario, type RunOptions } from '../sim/run.js';
import type { Choice } from '../sim/outcome.js';

/** Values per choice kind, in the order the decisions of that kind are made. */
export type KindStreams = Readonly<Record<string, readonly number[]>>;

/** Rounds of re-running at most while the decisions' kinds still change. */
export const STREAM_ROUNDS_MAX = 12;

/**
 * The schedule whose k-th choice of each kind is the k-th value of that kind's stream (a decision beyond its stream,
 * or whose value does not fit, takes its default). Built by re-running until the kinds of the decisions settle; the
 * answer is the last run's own recorded schedule, so it always replays exactly. Makes at most `roundsMax + 1` runs.
 */
export function scheduleFromStreams(
  scenario: string | Scenario,
  base: Omit<RunOptions, 'schedule'>,
  streams: KindStreams,
  roundsMax = STREAM_ROUNDS_MAX,
): Choice[] {
  let schedule: Choice[] = [];
  for (let round = 0; round < roundsMax; round++) {
    const run = runScenario(scenario, { ...base, schedule });
    if (!run.ok) throw new Error(`scheduleFromStreams: ${run.error.message}`);
    const recorded = run.value.schedule;
    const rank = new Map<string, number>();
    const next = recorded.map((c) => {
      const k = rank.get(c.kind) ?? 0;
      rank.set(c.kind, k + 1);
      const value = streams[c.kind]?.[k];
      return value === undefined ? c : { kind: c.kind, value };
    });
    if (round > 0 && sameChoices(next, recorded)) return recorded.slice();
    schedule = next;
  }
  const last = runScenario(scenario, { ...base, schedule });
  if (!last.ok) throw new Error(`scheduleFromStreams: ${last.error.message}`);
  return last.value.schedule.slice();
}

function sameChoices(a: readonly Choice[], b: readonly Choice[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.kind !== b[i]!.kind || a[i]!.value !== b[i]!.value) return false;
  return true;
}
