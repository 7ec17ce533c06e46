/** The public API: defining, running, replaying and fuzzing scenarios, and the property builders. */
import { describe, expect, test } from 'vitest';
import {
  always,
  defineScenario,
  DsimInputError,
  eventually,
  fuzz,
  inevitable,
  NETWORK_RELIABLE,
  never,
  property,
  reachable,
  replay,
  run,
  type CutPredicate,
  type Execution,
} from '../../index.js';
import { counter, counterScenario } from './fixtures.js';

const countAtMost3 = always<{ count: number }>('count-at-most-3', (s) => s.count <= 3 || `count is ${s.count}`);
const allDone = eventually<{ done: boolean }>('all-done', (s) => s.done, { withinTicksAfterHeal: 100 });

describe('defineScenario', () => {
  test('describes the scenario as the registry does', () => {
    const s = counterScenario([countAtMost3, allDone]);
    expect(s).toMatchObject({ name: 'counter', protocol: 'counter', nodesDefault: 3, nodesMin: 1, properties: ['count-at-most-3', 'all-done'] });
    expect(Object.keys(s.bugs)).toEqual(['overcount', 'stall', 'throws']);
  });

  test('rejects mistakes at once, with one sentence naming the input', () => {
    const base = { name: 'x', protocol: counter(undefined), nodes: 2, properties: [] };
    expect(() => defineScenario({ ...base, name: ' ' })).toThrow(DsimInputError);
    expect(() => defineScenario({ ...base, nodes: 0 })).toThrow(/scenario "x": nodes is 0; expected an integer from 1 to Infinity/);
    expect(() => defineScenario({ ...base, properties: [countAtMost3, countAtMost3] })).toThrow(/two properties are named "count-at-most-3"/);
    expect(() => defineScenario({ ...base, faults: { network: { ...NETWORK_RELIABLE, delayTicksMin: 0 } } })).toThrow(
      /scenario "x" fault plan: .*delayTicksMin/,
    );
    expect(() =>
      defineScenario({ ...base, faults: { network: NETWORK_RELIABLE, scripted: [{ atTicks: 5, action: { kind: 'crash', node: 7 } }] } }),
    ).toThrow(/scripted\[0\]\.action/);
    expect(() => defineScenario({ ...base, limits: { eventsMax: -1 } })).toThrow(/limits: .*eventsMax/);
  });

  test('a predicate with a syntax error is rejected when the property is built, with its column', () => {
    expect(() => never('bad', 'count(x == 1) >=')).toThrow(/predicate, column 17: /);
  });

  test('faults may depend on the bug variant, and each variant plan is validated', () => {
    expect(() =>
      defineScenario({
        name: 'y',
        protocol: counter,
        nodes: 2,
        properties: [],
        bugs: { stall: 'p1 stalls' },
        faults: ({ bug }) => ({ network: { ...NETWORK_RELIABLE, delayTicksMax: bug === 'stall' ? 0 : 5 } }),
      }),
    ).toThrow(/fault plan \(bug stall\)/);
  });
});

describe('run', () => {
  test('a correct run: ok, deterministic, with everything a report needs', () => {
    const s = counterScenario([countAtMost3, allDone]);
    const a = run(s, { seed: 5 });
    expect(a.ok).toBe(true);
    expect(a.violations).toEqual([]);
    expect(a.endReason).toBe('quiescent');
    expect(a.finalStates).toEqual([{ count: 3, done: true }, { count: 3, done: true }, { count: 3, done: true }]);
    expect(a.execution.hosts).toEqual(['p0', 'p1', 'p2']);
    expect(a.traceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run(s, { seed: 5 }).traceHash).toBe(a.traceHash);
    expect(a.replayWith).toMatchObject({ seed: 5, nodes: 3, schedule: a.schedule });
  });

  test('a broken invariant: ok false, the violation names the event and the state', () => {
    const r = run(counterScenario([countAtMost3]), { seed: 1, bug: 'overcount' });
    expect(r.ok).toBe(false);
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0]!.property).toBe('count-at-most-3');
    expect(r.violations[0]!.message).toMatch(/^p\d after event 5 \(id \d+, tick 40\) "timer tick": count is 4; state count=4 done=true$/);
  });

  test('a liveness violation lists what is pending', () => {
    const r = run(counterScenario([allDone]), { seed: 1, bug: 'stall' });
    expect(r.violations.map((v) => v.message)).toEqual(['not every node got there by tick 100; still pending: p1: the test is false (count=0 done=false)']);
  });

  test('a run stopped by a limit before the liveness deadline leaves it undecided and says which limit', () => {
    const r = run(counterScenario([allDone]), { seed: 1, timeTicksMax: 15 });
    expect(r.ok).toBe(true);
    expect(r.violations).toEqual([]);
    expect(r.undecided).toHaveLength(1);
    expect(r.undecided[0]!.message).toMatch(/stopped at tick 10 \(time-limit\) before the deadline, tick 100; raise the limit/);
  });

  test('a handler that throws is a failed run, not a crash of the test', () => {
    const r = run(counterScenario([countAtMost3]), { seed: 1, bug: 'throws' });
    expect(r.ok).toBe(false);
    expect(r.violations).toEqual([]);
    expect(r.protocolError).toMatch(/^protocol error at p2, event \d+: counter broke$/);
  });

  test('options are checked: unknown bug, bad seed, cluster size', () => {
    const s = counterScenario([]);
    // @ts-expect-error: not one of the scenario's bug names
    expect(() => run(s, { seed: 1, bug: 'nope' })).toThrow(/unknown bug "nope" for scenario counter; expected one of: overcount, stall, throws/);
    expect(() => run(s, { seed: -1 })).toThrow(/seed -1 is not an unsigned 32-bit integer/);
    expect(() => run(s, { seed: 1, nodes: 0 })).toThrow(/runs with at least 1 nodes, not 0/);
  });

  test('property(): any check of the outcome', () => {
    const quiet = property('no-messages', (o) => o.execution.messages.length === 0 || 'messages were sent');
    const endsLate = property('ends-after-tick-100', (o) => o.endTicks > 100 || `ended at tick ${o.endTicks}`);
    const r = run(counterScenario([quiet, endsLate]), { seed: 2 });
    expect(r.violations).toEqual([{ property: 'ends-after-tick-100', message: 'ended at tick 30' }]);
  });
});

