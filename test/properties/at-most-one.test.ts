/**
 * `atMostOne` / `mutualExclusion` and the engine under them (`possiblyTwoAtOnce`, pairwise weak conjunctive
 * detection) against brute force: on small random computations, "two distinct hosts hold the condition (with
 * equal groups) at one consistent cut" decided by enumerating every count vector closed under happened-before.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { atMostOne, mutualExclusion } from '../../api/index.js';
import { buildExecution } from '../../execution/build.js';
import { isConsistentCut } from '../../execution/clock.js';
import type { Execution, StateValue } from '../../execution/types.js';
import { possiblyTwoAtOnce } from '../../properties/pairwise.js';
import type { RunOutcome } from '../../scenarios/types.js';
import { arbComputation, bruteForceCuts } from '../helpers/brute-force.js';

const SEED = 20_261_111;
const RUNS = 300;

/** The computation with a second field: `g = x mod 2`, set only by events with x > 0 (so unset at first, often). */
function withGroups(exec: Execution): Execution {
  return buildExecution({
    label: exec.label,
    hosts: exec.hosts,
    events: exec.events.map((e) => {
      const x = e.fields['x'] as number;
      return { host: e.host, kind: e.kind, label: e.label, clock: Array.from(e.clock), fields: x > 0 ? { x, g: x % 2 } : { x } };
    }),
  });
}

/** The conditions tried, as text and as a direct reading of a state. */
const CONDITIONS: readonly { readonly text: string; readonly holds: (s: Readonly<Record<string, StateValue>>) => boolean }[] = [
  { text: 'x >= 2', holds: (s) => typeof s['x'] === 'number' && s['x'] >= 2 },
  { text: 'x == 1 || x == 3', holds: (s) => s['x'] === 1 || s['x'] === 3 },
  { text: 'has(g) && x != 2', holds: (s) => s['g'] !== undefined && s['x'] !== 2 },
  { text: '!(x > 0)', holds: (s) => !(typeof s['x'] === 'number' && s['x'] > 0) }, // true before the first event
];

/** Brute force: some consistent cut has two hosts holding the condition (and, with `per`, equal set groups). */
function bruteTwoAtOnce(exec: Execution, holds: (s: Readonly<Record<string, StateValue>>) => boolean, per: boolean): boolean {
  const n = exec.hosts.length;
  return bruteForceCuts(exec).some((cut) => {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = exec.hostStates[i]![cut[i]!]!;
        const b = exec.hostStates[j]![cut[j]!]!;
        if (!holds(a) || !holds(b)) continue;
        if (!per || (a['g'] !== undefined && a['g'] === b['g'])) return true;
      }
    }
    return false;
  });
}

/** A run's outcome as a property reads it; `fieldsDeclared` as a protocol's `fields` would give it. */
const outcomeOf = (execution: Execution, fieldsDeclared?: readonly string[]): RunOutcome =>
  ({ execution, endReason: 'quiescent', ...(fieldsDeclared === undefined ? {} : { fieldsDeclared }) }) as unknown as RunOutcome;

