/** The vitest matchers of `dsim/testing`: they pass when they should, fail when they should, and say why. */
import { describe, expect, test } from 'vitest';
import { always, buildExecution, defineScenario, fuzz, linearizable, never, run, type CutPredicate, type History } from '../../index.js';
import { dsimMatchers, installDsimMatchers } from '../../testing/index.js';
import { counterScenario, register } from './fixtures.js';

const countAtMost3 = always<{ count: number }>('count-at-most-3', (s) => s.count <= 3 || `count is ${s.count}`);
const counters = counterScenario([countAtMost3]);

/** Two hosts, no messages: every combination of their states is a consistent cut. */
const pair = buildExecution({
  label: 'pair',
  hosts: ['a', 'b'],
  events: [
    { host: 0, kind: 'internal', label: 'x=1', clock: [1, 0], fields: { x: 1 } },
    { host: 0, kind: 'internal', label: 'x=2', clock: [2, 0], fields: { x: 2 } },
    { host: 1, kind: 'internal', label: 'y=1', clock: [0, 1], fields: { y: 1 } },
  ],
});

describe('toHoldEverywhere / toViolate', () => {
  test('pass on a correct run, fail with the violations and the replay call on a broken one', () => {
    expect(run(counters, { seed: 1 })).toHoldEverywhere();
    const broken = run(counters, { seed: 7, bug: 'overcount' });
    expect(broken).not.toHoldEverywhere();
    expect(broken).toViolate('count-at-most-3');
    expect(() => expect(broken).toHoldEverywhere()).toThrow(
      /expected every property to hold on scenario counter \(bug overcount\), seed 7, but:\n {2}✗ count-at-most-3: p\d after event 5 .*count is 4[\s\S]*replay: run\(scenario, \{ seed: 7, bug: "overcount" \}\) \(trace [0-9a-f]{12}\)/,
    );
    expect(() => expect(run(counters, { seed: 1 })).not.toHoldEverywhere()).toThrow(/to violate some property, but every property held on this run/);
  });

  test('a property the run could not decide fails toHoldEverywhere, named as undecided, not violated', () => {
    const limited = counterScenario([never('limited', 'count(done) >= 4', { limits: { cutsMax: 3 } })]);
    const r = run(limited, { seed: 1 });
    expect(r.ok).toBe(true);
    expect(() => expect(r).toHoldEverywhere()).toThrow(/but some could not be decided:\n {2}\? seed 1, limited: could not decide: possibly/);
    expect(r).not.toViolate('limited');
    const f = fuzz(limited, { seeds: 3 });
    expect(f.undecided.map((u) => u.seed)).toEqual([0, 1, 2]);
    expect(f).not.toHoldEverywhere();
  });

  test('accept.undecided lets named properties stay undecided, and only those; a name with no property is an error', () => {
    const limited = counterScenario([countAtMost3, never('limited', 'count(done) >= 4', { limits: { cutsMax: 3 } })]);
    const r = run(limited, { seed: 1 });
    expect(r).toHoldEverywhere({ accept: { undecided: ['limited'] } });
    expect(r).toHoldEverywhere({ accept: { undecided: 'any' } });
    expect(() => expect(r).toHoldEverywhere({ accept: { undecided: ['count-at-most-3'] } })).toThrow(/some could not be decided:\n {2}\? seed 1, limited/);
    expect(() => expect(r).toHoldEverywhere({ accept: { undecided: ['limted'] } })).toThrow(/accept\.undecided names "limted", but scenario counter has no such property \(it has count-at-most-3, limited\)/);
    const f = fuzz(limited, { seeds: 3 });
    expect(f).toHoldEverywhere({ accept: { undecided: ['limited'] } });
    // Accepting undecided never hides a violation.
    const broken = fuzz(limited, { seeds: 8, seedStart: 3, bug: 'overcount', outDir: false });
    expect(() => expect(broken).toHoldEverywhere({ accept: { undecided: 'any' } })).toThrow(/✗ seed 3, count-at-most-3/);
  });

  test('a protocol error fails toHoldEverywhere and is named', () => {
    const r = run(counters, { seed: 1, bug: 'throws' });
    expect(() => expect(r).toHoldEverywhere()).toThrow(/✗ protocol-error: protocol error at p2, event \d+: counter broke/);
    expect(r).toViolate('protocol-error');
  });

  test('on fuzz results: every seed, with the first failures listed', () => {
    expect(fuzz(counters, { seeds: 5 })).toHoldEverywhere();
    const campaign = fuzz(counters, { seeds: 8, seedStart: 3, bug: 'overcount', outDir: false });
    expect(() => expect(campaign).toHoldEverywhere()).toThrow(
      /scenario counter \(bug overcount\), 8 seeds, but:\n {2}✗ seed 3, count-at-most-3: [\s\S]*… and 3 more\nseed 3, count-at-most-3, shrunk: \d+ → \d+ events, \d+ → \d+ faults\nreplay: replay\(scenario, repro\.run\) in a test/,
    );
    expect(campaign).toViolate();
    expect(() => expect(campaign).toViolate('all-done')).toThrow(/expected property all-done to be violated .* but it held; other failures:/);
    expect(() => expect(campaign).not.toViolate('count-at-most-3')).toThrow(/expected property count-at-most-3 to hold .*, but:/);
  });

  test('a value that is not a result is a mistake in the test', () => {
    expect(() => expect({ ok: true }).toHoldEverywhere()).toThrow(/toHoldEverywhere expects the result of run\(\) or fuzz\(\), but got an object with keys ok/);
  });
});

