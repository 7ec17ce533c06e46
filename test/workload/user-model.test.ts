/**
 * The workload-driven key-value store checked with a model the user writes (defineModel, a last-writer-wins map of
 * strings per key, written here from scratch): seed for seed it gives the built-in kv model's verdict, and a fuzz
 * campaign finds, shrinks and replays the same bug through it.
 */
import { describe, expect, test } from 'vitest';
import { defineModel, defineScenario, fuzz, linearizable, replay, run, type HistoryValue } from '../../index.js';
import { kvScenario } from './kv-scenario.js';

/** The user's model: the value of one key (the history is split per key), nil until the first put. */
const lastWriterWins = defineModel<string | null>({
  name: 'lww-key',
  summary: 'one key of a map of strings: get → the last value put, nil before',
  init: () => null,
  step: (state, input, output) => {
    if (input.f === 'put') return { ok: true, next: String(input.value) };
    const read = output.kind === 'unknown' ? state : (output.value as HistoryValue);
    return { ok: read === state, next: state };
  },
  partitionKey: (input) => input.key ?? '',
  readOnly: (input) => input.f === 'get',
});

const built = kvScenario.build({ bug: undefined, nodes: 3 });
/** The workload kv store (correct, and with its bug) checked by `properties`. */
function kvCheckedBy(name: string, properties: Parameters<typeof defineScenario>[0]['properties']) {
  return defineScenario({
    name,
    protocol: (bug: 'backup-reads' | undefined) => kvScenario.build({ bug, nodes: 3 }).protocol,
    nodes: 3,
    faults: built.faults,
    workload: built.workload!,
    limits: { eventsMax: 5_000, timeTicksMax: 2_000 },
    properties,
    bugs: { 'backup-reads': 'a backup answers a get from its own copy, which may lag the primary' },
  });
}

const both = kvCheckedBy('workload-kv-two-models', [linearizable('kv', { name: 'built-in-kv' }), linearizable(lastWriterWins, { name: 'user-lww' })]);

describe('a user-defined model on a workload history', () => {
  test('seed for seed, the user model and the built-in kv model give the same verdict', () => {
    let violated = 0;
    for (let seed = 1; seed <= 60; seed++) {
      for (const bug of [undefined, 'backup-reads'] as const) {
        const r = run(both, { seed, bug });
        const failed = new Set(r.violations.map((v) => v.property));
        expect(failed.has('user-lww'), `seed ${seed} ${bug ?? 'correct'}`).toBe(failed.has('built-in-kv'));
        expect(r.undecided).toEqual([]);
        if (failed.size > 0) violated++;
        if (bug === undefined) expect(r.violations, `seed ${seed}`).toEqual([]);
      }
    }
    expect(violated).toBeGreaterThan(10);
  });

  test('fuzz finds the bug through the user model alone, shrinks it and replays it', () => {
    const userOnly = kvCheckedBy('workload-kv-user-model', [linearizable(lastWriterWins, { name: 'user-lww' })]);
    const f = fuzz(userOnly, { seeds: 40, bug: 'backup-reads', outDir: false, reprosMax: 1 });
    expect(f.ok).toBe(false);
    const repro = f.repros[0]!;
    expect(repro.property).toBe('user-lww');
    expect(repro.shrunk!.eventsAfter).toBeLessThan(repro.shrunk!.eventsBefore);
    const again = replay(userOnly, repro.run);
    expect(again.hashMatches).toBe(true);
    expect(again.violations.map((v) => v.property)).toEqual(['user-lww']);
    expect(again.violations[0]!.message).toMatch(/not linearizable \(model lww-key/);
  });
});
