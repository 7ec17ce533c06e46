/**
 * The models by hand: `initial` changes verdicts as worked out, each model rejects a malformed operation in one
 * sentence and describes its operations and states in explanations, and a user's model (defineModel) is checked at
 * definition and guarded when it runs: a throw is an input error naming the model and the operation.
 */
import { describe, expect, it } from 'vitest';
import { defineConfig } from '../../../api/config.js';
import { DsimInputError } from '../../../api/errors.js';
import { defineModel } from '../../../api/model.js';
import { linearizable } from '../../../api/properties/linearizable.js';
import type { History, HistoryEvent, HistoryValue } from '../../../execution/history.js';
import { checkHistory, type CheckHistoryOptions, type ModelChoice } from '../../../properties/linearizability/index.js';
import type { RunOutcome } from '../../../scenarios/types.js';
import '../../../testing/index.js';

/** A sequential history: each `[f, invoke value, ok value]` on its own process, one after another. */
function sequential(...ops: [string, HistoryValue, HistoryValue][]): History {
  return ops.flatMap(([f, invoke, ok], process): HistoryEvent[] => [
    { process, type: 'invoke', f, value: invoke },
    { process, type: 'ok', f, value: ok },
  ]);
}

function verdict(history: History, model: ModelChoice, options: CheckHistoryOptions = {}): string {
  const r = checkHistory(history, model, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.verdict;
}

function problem(history: History, model: ModelChoice, options: CheckHistoryOptions = {}): string {
  const r = checkHistory(history, model, options);
  return r.ok ? 'no error' : `${r.error.source}: ${r.error.message}`;
}

describe('initial values change verdicts as worked out by hand', () => {
  const cases: [string, History, unknown][] = [
    ['cas-register: read 0, then cas 0→1', sequential(['read', null, 0], ['cas', [0, 1], [0, 1]]), 0],
    ['register: read "a"', sequential(['read', null, 'a']), 'a'],
    ['counter: add 1, read 6', sequential(['add', 1, 1], ['read', null, 6]), 5],
    ['set: read [2 1] after add 2', sequential(['add', 2, 2], ['read', null, [2, 1]]), [1]],
    ['queue: dequeue 7, then dequeue nil', sequential(['dequeue', null, 7], ['dequeue', null, null]), [7]],
    ['mutex: release first', sequential(['release', null, null], ['acquire', null, null]), true],
    ['multi-register: read x 1 and y nil', sequential(['txn', [['r', 'x', null], ['r', 'y', null]], [['r', 'x', 1], ['r', 'y', null]]]), { x: 1 }],
  ];
  it.each(cases)('%s: not linearizable from the default state, linearizable from the initial value', (_, history, initial) => {
    const model = _.split(':')[0] as ModelChoice;
    expect(verdict(history, model)).toBe('not-linearizable');
    expect(verdict(history, model, { initial })).toBe('linearizable');
  });

  it('kv: a get of "x" on key a, from {"a": "x"} only', () => {
    const history: History = [{ process: 0, type: 'invoke', f: 'get', key: 'a', value: null }, { process: 0, type: 'ok', f: 'get', key: 'a', value: 'x' }];
    expect(verdict(history, 'kv')).toBe('not-linearizable');
    expect(verdict(history, 'kv', { initial: { a: 'x' } })).toBe('linearizable');
    expect(verdict(history, 'kv', { initial: { a: 'y' } })).toBe('not-linearizable');
  });

  it('an initial value a model cannot take is an error naming initial', () => {
    const h = sequential(['read', null, 0]);
    expect(problem(h, 'mutex', { initial: 1 })).toBe("initial: the mutex model's initial value is true (held) or false (free), not 1");
    expect(problem(h, 'counter', { initial: 1.5 })).toBe("initial: the counter model's initial value is an integer, not 1.5");
    expect(problem(h, 'register', { initial: [1] })).toBe("initial: a register's initial value is nil, a number or a string, not [1]");
    expect(problem(h, 'queue', { initial: [null] })).toMatch(/^initial: the queue model's initial value is an array of numbers or strings/);
    expect(problem(h, 'kv', { initial: { a: 1 } })).toMatch(/^initial: the kv model's initial value is an object of strings/);
    const plain = defineModel({ name: 'plain', init: () => 0, step: (s) => ({ ok: true, next: s }) });
    expect(problem(h, plain, { initial: 0 })).toBe('initial: the plain model takes no initial value');
  });

  it('linearizable(model, { initial }) checks the run with it, and refuses a bad one at once', () => {
    const history = sequential(['read', null, 0], ['cas', [0, 1], [0, 1]]);
    expect(linearizable('cas-register', { initial: 0 }).check({ history } as RunOutcome)).toEqual({ ok: true });
    expect(linearizable('cas-register').check({ history } as RunOutcome).ok).toBe(false);
    expect(() => linearizable('mutex', { initial: 'x' })).toThrow(new DsimInputError({ source: 'linearizable: initial', message: 'the mutex model\'s initial value is true (held) or false (free), not "x"' }));
    expect(() => linearizable('nope' as never)).toThrow(/^linearizable: unknown model "nope"; expected one of: register, cas-register, kv, set, queue, mutex, multi-register, counter$/);
  });
});

describe('each new model rejects a malformed operation in one sentence', () => {
  const cases: [ModelChoice, History, string][] = [
    ['set', sequential(['add', [1], [1]]), 'an add takes nil, a number or a string, not [1]'],
    ['set', sequential(['read', null, 3]), 'a read returns an array of the members, not 3'],
    ['queue', sequential(['enqueue', null, null]), 'an enqueue takes a number or a string, not nil'],
    ['queue', sequential(['peek', null, 1]), 'the queue model has no operation `peek` (expected `enqueue` or `dequeue`)'],
    ['mutex', sequential(['lock', null, null]), 'the mutex model has no operation `lock` (expected `acquire` or `release`)'],
    ['counter', sequential(['add', 'x', 'x']), 'an add takes an integer, not "x"'],
    ['multi-register', sequential(['txn', [['q', 'x', 1]], [['q', 'x', 1]]]), 'a txn takes a list of micro-ops such as [["r", "x", null], ["w", "y", 2]], not [["q" "x" 1]]'],
    ['multi-register', sequential(['txn', [['w', 'x', 1]], [['w', 'x', 2]]]), 'a txn completes with its own micro-ops and the values read, not [["w" "x" 2]]'],
  ];
  it.each(cases)('%s: %s', (model, history, message) => {
    expect(problem(history, model)).toBe(`history: event 2: ${message}`);
  });
});

describe('explanations describe the new models’ operations and states', () => {
  const cases: [ModelChoice, History, string, string][] = [
    ['set', sequential(['add', 1, 1], ['read', null, []]), 'set {1}', 'p1 read → []'],
    ['queue', sequential(['enqueue', 1, 1], ['enqueue', 2, 2], ['dequeue', null, 2]), 'queue [1 2] (front first)', 'p2 dequeue → 2'],
    ['mutex', sequential(['acquire', null, null], ['acquire', null, null]), 'held', 'p1 acquire'],
    ['counter', sequential(['add', 2, 2], ['read', null, 1]), 'count 2', 'p1 read → 1'],
    ['multi-register', sequential(['txn', [['w', 'x', 1]], [['w', 'x', 1]]], ['txn', [['r', 'x', null]], [['r', 'x', 2]]]), '"x": 1', 'p1 txn [r "x" 2]'],
  ];
  it.each(cases)('%s: state %s, blocked %s', (model, history, state, blocked) => {
    const r = checkHistory(history, model);
    expect(r.ok && r.value.explanation).toMatchObject({ stateAfterPrefix: state, blocked: { description: blocked } });
  });
});

describe('defineModel', () => {
  it('names the first mistake of a spec', () => {
    const step = (s: number) => ({ ok: true, next: s });
    expect(() => defineModel({ name: 'a', step } as never)).toThrow('defineModel "a": init is not a function; give init: () => the initial state');
    expect(() => defineModel({ name: 'a', init: () => 0 })).toThrow(/^defineModel "a": neither step nor steps is a function/);
    expect(() => defineModel({ name: 'a', init: () => 0, step, steps: () => [] })).toThrow(/^defineModel "a": both step and steps are given/);
    expect(() => defineModel({ name: 'kv', init: () => 0, step })).toThrow('defineModel "kv": "kv" is the name of a built-in model; give yours another name');
    expect(() => defineModel({ name: 'a', init: () => 0, step, hash: 3 } as never)).toThrow('defineModel "a": hash is not a function');
    expect(() => defineModel({ name: '', init: () => 0, step })).toThrow('defineModel "": name is not a non-empty string');
  });

  it('defineConfig({ models }) takes defineModel results with names of their own', () => {
    const mine = defineModel({ name: 'mine', init: () => 0, step: (s: number) => ({ ok: true, next: s }) });
    expect(defineConfig({ models: [mine] })).toMatchObject({ scenarios: [], models: [mine] });
    expect(() => defineConfig({ models: [{ name: 'x' }] as never })).toThrow('defineConfig: models[0] is not a model; make each one with defineModel({ ... })');
    expect(() => defineConfig({ models: [mine, mine] })).toThrow('defineConfig: two models are named "mine"; names must differ');
    expect(() => defineConfig({ models: [{ ...mine, name: 'queue' }] })).toThrow('defineConfig: model "queue" has the name of a built-in model; give it another name');
  });

  it('a step that throws, or answers no { ok, next }, is an input error naming the model, the operation and its event', () => {
    const boom = defineModel<number>({ name: 'boom', init: () => 0, step: (s, input) => { if (input.f === 'write') throw new Error('no writes'); return { ok: true, next: s }; } });
    expect(problem(sequential(['read', null, 0], ['write', 1, 1]), boom)).toBe('history: event 3: model "boom": step on `write 1 → 1` threw Error: no writes');
    const odd = defineModel({ name: 'odd', init: () => 0, step: () => true as never });
    expect(problem(sequential(['read', null, 0]), odd)).toBe('history: event 1: model "odd": step on `read → 0` answered true, expected { ok, next }');
    const history = { history: sequential(['write', 1, 1]) } as RunOutcome;
    expect(linearizable(boom).check(history)).toEqual({ ok: false, message: 'the model failed: history: event 1: model "boom": step on `write 1 → 1` threw Error: no writes' });
  });

  it('a nondeterministic model’s possible states count as work against stepsMax, and are capped', () => {
    // Every write doubles the possible states: after n writes there are 2^n.
    const guess = defineModel<number>({ name: 'guess', init: () => 0, steps: (s) => [2 * s, 2 * s + 1] });
    const writes = (n: number) => sequential(...Array.from({ length: n }, (): [string, HistoryValue, HistoryValue] => ['write', 0, 0]));
    expect(verdict(writes(10), guess)).toBe('linearizable');
    // 10 writes take 12 steps of the search itself, and 1 + 2 + ... + 512 states stepped from.
    const limited = checkHistory(writes(10), guess, { stepsMax: 500 });
    expect(limited.ok && [limited.value.verdict, limited.value.stoppedBy]).toEqual(['unknown', 'search steps limit (500) reached']);
    expect(problem(writes(13), guess)).toBe('history: event 25: model "guess": steps on `write 0 → 0` left more than 4096 possible states; make the model less nondeterministic');
  });

  it('defaults: JSON-like states compared structurally, partitionKey splits, toBeLinearizable takes the model', () => {
    // Registers by key, as objects made afresh on every step: equal only structurally.
    const keyed = defineModel<{ value: HistoryValue }>({
      name: 'keyed',
      init: () => ({ value: null }),
      step: (s, input, output) => (input.f === 'write' ? { ok: true, next: { value: input.value } } : { ok: output.kind === 'unknown' || output.value === s.value, next: { ...s } }),
      partitionKey: (input) => input.key ?? '',
    });
    const on = (key: string, events: History): History => events.map((e) => ({ ...e, key }));
    const history = [...on('a', sequential(['write', 1, 1], ['read', null, 1])), ...on('b', sequential(['read', null, null]))];
    const r = checkHistory(history, keyed);
    expect(r.ok && [r.value.verdict, r.value.partitions, r.value.witness?.map((p) => p.partition)]).toEqual(['linearizable', 2, ['a', 'b']]);
    expect(history).toBeLinearizable(keyed);
    expect(on('a', sequential(['read', null, 2]))).not.toBeLinearizable(keyed);
  });
});
