/**
 * Jepsen's `checker/set-full`: `:add`s of single elements and `:read`s of the whole set at any time. Per element
 * (from the last invoke of its add): it is *known* from the first ok completion of its add or of a read that saw
 * it; `lastPresent` / `lastAbsent` are the latest *invocations* of ok reads that saw / lacked it. The outcome:
 * - stable: some read saw it, and every read invoked after the last one that lacked it saw it;
 * - lost: known, and the last read that lacked it was invoked after both the last read that saw it and its known
 *   completion (a read concurrent with the add may linearize before it: that is never-read, not lost);
 * - never-read: neither. A stable element is *stale* when a read lacked it after it was known: Jepsen measures
 *   (last absent read's invoke time + 1 ns − known time) in whole milliseconds and calls it stale when that is > 0;
 *   a history without `:time` on every operation orders by position instead (absent read invoked after known).
 * Valid: false when any element is lost (or, with `linearizable`, stale); unknown when none is stable.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { JepsenHistory, JepsenValue } from '../../execution/history.js';
import { compareValues, elementsOf, opRef, partners, valueText, where, type JepsenCheckOptions, type JepsenValid, type OpRef } from './types.js';

export type SetFullOutcome = 'stable' | 'lost' | 'never-read';

export interface SetFullElement {
  readonly element: JepsenValue;
  readonly outcome: SetFullOutcome;
  /** The completion from which the element was known (ok add, or the first ok read that saw it). */
  readonly known?: OpRef;
  readonly lastPresent?: OpRef;
  readonly lastAbsent?: OpRef;
  /** Milliseconds, with times only: Jepsen's stable and lost latencies. */
  readonly stableLatencyMs?: number;
  readonly lostLatencyMs?: number;
  readonly stale: boolean;
}

/** Element updates (one per element tracked, per ok read) before the check stops and answers unknown. */
export const SET_FULL_UPDATES_MAX_DEFAULT = 200_000_000;

export interface SetFullOptions extends JepsenCheckOptions {
  /** Jepsen's `:linearizable?`: a stale element makes the history invalid. */
  readonly linearizable?: boolean;
  readonly updatesMax?: number;
}

export interface SetFullResult {
  readonly checker: 'set-full';
  readonly valid: JepsenValid;
  readonly linearizable: boolean;
  /** How staleness was judged: by `:time` (every operation has one) or by position. */
  readonly staleBy: 'time' | 'order';
  readonly attemptCount: number;
  readonly stableCount: number;
  readonly lostCount: number;
  readonly lost: readonly JepsenValue[];
  readonly neverReadCount: number;
  readonly neverRead: readonly JepsenValue[];
  readonly staleCount: number;
  readonly stale: readonly JepsenValue[];
  /** Up to 8 stale elements, the longest stable latency first. */
  readonly worstStale: readonly SetFullElement[];
  /** Elements a single read returned more than once, with the most copies (reported; the verdict ignores them). */
  readonly duplicatedCount: number;
  readonly duplicated: readonly { readonly element: JepsenValue; readonly copies: number }[];
  readonly elements: readonly SetFullElement[];
  /** Set when `updatesMax` stopped the check: the verdict is unknown, the counts those of the reads before it. */
  readonly stoppedBy?: 'updates-max';
  readonly explanation: readonly string[];
}

interface State {
  element: JepsenValue;
  known: number;
  lastPresent: number;
  lastAbsent: number;
}