describe('toPossibly / toDefinitely', () => {
  test('Possibly: passes and fails both ways, with the witness cut and path', () => {
    expect(pair).toPossibly('a.x == 2 && b.y == 1');
    expect(pair).not.toPossibly('a.x == 3');
    expect(() => expect(pair).not.toPossibly('a.x == 2 && b.y == 1')).toThrow(
      /expected no consistent cut of pair to satisfy a.x == 2 && b.y == 1, but one does:\npossibly\(a.x == 2 && b.y == 1\) holds \(weak-conjunctive, cuts visited: \d+\)\nwitness cut \[2, 1\] \(events per host\):\n {2}a after event 2 \(id 1\) "x=2": x=2\n {2}b after event 1 \(id 2\) "y=1": y=1\npath: a "x=1" → b "y=1" → a "x=2"$/,
    );
    expect(() => expect(pair).toPossibly('a.x == 3')).toThrow(/expected some consistent cut of pair to satisfy a.x == 3, but none does/);
  });

  test('Definitely: a path that avoids the predicate is the counterexample', () => {
    expect(pair).toDefinitely('a.x == 2');
    // a.x == 1 && b.y == 1 is avoided by the path that runs a to its end before b starts
    expect(pair).not.toDefinitely('a.x == 1 && b.y == 1');
    expect(() => expect(pair).toDefinitely('a.x == 1 && b.y == 1')).toThrow(/but one avoids it:\n[\s\S]*last cut of a path avoiding the predicate/);
    expect(() => expect(pair).not.toDefinitely('a.x == 2')).toThrow(/every path passes a cut satisfying it/);
  });

  test('run results and compiled predicates are accepted', () => {
    const r = run(counters, { seed: 1 });
    expect(r).toPossibly('all(done)');
    expect(r.execution).not.toPossibly('any(count > 3)');
    const p0Done: CutPredicate = { text: 'p0 done', evaluate: (cut) => cut[0]! >= 4, shape: { kind: 'general' } };
    expect(r).toPossibly(p0Done);
    expect(r).toDefinitely((exec) => ({ ...p0Done, evaluate: (cut) => cut[0]! === exec.byHost[0]!.length }));
  });

  test('a predicate error or an undecided search fails whichever way the assertion is negated', () => {
    expect(() => expect(pair).not.toPossibly('a.z == 1')).toThrow(/toPossibly: predicate, column 3: unknown field 'z'/);
    expect(() => expect(pair).toPossibly('a.x ==')).toThrow(/toPossibly: predicate, column/);
    const general = 'a.x + b.y == 99';
    expect(() => expect(pair).not.toPossibly(general, { cutsMax: 2 })).toThrow(/toPossibly: could not decide on pair: .*unknown/);
    expect(() => expect([1, 2]).toPossibly('true')).toThrow(/toPossibly expects an Execution or a run result, but got an array/);
  });
});

describe('toBeLinearizable', () => {
  const registers = defineScenario({
    name: 'register',
    protocol: register,
    nodes: 3,
    properties: [linearizable('register')],
    bugs: { 'stale-read': 'a read returns the value before the latest write' },
  });

  test('a correct register is linearizable; the matcher and the property agree', () => {
    const r = run(registers, { seed: 1 });
    expect(r.history.length).toBe(8);
    expect(r).toHoldEverywhere();
    expect(r).toBeLinearizable('register');
    expect(r.history).toBeLinearizable('register');
  });

  test('a stale read is not, and the message shows the longest prefix and the blocked operation', () => {
    const campaign = fuzz(registers, { seeds: 20, bug: 'stale-read', failingSeedsMax: 1 });
    const failing = campaign.firstFailure!;
    expect(failing).toViolate('linearizable');
    expect(failing.history).not.toBeLinearizable('register');
    expect(() => expect(failing.history).toBeLinearizable('register')).toThrow(
      /expected the history to be linearizable \(model register\), but it is not \(4 operations, \d+ search steps\):\nlongest linearizable prefix[\s\S]*cannot be placed next: p\d read → /,
    );
  });

  test('a malformed history fails the assertion', () => {
    const bad: History = [{ process: 0, type: 'ok', f: 'read', value: 1 }];
    expect(() => expect(bad).not.toBeLinearizable('register')).toThrow(/toBeLinearizable: history/);
  });
});

test('installDsimMatchers is idempotent and the matchers are exported for expect.extend', () => {
  installDsimMatchers();
  expect(Object.keys(dsimMatchers).sort()).toEqual(['toBeLinearizable', 'toDefinitely', 'toHoldEverywhere', 'toPossibly', 'toViolate']);
});
