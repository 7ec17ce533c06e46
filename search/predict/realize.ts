/**
 * Turning a predicted violation into an observed one: re-run with the delays of a few messages edited so the run's
 * own interleaving passes through a violating cut. Greedy and bounded: each round tries a handful of edits of the
 * current run (the cut's late receives sped up to the minimal delay, together or one at a time; a receive that
 * overtook the cut slowed down just enough or to the largest delay seen; then any single choice made between the
 * first event ahead of the cut and the cut's end, such as a timer's length, at its least or largest value), keeps
 * the first that still violates the property with fewer events ahead of its cut, and stops when the violation is
 * observed or the runs are spent.
 */
import type { Choice } from '../../sim/outcome.js';
import { runScenario, type RunReport } from '../../sim/run.js';
import { DEFAULT_CHOICE } from '../shrink/candidate.js';
import { classifyProperty, type ClassifiedViolation } from './classify.js';
import { delayChoicesByMessage } from './message-choices.js';

/** Default candidate runs of one realization. */
export const REALIZE_RUNS_MAX_DEFAULT = 60;

/** How a realization ended. */
export type RealizeOutcome =
  | { readonly realized: true; readonly report: RunReport; readonly runs: number }
  | { readonly realized: false; readonly reason: string; readonly runs: number };

/** Tries to make `property`'s predicted violation in `report` an observed one. */
export function realizePredicted(report: RunReport, property: string, runsMax = REALIZE_RUNS_MAX_DEFAULT): RealizeOutcome {
  let current = report;
  let runs = 0;
  for (;;) {
    const c = classifyProperty(current, property);
    if (c === undefined) return { realized: false, reason: `"${property}" is not violated`, runs };
    if (c.kind === 'observed') return { realized: true, report: current, runs };
    const base = current;
    const measure = (eventsMax: number): number => {
      runs++;
      return rerun(base, base.schedule, eventsMax)?.schedule.length ?? 0;
    };
    let next: RunReport | undefined;
    const candidates = function* (): Generator<Choice[]> {
      yield* editsFor(base, c);
      yield* windowEdits(base, c, measure);
    };
    for (const schedule of candidates()) {
      if (runs >= runsMax) return { realized: false, reason: `${runsMax} runs spent`, runs };
      runs++;
      const run = rerun(current, schedule);
      const after = run === undefined ? undefined : classifyProperty(run, property);
      if (after === undefined) continue;
      if (after.kind === 'observed' || after.eventsAhead.length < c.eventsAhead.length) {
        next = run;
        break;
      }
    }
    if (next === undefined) return { realized: false, reason: 'no edit brought the run closer to the cut', runs };
    current = next;
  }
}

/** Receives examined one at a time per round, on each side of the cut. */
const SINGLE_EDITS_MAX = 4;

function editsFor(report: RunReport, c: Extract<ClassifiedViolation, { kind: 'predicted' }>): Choice[][] {
  const exec = report.execution;
  const byMessage = delayChoicesByMessage(exec, report.schedule);
  if (byMessage === undefined) return [];
  const firstAhead = c.eventsAhead[0]!;
  let cutEndTicks = 0;
  // Receives inside the cut that came after the first event ahead of it: to be sped up.
  const late: number[][] = [];
  for (let h = 0; h < exec.hosts.length; h++) {
    for (let k = 0; k < c.cut[h]!; k++) {
      const e = exec.events[exec.byHost[h]![k]!]!;
      cutEndTicks = Math.max(cutEndTicks, e.timeTicks ?? 0);
      if (e.id > firstAhead && e.received !== undefined && (byMessage[e.received]?.length ?? 0) > 0) late.push([...byMessage[e.received]!]);
    }
  }
  // Receives outside the cut that overtook it: to be slowed down.
  const early: { positions: number[]; lagTicks: number }[] = [];
  for (const id of c.eventsAhead) {
    const e = exec.events[id]!;
    if (e.received !== undefined && (byMessage[e.received]?.length ?? 0) > 0) {
      early.push({ positions: [...byMessage[e.received]!], lagTicks: cutEndTicks - (e.timeTicks ?? 0) + 1 });
    }
  }
  const delayMax = Math.max(1, ...report.schedule.filter((x) => x.kind === 'delay').map((x) => x.value));
  const edit = (fast: readonly number[], slow: readonly number[], extraTicks?: number): Choice[] => {
    const s = report.schedule.slice();
    for (const i of fast) s[i] = DEFAULT_CHOICE;
    for (const i of slow) s[i] = { kind: 'delay', value: Math.min(delayMax, extraTicks === undefined ? delayMax : s[i]!.value + extraTicks) };
    return s;
  };
  const allLate = late.flat();
  const out: Choice[][] = [];
  if (allLate.length > 0) out.push(edit(allLate, []));
  for (const { positions, lagTicks } of early.slice(0, SINGLE_EDITS_MAX)) {
    out.push(edit([], positions, lagTicks), edit([], positions));
    if (allLate.length > 0) out.push(edit(allLate, positions));
  }
  for (const positions of late.slice(-SINGLE_EDITS_MAX).reverse()) out.push(edit(positions, []));
  return out;
}

/** Choices of the window's events tried one at a time per round. */
const WINDOW_EDITS_MAX = 8;

/**
 * Edits of any choice made by the events between the first event ahead of the cut and the cut's last event (timer
 * lengths and other protocol choices included): each set to its default, then to the largest value of its kind.
 * `choicesAfter(k)` answers how many choices the first k events made (one run each). Generated lazily.
 */
function* windowEdits(
  report: RunReport,
  c: Extract<ClassifiedViolation, { kind: 'predicted' }>,
  choicesAfter: (events: number) => number,
): Generator<Choice[]> {
  let lastInside = 0;
  for (let h = 0; h < c.cut.length; h++) if (c.cut[h]! > 0) lastInside = Math.max(lastInside, report.execution.byHost[h]![c.cut[h]! - 1]!);
  const from = choicesAfter(c.eventsAhead[0]!);
  const to = Math.min(choicesAfter(lastInside + 1), from + WINDOW_EDITS_MAX);
  const largest = new Map<string, number>();
  for (const x of report.schedule) largest.set(x.kind, Math.max(largest.get(x.kind) ?? x.value, x.value));
  for (let i = from; i < to; i++) {
    const x = report.schedule[i]!;
    yield report.schedule.map((y, j) => (j === i ? DEFAULT_CHOICE : y));
    if (largest.get(x.kind)! !== x.value) yield report.schedule.map((y, j) => (j === i ? { kind: x.kind, value: largest.get(x.kind)! } : y));
  }
}

function rerun(report: RunReport, schedule: readonly Choice[], eventsMax = report.eventsMax): RunReport | undefined {
  const run = runScenario(report.definition, {
    seed: report.seed,
    bug: report.bug,
    nodes: report.nodes,
    eventsMax,
    timeTicksMax: report.timeTicksMax,
    swarm: report.swarm,
    scriptedFaultsSkipped: report.scriptedFaultsSkipped,
    schedule,
  });
  return run.ok ? run.value : undefined;
}
