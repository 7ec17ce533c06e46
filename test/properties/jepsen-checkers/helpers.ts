/** Histories for the Jepsen checkers' tests: EDN text read as a user's file is, and small random ones. */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Failable } from '../../../execution/failable.js';
import type { JepsenEvent, JepsenHistory, JepsenValue } from '../../../execution/history.js';
import { readJepsenHistory } from '../../../properties/jepsen-checkers/index.js';

/** Reads EDN (or JSON) text as `dsim check-history` does; the test fails on an input error. */
export function edn(text: string): JepsenHistory {
  const read = readJepsenHistory(text, 'test.edn');
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

export function valueOf<T>(r: Failable<T>): T {
  expect(r.ok).toBe(true);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** One step of a random history: process `p` invokes (when idle) or completes (when busy) its operation. */
interface Step {
  readonly p: number;
  readonly read: boolean;
  readonly value: number;
  readonly subset: readonly number[];
  readonly outcome: 'ok' | 'fail' | 'info';
  readonly gapNanos: number;
}

const step = (elements: number): fc.Arbitrary<Step> =>
  fc.record({
    p: fc.integer({ min: 0, max: 2 }),
    read: fc.boolean(),
    value: fc.integer({ min: 0, max: elements - 1 }),
    subset: fc.uniqueArray(fc.integer({ min: 0, max: elements }), { maxLength: elements + 1 }),
    outcome: fc.constantFrom('ok' as const, 'ok' as const, 'fail' as const, 'info' as const),
    gapNanos: fc.integer({ min: 0, max: 3_000_000 }),
  });

/**
 * A random history of 3 processes of `:add` and `:read`: adds of 0..elements-1 (for a counter, the amounts), reads
 * returning `readValue(step)`; some operations fail, some are info, some never complete; times in nanoseconds.
 */
export function randomHistory(elements: number, readValue: (s: Step) => JepsenValue, stepsMax = 24): fc.Arbitrary<JepsenHistory> {
  return fc.array(step(elements), { maxLength: stepsMax, size: 'max' }).map((steps) => {
    const open = new Map<number, { f: string; value: JepsenValue }>();
    const events: JepsenEvent[] = [];
    let time = 0;
    for (const s of steps) {
      time += s.gapNanos;
      const busy = open.get(s.p);
      if (busy === undefined) {
        const op = { f: s.read ? 'read' : 'add', value: s.read ? null : s.value };
        open.set(s.p, op);
        events.push({ process: s.p, type: 'invoke', ...op, timeNanos: time });
      } else {
        open.delete(s.p);
        const type = busy.f === 'read' && s.outcome === 'info' ? 'ok' : s.outcome;
        events.push({ process: s.p, type, f: busy.f, value: busy.f === 'read' && type === 'ok' ? readValue(s) : busy.value, timeNanos: time });
      }
    }
    return events;
  });
}

/** The completion of the invoke at `i`: the first later event of the same process (a scan, for the oracles). */
export function completionOf(h: JepsenHistory, i: number): number | undefined {
  for (let k = i + 1; k < h.length; k++) if (h[k]!.process === h[i]!.process) return k;
  return undefined;
}

/** The invoke of the completion at `k`: the last earlier event of the same process. */
export function invokeOf(h: JepsenHistory, k: number): number | undefined {
  for (let j = k - 1; j >= 0; j--) if (h[j]!.process === h[k]!.process) return h[j]!.type === 'invoke' ? j : undefined;
  return undefined;
}
