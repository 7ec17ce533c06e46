/**
 * `checkHistory(..., { view: true })`: the view a drawing uses. Checked against the independent oracle
 * (oracle.ts, model-specs.ts) on small random histories: a linearizable history's view orders replay legally in
 * real-time order with every known-outcome operation; a violating one's prefix replays legally, no operation left
 * out returned before one in it was invoked, and the operation that cannot be placed is one of the possible next
 * steps. And a hand-worked Knossos history, with the states after each step.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../../execution/history.js';
import { parseHistory } from '../../../formats/jepsen.js';
import { checkHistory, type HistoryView, type ModelName, type ViewPart } from '../../../properties/linearizability/index.js';
import { historyOf, SPECS, type SpecName } from './model-specs.js';
import { bruteForce, pairOperations, witnessProblem, type OracleOp, type SequentialSpec } from './oracle.js';

function viewOf(events: readonly HistoryEvent[], model: ModelName): { verdict: string; view: HistoryView } {
  const r = checkHistory(events, model, { view: true });
  if (!r.ok) throw new Error(r.error.message);
  return { verdict: r.value.verdict, view: r.value.view! };
}

/** Why `prefix` (operations of `part`) is not a linearizable prefix of the part, or undefined. */
function prefixProblem(spec: SequentialSpec<unknown>, part: readonly OracleOp[], prefix: readonly OracleOp[]): string | undefined {
  let states: readonly unknown[] = [spec.init];
  for (const [i, op] of prefix.entries()) {
    if (prefix.slice(0, i).some((before) => op.ret < before.call)) return `event ${op.call} returned before an earlier one was invoked`;
    states = states.flatMap((s) => spec.apply(s, op));
    if (states.length === 0) return `event ${op.call} is illegal there`;
  }
  const left = part.filter((op) => !prefix.includes(op) && op.output !== undefined);
  const late = left.find((op) => prefix.some((p) => op.ret < p.call));
  return late === undefined ? undefined : `event ${late.call} returned before a placed operation was invoked but is not placed`;
}

const MODELS: Partial<Record<ModelName, SpecName>> = { 'cas-register': 'cas-register', kv: 'kv' };

describe('the view of a checked history, against the oracle', () => {
  for (const [model, specName] of Object.entries(MODELS) as [ModelName, SpecName][]) {
    const spec = SPECS[specName] as unknown as SequentialSpec<unknown>;
    it(`${model}: orders, prefixes and blocked operations on random histories`, () => {
      let seen = { linearizable: 0, 'not-linearizable': 0 };
      fc.assert(fc.property(historyOf(specName, 7), (events) => {
        const ops = pairOperations(events);
        const { verdict, view } = viewOf(events, model);
        const byCall = new Map(ops.map((op) => [op.call, op]));
        const oracleOps = (part: ViewPart, idx: readonly number[]) => idx.map((i) => byCall.get(part.operations[i]!.call)!);
        for (const part of view.parts) {
          expect(part.states).toHaveLength(part.order.length);
          for (const op of part.operations) expect(byCall.get(op.call)?.process).toBe(op.process);
        }
        if (verdict === 'linearizable') {
          seen.linearizable++;
          const orders = view.parts.map((part) => oracleOps(part, part.order).map((op) => op.call));
          expect(witnessProblem(spec, ops, orders)).toBeUndefined();
        } else if (verdict === 'not-linearizable') {
          seen['not-linearizable']++;
          const failing = view.parts.filter((p) => p.status === 'not-linearizable');
          expect(failing).toHaveLength(1);
          const part = failing[0]!;
          const all = oracleOps(part, part.operations.map((_, i) => i));
          expect(bruteForce(spec, all)).toBe(false);
          expect(prefixProblem(spec, all, oracleOps(part, part.order))).toBeUndefined();
          expect(part.order).not.toContain(part.blocked);
          expect(part.candidates).toContain(part.blocked);
        }
      }), { numRuns: 300 });
      expect(seen.linearizable).toBeGreaterThan(20);
      expect(seen['not-linearizable']).toBeGreaterThan(20);
    });
  }

  it('a split history: every key is a part, in key order; on a violation the failing key is marked', () => {
    const ev = (process: number, type: HistoryEvent['type'], f: string, key: string, value: HistoryEvent['value']): HistoryEvent => ({ process, type, f, key, value });
    const events = [ev(0, 'invoke', 'put', 'b', 'x'), ev(0, 'ok', 'put', 'b', 'x'), ev(1, 'invoke', 'get', 'a', null), ev(1, 'ok', 'get', 'a', 'z')];
    const { verdict, view } = viewOf(events, 'kv');
    expect(verdict).toBe('not-linearizable');
    expect(view.parts.map((p) => [p.key, p.status])).toEqual([['a', 'not-linearizable'], ['b', 'unfinished']]);
  });
});

describe('hand-worked: Knossos rethink-fail-minimal (write 0; then read 3 concurrent with write 4; read 4)', () => {
  const file = fileURLToPath(new URL('../../fixtures/jepsen/knossos/cas-register/bad/rethink-fail-minimal.edn', import.meta.url));
  const history = parseHistory(readFileSync(file, 'utf8'), file);
  if (!history.ok) throw new Error(history.error.message);
  const { verdict, view } = viewOf(history.value, 'cas-register');

  it('the prefix is write 0, write 4 and read 3 cannot be placed after it', () => {
    expect(verdict).toBe('not-linearizable');
    const [part] = view.parts;
    const text = (i: number) => `p${part!.operations[i]!.process} ${part!.operations[i]!.text}`;
    expect(part!.operations.map((_, i) => text(i))).toEqual(['p0 write 0', 'p1 read → 3', 'p2 write 4', 'p3 read → 4']);
    expect(part!.order.map(text)).toEqual(['p0 write 0', 'p2 write 4']);
    expect(part!.states).toEqual(['value 0', 'value 4']);
    expect(part!.initial).toBe('value nil');
    expect(text(part!.blocked!)).toBe('p1 read → 3');
    // Invoked before the first completion of one left out (the read of 3, event 5): the read and nothing else.
    expect(part!.candidates!.map(text)).toEqual(['p1 read → 3']);
    expect(part!.operations[1]).toMatchObject({ call: 2, ret: 4, callLine: 4, returnLine: 7, unknown: false });
  });
});
