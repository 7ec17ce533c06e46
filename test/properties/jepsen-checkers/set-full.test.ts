import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JepsenHistory, JepsenValue } from '../../../execution/history.js';
import { checkJepsenSetFull, type SetFullOutcome } from '../../../properties/jepsen-checkers/index.js';
import { edn, invokeOf, randomHistory, valueOf } from './helpers.js';

const op = (p: number, type: string, f: string, value: string, time: number): string => `{:process ${p}, :type :${type}, :f :${f}, :value ${value}, :time ${time}}`;

describe('set-full: hand-worked histories', () => {
  it('stable, lost and never-read elements, with the reads that decide them', () => {
    const h = edn(
      [
        op(0, 'invoke', 'add', '1', 0),
        op(0, 'ok', 'add', '1', 1_000_000),
        op(0, 'invoke', 'add', '2', 2_000_000),
        op(0, 'ok', 'add', '2', 3_000_000),
        op(1, 'invoke', 'read', 'nil', 4_000_000), // line 5
        op(1, 'ok', 'read', '#{1 2}', 5_000_000),
        op(1, 'invoke', 'read', 'nil', 6_000_000), // line 7
        op(2, 'invoke', 'add', '3', 6_500_000), // concurrent with the read: never-read
        op(1, 'ok', 'read', '#{1}', 7_000_000),
        op(2, 'info', 'add', '3', 8_000_000),
      ].join('\n'),
    );
    const r = valueOf(checkJepsenSetFull(h));
    expect(r.elements.map((x) => [x.element, x.outcome])).toEqual([[1, 'stable'], [2, 'lost'], [3, 'never-read']]);
    expect(r).toMatchObject({ valid: false, lost: [2], lostCount: 1, stableCount: 1, neverRead: [3], staleCount: 0, staleBy: 'time' });
    expect(r.elements[1]!.lostLatencyMs).toBe(1); // last present read invoked at 4 ms, + 1 ns, known at 3 ms
    expect(r.explanation).toEqual(['lost: 2 was known from line 4; the last read that saw it was invoked at line 5; the read invoked at line 7 lacked it and no later read saw it']);
  });

  it('a stale element (absent from a read invoked after it was known, present later) is an error only with linearizable', () => {
    const lines = [
      op(0, 'invoke', 'add', '1', 0),
      op(0, 'ok', 'add', '1', 1_000_000),
      op(1, 'invoke', 'read', 'nil', 3_000_000), // line 3: 2 ms after known
      op(1, 'ok', 'read', '#{}', 4_000_000),
      op(1, 'invoke', 'read', 'nil', 5_000_000),
      op(1, 'ok', 'read', '#{1}', 6_000_000),
    ];
    const r = valueOf(checkJepsenSetFull(edn(lines.join('\n'))));
    expect(r).toMatchObject({ valid: true, stale: [1], staleCount: 1 });
    expect(r.worstStale[0]!.stableLatencyMs).toBe(2);
    const strict = valueOf(checkJepsenSetFull(edn(lines.join('\n')), { linearizable: true }));
    expect(strict.valid).toBe(false);
    expect(strict.explanation).toEqual(['stale: 1 was known from line 2, but the read invoked at line 3 lacked it; later reads saw it (stable 2 ms after it was known)']);
    // Under a millisecond late is not stale by Jepsen's whole-millisecond latency; without :time, position decides.
    const close = lines.map((l, i) => (i === 2 ? op(1, 'invoke', 'read', 'nil', 1_500_000) : l));
    expect(valueOf(checkJepsenSetFull(edn(close.join('\n')), { linearizable: true })).valid).toBe(true);
    const untimed = close.map((l) => l.replace(/, :time \d+/, ''));
    const byOrder = valueOf(checkJepsenSetFull(edn(untimed.join('\n')), { linearizable: true }));
    expect(byOrder).toMatchObject({ valid: false, staleBy: 'order', stale: [1] });
  });

  it('nothing stable is unknown; duplicates in a read are reported but do not change the verdict (as in Jepsen)', () => {
    const none = valueOf(checkJepsenSetFull(edn([op(0, 'invoke', 'add', '1', 0), op(0, 'info', 'add', '1', 1)].join('\n'))));
    expect(none.valid).toBe('unknown');
    const dup = valueOf(checkJepsenSetFull(edn([op(0, 'invoke', 'add', '1', 0), op(0, 'ok', 'add', '1', 1), op(1, 'invoke', 'read', 'nil', 2), op(1, 'ok', 'read', '[1 1]', 3)].join('\n'))));
    expect(dup).toMatchObject({ valid: true, duplicated: [{ element: 1, copies: 2 }], duplicatedCount: 1 });
  });
});

