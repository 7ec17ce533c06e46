import fc from 'fast-check';
import { expect, test } from 'vitest';
import { buildExecution, type EventInput } from '../../../execution/build.js';
import type { ExecEvent, Execution, MessageRecord } from '../../../execution/types.js';
import { countAtomicSequences, type AtomicStep } from '../../../properties/patterns/index.js';
import { arbComputation } from '../predicate/random-computation.js';
import { allCausalPaths, isCausalPath, successorsByDefinition } from './causal-paths.js';

type Test = (e: ExecEvent) => boolean;

/** Does the path realise do0; [dont1] do1; ... directly from the definition (search over positions)? */
function realises(path: readonly ExecEvent[], steps: readonly AtomicStep[]): boolean {
  const last = steps.length - 1;
  const from = (k: number, i: number): boolean => {
    if (!steps[k]!.do(path[i]!)) return false;
    if (k === last) return i === path.length - 1;
    for (let j = i + 1; j < path.length; j++) {
      if (from(k + 1, j)) return true;
      if (steps[k + 1]!.dont?.(path[j]!)) return false; // j would be strictly between i and any later position
    }
    return false;
  };
  return from(0, 0);
}

const arbLabelTest: fc.Arbitrary<{ labels: string[]; host: number | null }> = fc.record({
  labels: fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
  host: fc.option(fc.nat(2), { nil: null }),
});
const toTest = ({ labels, host }: { labels: string[]; host: number | null }): Test => (e) =>
  labels.includes(e.label) && (host === null || e.host === host);

const arbSteps: fc.Arbitrary<AtomicStep[]> = fc
  .array(fc.tuple(arbLabelTest, fc.option(arbLabelTest, { nil: null })), { minLength: 1, maxLength: 4 })
  .map((raw) =>
    raw.map(([d, dont], k) => (k === 0 || dont === null ? { do: toTest(d) } : { do: toTest(d), dont: toTest(dont) })),
  );

test('counts agree with checking every enumerated causal path', () => {
  fc.assert(
    fc.property(arbComputation({ hostsMax: 3, opsMax: 11 }), arbSteps, (exec, steps) => {
      const expected = allCausalPaths(exec).filter((p) => realises(p.map((e) => exec.events[e]!), steps)).length;
      const result = countAtomicSequences(exec, steps);
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.count).toBe(BigInt(expected));
      expect(result.value.verdict).toBe(expected > 0 ? 'holds' : 'fails');
      if (expected > 0) {
        const path = result.value.path!;
        expect(isCausalPath(exec, path)).toBe(true);
        expect(realises(path.map((e) => exec.events[e]!), steps)).toBe(true);
      }
    }),
    { numRuns: 500 },
  );
});

/** Two hosts exchanging a message each way in every round: the paths double every round. */
function ladder(rounds: number): Execution {
  const events: EventInput[] = [];
  const messages: MessageRecord[] = [];
  const clocks = [
    [0, 0],
    [0, 0],
  ];
  for (let r = 0; r < rounds; r++) {
    const sends: number[] = [];
    for (const h of [0, 1]) {
      clocks[h]![h]!++;
      sends.push(events.length);
      events.push({ host: h, kind: 'send', label: 's', clock: [...clocks[h]!], sent: [messages.length], fields: {} });
      messages.push({ id: messages.length, from: h, to: 1 - h, sendEvent: events.length - 1, receiveEvents: [], fate: 'delivered', summary: '' });
    }
    for (const h of [0, 1]) {
      const m = messages[messages.length - 2 + (1 - h)]!;
      const sender = events[sends[1 - h]!]!.clock;
      clocks[h] = clocks[h]!.map((v, j) => Math.max(v, sender[j]!));
      clocks[h]![h]!++;
      (m.receiveEvents as number[]).push(events.length);
      events.push({ host: h, kind: 'receive', label: 'r', clock: [...clocks[h]!], received: m.id, fields: {} });
    }
  }
  return buildExecution({ label: 'ladder', hosts: ['a', 'b'], events, messages });
}

test('counts beyond 2^53 exactly, as bigint', () => {
  const exec = ladder(70);
  const last = exec.events.length - 1;
  const succ = successorsByDefinition(exec);
  const paths = exec.events.map(() => 0n);
  paths[0] = 1n;
  for (let e = 0; e < exec.events.length; e++) for (const s of succ[e]!) paths[s]! += paths[e]!;
  const result = countAtomicSequences(exec, [{ do: (e) => e.id === 0 }, { do: (e) => e.id === last }]);
  expect(result.ok && result.value.count).toBe(paths[last]);
  expect(paths[last]! > 2n ** 60n).toBe(true);
});

test('dont forbids events strictly between; mistakes are values; limits give unknown', () => {
  const exec = ladder(2); // events: a1 b1 a2 b2 a3 b3 a4 b4; a2 receives b1, b2 a1, a4 b3, b4 a3
  const is = (host: number, index: number): Test => (e) => e.host === host && e.index === index;
  const direct = countAtomicSequences(exec, [{ do: is(0, 1) }, { do: is(0, 4) }]);
  expect(direct.ok && direct.value.count).toBe(2n); // a1 a2 a3 a4, and a1 b2 b3 a4
  const avoidB = countAtomicSequences(exec, [{ do: is(0, 1) }, { do: is(0, 4), dont: (e) => e.host === 1 }]);
  expect(avoidB.ok && avoidB.value.count).toBe(1n);
  expect(avoidB.ok && avoidB.value.path).toEqual([0, 2, 4, 6]);
  const viaB = countAtomicSequences(exec, [{ do: is(0, 1) }, { do: is(1, 3) }, { do: is(0, 4), dont: is(1, 4) }]);
  expect(viaB.ok && viaB.value.path).toEqual([0, 3, 5, 6]);
  expect(countAtomicSequences(exec, [])).toMatchObject({ ok: false, error: { source: 'atomic sequence' } });
  expect(countAtomicSequences(exec, [{ do: is(0, 1), dont: is(0, 2) }])).toMatchObject({ ok: false });
  const limited = countAtomicSequences(exec, [{ do: () => true }, { do: () => true }], { stepsMax: 2 });
  expect(limited.ok && limited.value.verdict).toBe('unknown');
});
