/**
 * Jepsen's `checker/set`: `:add` operations of single elements, then a final `:read` of the whole set (the last ok
 * read). Elements read that were never attempted are `unexpected`; elements whose add completed ok but that the
 * final read lacks are `lost`; elements read whose add's outcome was unknown (info, or never completed) are
 * `recovered`. Valid when nothing is lost or unexpected; unknown when the set was never read.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { JepsenHistory, JepsenValue } from '../../execution/history.js';
import { compareValues, elementsOf, opRef, valueText, where, type JepsenCheckOptions, type JepsenValid, type OpRef } from './types.js';

export interface SetResult {
  readonly checker: 'set';
  readonly valid: JepsenValid;
  readonly attemptCount: number;
  readonly acknowledgedCount: number;
  readonly okCount: number;
  readonly lostCount: number;
  readonly recoveredCount: number;
  readonly unexpectedCount: number;
  /** The elements, sorted (numbers first). */
  readonly ok: readonly JepsenValue[];
  readonly lost: readonly JepsenValue[];
  readonly unexpected: readonly JepsenValue[];
  readonly recovered: readonly JepsenValue[];
  /** The final read (the last ok `:read`), when there is one. */
  readonly finalRead?: OpRef;
  readonly error?: string;
  readonly explanation: readonly string[];
}

/** Checks a set history as Jepsen's set checker does; a read that is not a collection is an input error. */
export function checkJepsenSet(history: JepsenHistory, options: JepsenCheckOptions = {}): Failable<SetResult> {
  const attempts = new Map<string, JepsenValue>();
  const adds = new Map<string, { value: JepsenValue; index: number }>();
  let finalRead: number | undefined;
  history.forEach((e, i) => {
    if (e.f === 'add' && e.type === 'invoke') attempts.set(valueText(e.value), e.value);
    if (e.f === 'add' && e.type === 'ok') adds.set(valueText(e.value), { value: e.value, index: i });
    if (e.f === 'read' && e.type === 'ok') finalRead = i;
  });
  const counts = { attemptCount: attempts.size, acknowledgedCount: adds.size };
  if (finalRead === undefined) {
    const none = { ok: [], lost: [], unexpected: [], recovered: [], okCount: 0, lostCount: 0, recoveredCount: 0, unexpectedCount: 0 };
    return succeed({ checker: 'set', valid: 'unknown', ...counts, ...none, error: 'Set was never read', explanation: ['the set was never read (no ok :read), so nothing can be said'] });
  }
  const read = history[finalRead]!;
  const items = elementsOf(read.value);
  if (items === undefined) return fail({ source: options.source ?? 'history', ...(read.line === undefined ? {} : { line: read.line }), message: `expected the :read to return a collection of elements, found ${valueText(read.value)}` });
  const seen = new Map(items.map((x) => [valueText(x), x] as const));
  const sorted = (xs: Iterable<JepsenValue>): JepsenValue[] => [...xs].sort(compareValues);
  const ok = sorted([...seen].filter(([k]) => attempts.has(k)).map(([, x]) => x));
  const unexpected = sorted([...seen].filter(([k]) => !attempts.has(k)).map(([, x]) => x));
  const lostEntries = [...adds].filter(([k]) => !seen.has(k)).sort((a, b) => compareValues(a[1].value, b[1].value));
  const lost = lostEntries.map(([, a]) => a.value);
  const recovered = ok.filter((x) => !adds.has(valueText(x)));
  const ref = opRef(history, finalRead);
  const lines: string[] = [];
  for (const [, a] of lostEntries) lines.push(`lost: ${valueText(a.value)} was added (ok at ${where(opRef(history, a.index))}) but the final read at ${where(ref)} lacks it`);
  for (const x of unexpected) lines.push(`unexpected: the final read at ${where(ref)} holds ${valueText(x)}, which no :add attempted`);
  if (lines.length === 0) lines.push(`the final read at ${where(ref)} holds every acknowledged add (${adds.size}) and only attempted elements; ${recovered.length} recovered`);
  return succeed({
    checker: 'set',
    valid: lost.length === 0 && unexpected.length === 0,
    ...counts,
    okCount: ok.length,
    lostCount: lost.length,
    recoveredCount: recovered.length,
    unexpectedCount: unexpected.length,
    ok,
    lost,
    unexpected,
    recovered,
    finalRead: ref,
    explanation: lines,
  });
}