describe('cut-lattice properties', () => {
  const s = counterScenario([
    never('never-two-done', 'count(done) >= 2'),
    reachable('all-done-reachable', 'all(done)'),
    inevitable('someone-counts', 'any(count >= 1)'),
  ]);

  test('never() fails with the witness cut, the states in it and the path', () => {
    const r = run(s, { seed: 1 });
    expect(r.violations.map((v) => v.property)).toEqual(['never-two-done']);
    const message = r.violations[0]!.message;
    expect(message).toMatch(/^violated: possibly\(count\(done\) >= 2\) holds \(lexical, cuts visited: \d+\)\n/);
    expect(message).toMatch(/witness cut \[\d, \d, \d\] \(events per host\):\n {2}p0 (after|before)/);
    expect(message).toMatch(/count=3 done=true/);
    expect(message).toMatch(/\npath: p\d "start" → /);
  });

  test('reachable() and inevitable() fail when nothing gets there', () => {
    const none = counterScenario([reachable('someone-counts-9', 'any(count >= 9)'), inevitable('all-count-9', 'all(count >= 9)')]);
    const r = run(none, { seed: 1 });
    expect(r.violations.map((v) => v.property)).toEqual(['someone-counts-9', 'all-count-9']);
    expect(r.violations[1]!.message).toMatch(/last cut of a path avoiding the predicate/);
  });

  test('a predicate naming an unknown field is an input error, not a violation', () => {
    expect(() => run(counterScenario([never('typo', 'any(cuont > 1)')]), { seed: 1 })).toThrow(
      /^property "typo": predicate, column 5: unknown field 'cuont'/,
    );
  });

  test('a CutPredicate built per execution works like text', () => {
    const lateP1 = (exec: Execution): CutPredicate => ({
      text: 'p1 counted 3',
      evaluate: (cut) => (exec.hostStates[1]![cut[1]!]!['count'] ?? 0) === 3,
      shape: { kind: 'general' },
    });
    expect(run(counterScenario([never('p1-never-3', lateP1)]), { seed: 1 }).violations[0]!.message).toMatch(/possibly\(p1 counted 3\) holds/);
    expect(run(counterScenario([reachable('p1-3', lateP1)]), { seed: 1 }).ok).toBe(true);
  });

  test('a search stopped by a limit is reported as undecided, never as a pass', () => {
    const r = run(counterScenario([never('limited', 'count(done) >= 4', { limits: { cutsMax: 3 } })]), { seed: 1 });
    expect(r.violations).toEqual([]);
    expect(r.undecided.map((u) => u.property)).toEqual(['limited']);
    expect(r.undecided[0]!.message).toMatch(/^possibly\(count\(done\) >= 4\) unknown/);
  });
});

describe('replay and fuzz', () => {
  const lossy = defineScenario({
    name: 'lossy-counter',
    protocol: counter,
    nodes: 3,
    faults: { network: NETWORK_RELIABLE, random: { stepTicks: 4, crash: [1, 4], restart: [1, 2], partition: [0, 1], heal: [0, 1], pause: [0, 1], resume: [0, 1] } },
    properties: [allDone],
    bugs: { overcount: 'counts to 5' },
  });

  test('fuzz finds failing seeds deterministically; failingSeedsMax stops early', () => {
    const all = fuzz(lossy, { seeds: 40, seedStart: 100, shrink: false, outDir: false });
    expect(all.runs).toBe(40);
    expect(all.ok).toBe(false);
    expect(all.failingSeeds.length).toBeGreaterThan(0);
    expect(all.failingSeeds.every((seed) => seed >= 100 && seed < 140)).toBe(true);
    expect(fuzz(lossy, { seeds: 40, seedStart: 100, shrink: false, outDir: false }).failures).toEqual(all.failures);
    const first = fuzz(lossy, { seeds: 40, seedStart: 100, failingSeedsMax: 1, shrink: false, outDir: false });
    expect(first.failingSeeds).toEqual([all.failingSeeds[0]]);
    expect(first.runs).toBe(all.failingSeeds[0]! - 100 + 1);
    expect(first.firstFailure!.seed).toBe(all.failingSeeds[0]);
  });

  test('replay reproduces a failing run from its schedule', () => {
    const failing = fuzz(lossy, { seeds: 40, failingSeedsMax: 1, shrink: false, outDir: false }).firstFailure!;
    const again = replay(lossy, failing);
    expect(again.hashMatches).toBe(true);
    expect(again.violations).toEqual(failing.violations);
    const edited = replay(lossy, { ...failing, replayWith: { ...failing.replayWith, schedule: [] } });
    expect(edited.hashMatches).toBe(false);
  });

  test('bad fuzz options are rejected', () => {
    expect(() => fuzz(lossy, { seeds: -1 })).toThrow(/seeds is -1; expected an integer ≥ 0/);
    expect(() => fuzz(lossy, { seeds: 1, seedStart: 2 ** 32 })).toThrow(/seedStart is 4294967296/);
  });
});