/** Each element on its own, from its definition: scan the reads after its (last) add invoke. */
function oracle(h: JepsenHistory, linearizable: boolean): { outcomes: [JepsenValue, SetFullOutcome, boolean][]; valid: boolean | 'unknown' } {
  const keys = [...new Set(h.filter((e) => e.f === 'add' && e.type === 'invoke').map((e) => e.value as number))].sort((a, b) => a - b);
  const outcomes: [JepsenValue, SetFullOutcome, boolean][] = keys.map((x) => {
    const a = h.map((e, i) => (e.f === 'add' && e.type === 'invoke' && e.value === x ? i : -1)).reduce((m, i) => Math.max(m, i));
    let known = -1;
    let present = -1;
    let absent = -1;
    for (let k = a + 1; k < h.length; k++) {
      const e = h[k]!;
      if (e.f === 'add' && e.type === 'ok' && e.value === x && known === -1) known = k;
      if (e.f !== 'read' || e.type !== 'ok') continue;
      const inv = invokeOf(h, k)!;
      const seen = (e.value as number[]).includes(x);
      if (seen && known === -1) known = k;
      if (seen) present = Math.max(present, inv);
      else absent = Math.max(absent, inv);
    }
    const stable = present !== -1 && absent < present;
    const lost = !stable && known !== -1 && absent > present && absent > known;
    const t = (i: number): number => h[i]!.timeNanos!;
    const stale = stable && Math.floor(Math.max(0, (absent === -1 ? 0 : t(absent) + 1) - t(known)) / 1e6) > 0;
    return [x, stable ? 'stable' : lost ? 'lost' : 'never-read', stale];
  });
  const count = (o: SetFullOutcome): number => outcomes.filter((x) => x[1] === o).length;
  const valid = count('lost') > 0 ? false : count('stable') === 0 ? 'unknown' : linearizable && outcomes.some((x) => x[2]) ? false : true;
  return { outcomes, valid };
}

describe('set-full: agrees with a naive per-element scan', () => {
  it('on random histories of three processes (adds ok, failed, info or pending; reads of random subsets)', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(randomHistory(2, (s) => [...s.subset], 48), fc.boolean(), (h, linearizable) => {
        const r = valueOf(checkJepsenSetFull(h, { linearizable }));
        const expected = oracle(h, linearizable);
        expect(r.elements.map((x) => [x.element, x.outcome, x.stale])).toEqual(expected.outcomes);
        expect(r.valid).toBe(expected.valid);
        for (const [, o, stale] of expected.outcomes) seen.set(stale ? 'stale' : o, (seen.get(stale ? 'stale' : o) ?? 0) + 1);
      }),
      { numRuns: 600 },
    );
    for (const kind of ['stable', 'lost', 'never-read', 'stale']) expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(20);
  });
});

describe('set-full: a limit on the work', () => {
  it('stopped by updatesMax, the verdict is unknown and says so', () => {
    const h = edn([op(0, 'invoke', 'add', '1', 0), op(0, 'ok', 'add', '1', 1), op(1, 'invoke', 'read', 'nil', 2), op(1, 'ok', 'read', '[]', 3), op(1, 'invoke', 'read', 'nil', 4), op(1, 'ok', 'read', '[]', 5)].join('\n'));
    expect(valueOf(checkJepsenSetFull(h)).valid).toBe(false);
    const r = valueOf(checkJepsenSetFull(h, { updatesMax: 1 }));
    expect(r).toMatchObject({ valid: 'unknown', stoppedBy: 'updates-max' });
    expect(r.explanation[0]).toBe('unknown: stopped after 1 element updates (updates-max); what follows is of the reads before');
  });
});