/** Checks a set history as Jepsen's set-full checker does; a read that is not a collection is an input error. */
export function checkJepsenSetFull(history: JepsenHistory, options: SetFullOptions = {}): Failable<SetFullResult> {
  const partner = partners(history);
  const states = new Map<string, State>();
  const duplicates = new Map<string, { element: JepsenValue; copies: number }>();
  const updatesMax = options.updatesMax ?? SET_FULL_UPDATES_MAX_DEFAULT;
  let updates = 0;
  let stopped = false;
  for (let i = 0; i < history.length && !stopped; i++) {
    const e = history[i]!;
    if (e.f === 'add') {
      if (e.type === 'invoke') states.set(valueText(e.value), { element: e.value, known: -1, lastPresent: -1, lastAbsent: -1 });
      const s = states.get(valueText(e.value));
      if (e.type === 'ok' && s !== undefined && s.known === -1) s.known = i;
    } else if (e.f === 'read' && e.type === 'ok') {
      const bad = (message: string): Failable<SetFullResult> => fail({ source: options.source ?? 'history', ...(e.line === undefined ? {} : { line: e.line }), message });
      const items = elementsOf(e.value);
      if (items === undefined) return bad(`expected the :read to return a collection of elements, found ${valueText(e.value)}`);
      const invoke = partner[i]!;
      if (invoke === -1) return bad('an :ok :read with no :invoke before it from the same process');
      updates += states.size;
      if (updates > updatesMax) {
        stopped = true;
        break;
      }
      const counts = new Map<string, number>();
      for (const x of items) counts.set(valueText(x), (counts.get(valueText(x)) ?? 0) + 1);
      for (const [k, n] of counts) if (n > 1 && n > (duplicates.get(k)?.copies ?? 0)) duplicates.set(k, { element: items.find((x) => valueText(x) === k)!, copies: n });
      for (const [k, s] of states) {
        if (counts.has(k)) {
          if (s.known === -1) s.known = i;
          s.lastPresent = Math.max(s.lastPresent, invoke);
        } else s.lastAbsent = Math.max(s.lastAbsent, invoke);
      }
    }
  }
  const byTime = history.length > 0 && history.every((e) => e.timeNanos !== undefined);
  const elements = [...states.values()].sort((a, b) => compareValues(a.element, b.element)).map((s) => outcomeOf(history, s, byTime));
  const of = (o: SetFullOutcome): SetFullElement[] => elements.filter((x) => x.outcome === o);
  const stale = elements.filter((x) => x.stale);
  const worstStale = stale.map((x, i) => ({ x, i })).sort((a, b) => (a.x.stableLatencyMs ?? 0) - (b.x.stableLatencyMs ?? 0) || a.i - b.i).reverse().slice(0, 8).map((y) => y.x);
  const linearizable = options.linearizable === true;
  const lost = of('lost');
  const stable = of('stable');
  const valid: JepsenValid = stopped ? 'unknown' : lost.length > 0 ? false : stable.length === 0 ? 'unknown' : linearizable && stale.length > 0 ? false : true;
  const duplicated = [...duplicates.values()].sort((a, b) => compareValues(a.element, b.element));
  return succeed({
    checker: 'set-full',
    valid,
    linearizable,
    staleBy: byTime ? 'time' : 'order',
    attemptCount: elements.length,
    stableCount: stable.length,
    lostCount: lost.length,
    lost: lost.map((x) => x.element),
    neverReadCount: of('never-read').length,
    neverRead: of('never-read').map((x) => x.element),
    staleCount: stale.length,
    stale: stale.map((x) => x.element),
    worstStale,
    duplicatedCount: duplicated.length,
    duplicated,
    elements,
    ...(stopped ? { stoppedBy: 'updates-max' as const } : {}),
    explanation: [
      ...(stopped ? [`unknown: stopped after ${updatesMax} element updates (updates-max); what follows is of the reads before`] : []),
      ...explainSetFull(lost, stale, stable.length, elements.length, linearizable),
    ],
  });
}

function outcomeOf(history: JepsenHistory, s: State, byTime: boolean): SetFullElement {
  const stable = s.lastPresent !== -1 && s.lastAbsent < s.lastPresent;
  const lost = s.known !== -1 && s.lastAbsent !== -1 && s.lastPresent < s.lastAbsent && s.known < s.lastAbsent;
  const time = (i: number): number => history[i]!.timeNanos!;
  const ms = (nanos: number): number => Math.floor(Math.max(0, nanos) / 1e6);
  const stableLatencyMs = stable && byTime ? ms((s.lastAbsent === -1 ? 0 : time(s.lastAbsent) + 1) - time(s.known)) : undefined;
  const lostLatencyMs = lost && byTime ? ms((s.lastPresent === -1 ? 0 : time(s.lastPresent) + 1) - time(s.known)) : undefined;
  const stale = stable && (byTime ? stableLatencyMs! > 0 : s.lastAbsent > s.known);
  const ref = (i: number): OpRef | undefined => (i === -1 ? undefined : opRef(history, i));
  return {
    element: s.element,
    outcome: stable ? 'stable' : lost ? 'lost' : 'never-read',
    ...(s.known === -1 ? {} : { known: ref(s.known)! }),
    ...(s.lastPresent === -1 ? {} : { lastPresent: ref(s.lastPresent)! }),
    ...(s.lastAbsent === -1 ? {} : { lastAbsent: ref(s.lastAbsent)! }),
    ...(stableLatencyMs === undefined ? {} : { stableLatencyMs }),
    ...(lostLatencyMs === undefined ? {} : { lostLatencyMs }),
    stale,
  };
}

function explainSetFull(lost: readonly SetFullElement[], stale: readonly SetFullElement[], stable: number, attempts: number, linearizable: boolean): string[] {
  const lines: string[] = [];
  for (const x of lost) {
    const seen = x.lastPresent === undefined ? 'no read ever saw it' : `the last read that saw it was invoked at ${where(x.lastPresent)}`;
    lines.push(`lost: ${valueText(x.element)} was known from ${where(x.known!)}; ${seen}; the read invoked at ${where(x.lastAbsent!)} lacked it and no later read saw it`);
  }
  for (const x of stale) {
    const latency = x.stableLatencyMs === undefined ? '' : ` (stable ${x.stableLatencyMs} ms after it was known)`;
    lines.push(`stale${linearizable ? '' : ' (allowed: not --linearizable)'}: ${valueText(x.element)} was known from ${where(x.known!)}, but the read invoked at ${where(x.lastAbsent!)} lacked it; later reads saw it${latency}`);
  }
  if (stable === 0 && lost.length === 0) lines.push(`no element is stable among ${attempts} attempted: nothing was confirmed by a read, so the verdict is unknown`);
  if (lines.length === 0) lines.push(`${stable} of ${attempts} elements stable, none lost`);
  return lines;
}