describe(`atMostOne agrees with brute force on small random computations (fast-check seed ${SEED}, ${RUNS} runs)`, () => {
  test('with and without `per`, through the property and through the engine (witness consistent and satisfying)', () => {
    const seen = { holds: 0, fails: 0 };
    fc.assert(
      fc.property(arbComputation({ hostsMax: 4, eventsPerHostMax: 3 }).filter((e) => e.events.length > 0), fc.nat({ max: CONDITIONS.length - 1 }), fc.boolean(), (raw, which, per) => {
        const exec = withGroups(raw);
        const condition = CONDITIONS[which]!;
        const expected = bruteTwoAtOnce(exec, condition.holds, per);
        const property = per ? atMostOne('one', condition.text, { per: 'g' }) : mutualExclusion('one', condition.text);
        const verdict = property.check(outcomeOf(exec, ['x', 'g'])); // g is declared: some computations never set it
        expect(verdict.ok).toBe(!expected);
        const holds = exec.byHost.map((own, h) => Uint8Array.from({ length: own.length + 1 }, (_, k) => (condition.holds(exec.hostStates[h]![k]!) ? 1 : 0)));
        const groups = per ? exec.hostStates.map((states) => states.map((s) => s['g'])) : null;
        const { result, pair } = possiblyTwoAtOnce(exec, condition.text, holds, groups);
        expect(result.algorithm).toBe('pairwise-conjunctive');
        expect(result.verdict).toBe(expected ? 'holds' : 'fails');
        seen[result.verdict === 'holds' ? 'holds' : 'fails']++;
        if (result.verdict !== 'holds') return;
        const cut = result.witness!.cut;
        expect(isConsistentCut(exec, cut)).toBe(true);
        const a = exec.hostStates[pair!.hostA]![cut[pair!.hostA]!]!;
        const b = exec.hostStates[pair!.hostB]![cut[pair!.hostB]!]!;
        expect(pair!.hostA).not.toBe(pair!.hostB);
        expect(condition.holds(a) && condition.holds(b)).toBe(true);
        if (per) expect([a['g'], b['g']]).toEqual([pair!.group, pair!.group]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Both answers must come up often, or the agreement says little.
    expect(seen.holds).toBeGreaterThan(40);
    expect(seen.fails).toBeGreaterThan(40);
  });
});

describe('atMostOne, hand-worked', () => {
  /** a and b are leaders of epoch 1 one after the other: b's election receives a's step-down. c leads epoch 2. */
  const exec = buildExecution({
    label: 'epochs',
    hosts: ['a', 'b', 'c'],
    events: [
      { host: 0, kind: 'internal', label: 'a leads', clock: [1, 0, 0], fields: { role: 'leader', epoch: 1 } },
      { host: 0, kind: 'send', label: 'a steps down', clock: [2, 0, 0], fields: { role: 'follower', epoch: 1 } },
      { host: 1, kind: 'receive', label: 'b leads', clock: [2, 1, 0], fields: { role: 'leader', epoch: 1 } },
      { host: 2, kind: 'internal', label: 'c leads', clock: [0, 0, 1], fields: { role: 'leader', epoch: 2 } },
    ],
  });

  // Pair (a, b): a at 1 and b at 1, but b's state needs a's 2 events, and a is no leader after 2: 2 candidates, fails.
  // Pair (a, c): a at 1 and c at 1 need nothing of each other: 1 candidate, holds. 3 in all.
  test('per epoch it holds (a and b never overlap, c leads another epoch); without per, c overlaps a', () => {
    expect(atMostOne('per-epoch', 'role == "leader"', { per: 'epoch' }).check(outcomeOf(exec))).toEqual({ ok: true });
    const anyEpoch = mutualExclusion('one-leader', 'role == "leader"').check(outcomeOf(exec));
    expect(anyEpoch.ok).toBe(false);
    if (anyEpoch.ok) return;
    expect(anyEpoch.message.split('\n')[0]).toBe(
      'violated: a and c both hold role == "leader" at one consistent cut: possibly(count(role == "leader") >= 2) holds (pairwise-conjunctive, cuts visited: 3)',
    );
    expect(Array.from(anyEpoch.witness!.cut)).toEqual([1, 0, 1]);
  });

  test('a condition or per that reads other nodes is rejected when the property is made; a typo when it checks a run', () => {
    expect(() => atMostOne('x', 'a.role == "leader"')).toThrow(
      'property "x" condition, column 1: a condition of one node reads only its own fields: write role, not a.role',
    );
    expect(() => atMostOne('x', 'role == "leader"', { per: 'epoch + 1' })).toThrow('property "x" per, column 1: expected the name of one field, got \'epoch + 1\'');
    expect(() => atMostOne('x', 'role == "leader"', { per: 'epoc' }).check(outcomeOf(exec))).toThrow(
      "property \"x\": predicate, column 1: unknown field 'epoc': no event sets it; the fields are epoch, role; if the protocol sets it only in some runs, list it in the protocol's `fields`",
    );
  });
});
