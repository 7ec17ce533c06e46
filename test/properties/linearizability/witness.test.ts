/**
 * The witness of a linearizable verdict on the Jepsen etcd histories: replayed through an independent cas-register
 * specification (model-specs.ts) it is legal, respects real time and holds every operation of known outcome; and
 * the independent check does reject a witness put out of order.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHistory } from '../../../formats/jepsen.js';
import { checkHistory, formatWitness } from '../../../properties/linearizability/index.js';
import { fixturePath, readVerdicts } from './fixtures.js';
import { SPECS } from './model-specs.js';
import { pairOperations, witnessProblem, type SequentialSpec } from './oracle.js';

const cas = SPECS['cas-register'] as unknown as SequentialSpec<unknown>;
const verdicts = readVerdicts('etcd/verdicts.json');
const linearizable = Object.keys(verdicts).sort().filter((id) => verdicts[id] === 'linearizable');

function check(id: string) {
  const file = fixturePath(`etcd/etcd_${id}.log`);
  const history = parseHistory(readFileSync(file, 'utf8'), file);
  if (!history.ok) throw new Error(history.error.message);
  const result = checkHistory(history.value, 'cas-register');
  if (!result.ok) throw new Error(result.error.message);
  return { events: history.value, result: result.value };
}

describe('witnesses on the etcd histories', () => {
  it('has the 23 linearizable ones', () => expect(linearizable).toHaveLength(23));

  it.each(linearizable)('etcd_%s: the witness replays legally in real-time order', (id) => {
    const { events, result } = check(id);
    expect(result.verdict).toBe('linearizable');
    const ops = pairOperations(events);
    const order = result.witness!.map((part) => part.operations.map((op) => op.event));
    expect(order).toHaveLength(1);
    expect(order[0]!.length).toBeGreaterThan(10);
    expect(witnessProblem(cas, ops, order)).toBeUndefined();
    // Lines and descriptions name the log's own lines.
    const first = result.witness![0]!.operations[0]!;
    expect(first.description).toMatch(new RegExp(`^p${first.process} .* \\(line ${first.line}\\)$`));
  });

  it('the independent check rejects the witness reversed', () => {
    const { events, result } = check(linearizable[0]!);
    const order = result.witness![0]!.operations.map((op) => op.event).reverse();
    expect(witnessProblem(cas, pairOperations(events), [order])).toMatch(/returned before|illegal/);
  });

  it('formatWitness prints each operation of the order', () => {
    const { result } = check(linearizable[0]!);
    const lines = formatWitness(result.witness!);
    expect(lines[0]).toBe(`linearization (${result.witness![0]!.operations.length} operations):`);
    expect(lines.slice(1)).toEqual(result.witness![0]!.operations.map((op) => `  ${op.description}`));
  });

  it('a violation carries no witness', () => {
    const id = Object.keys(verdicts).sort().find((k) => verdicts[k] === 'not-linearizable')!;
    expect(check(id).result.witness).toBeUndefined();
  });
});
