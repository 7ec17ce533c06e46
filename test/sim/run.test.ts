import { describe, expect, test } from 'vitest';
import { executionHash } from '../../execution/hash.js';
import { fuzz } from '../../api/fuzz.js';
import { SCENARIOS } from '../../scenarios/index.js';
import { listScenarios } from '../../sim/fuzz.js';
import { replaySchedule, runScenario } from '../../sim/run.js';
import { readScheduleFile, scheduleToJson } from '../../sim/schedule-file.js';
import { validatePlan } from '../../sim/validate.js';
import type { Protocol } from '../../sim/process.js';
import { fixedNetwork, run } from './helpers.js';

function mustRun(...args: Parameters<typeof runScenario>) {
  const r = runScenario(...args);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('runScenario', () => {
  test('a correct scenario passes its properties', () => {
    const r = mustRun('ping-pong', { seed: 1 });
    expect(r.ok).toBe(true);
    expect(r.violations).toEqual([]);
    expect(r.events).toBe(r.execution.events.length);
    expect(r.traceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.nodes).toBe(3);
  });

  test('same seed, same hash; another seed, another hash', () => {
    expect(mustRun('ping-pong', { seed: 9 }).traceHash).toBe(mustRun('ping-pong', { seed: 9 }).traceHash);
    expect(mustRun('ping-pong', { seed: 9 }).traceHash).not.toBe(mustRun('ping-pong', { seed: 10 }).traceHash);
  });

  test.each([
    ['nope', {}, /unknown scenario "nope"; expected one of: .*ping-pong/],
    ['ping-pong', { bug: 'nope' }, /unknown bug "nope" for scenario ping-pong; expected one of: count-duplicates, no-retry/],
    ['ping-pong', { nodes: 1 }, /runs with at least 2 nodes, not 1/],
    ['ping-pong', { seed: -1 }, /seed -1 is not an unsigned 32-bit integer/],
    ['ping-pong', { eventsMax: 0 }, /eventsMax is 0; expected an integer ≥ 1/],
  ])('bad input %s %j is a clear error', (name, opts, message) => {
    const r = runScenario(name, { seed: 1, ...opts });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
  });

  test('a run that reaches eventsMax ends with that reason', () => {
    const r = mustRun('ping-pong', { seed: 1, eventsMax: 10 });
    expect(r.endReason).toBe('events-limit');
    expect(r.events).toBe(10);
    expect(mustRun('ping-pong', { seed: 1, timeTicksMax: 20 }).endReason).toBe('time-limit');
  });

  test('bug variants break their properties on some seeds', () => {
    const pingPong = SCENARIOS['ping-pong'];
    const quick = { seeds: 20, seedStart: 0, shrink: false, outDir: false } as const;
    const dup = fuzz(pingPong, { ...quick, bug: 'count-duplicates' });
    expect(dup.failures.some((f) => f.property === 'pongs-match-rounds')).toBe(true);
    const stall = fuzz(pingPong, { ...quick, bug: 'no-retry' });
    expect(stall.failures.some((f) => f.property === 'all-rounds-done' && /not every node finished/.test(f.message))).toBe(true);
    const clean = fuzz(pingPong, quick);
    expect(clean.failures).toEqual([]);
    expect(clean.eventsTotal).toBeGreaterThan(20 * 20);
  });

  test('listScenarios names protocols, bugs and properties', () => {
    const pp = listScenarios().find((s) => s.name === 'ping-pong');
    expect(pp?.bugs).toEqual(['count-duplicates', 'no-retry']);
    expect(pp?.properties).toEqual(['pongs-match-rounds', 'all-rounds-done']);
  });
});

describe('schedules', () => {
  test('replaying a saved schedule gives the same trace hash, without the seed', () => {
    const r = mustRun('ping-pong', { seed: 77, bug: 'count-duplicates' });
    const text = scheduleToJson(r);
    const replay = replaySchedule(text.replace('"seed": 77', '"seed": 0'), 'x.json');
    expect(replay.ok).toBe(true);
    if (!replay.ok) return;
    expect(replay.value.hashMatches).toBe(true);
    expect(replay.value.traceHash).toBe(r.traceHash);
    expect(replay.value.violations).toEqual(r.violations);
    expect(replay.value.fallbackCount).toBe(0);
  });

  test('a truncated schedule still runs, on defaults', () => {
    const r = mustRun('ping-pong', { seed: 5 });
    const half = r.schedule.slice(0, Math.floor(r.schedule.length / 2));
    const a = mustRun('ping-pong', { seed: 5, schedule: half });
    expect(a.fallbackCount).toBeGreaterThan(0);
    expect(a.events).toBeGreaterThan(0);
    expect(a.traceHash).not.toBe(r.traceHash);
    const none = mustRun('ping-pong', { seed: 5, schedule: [] });
    // defaults: no loss, no duplicates, minimal delays, minimal retry timeouts
    expect(none.execution.messages.every((m) => m.fate === 'delivered' && m.receiveEvents.length === 1)).toBe(true);
    expect(none.ok).toBe(true);
    expect(mustRun('ping-pong', { seed: 6, schedule: [] }).traceHash).toBe(none.traceHash);
  });

  test('schedule file errors say what is wrong', () => {
    const good = JSON.parse(scheduleToJson(mustRun('ping-pong', { seed: 1, eventsMax: 30 })));
    const bad = (patch: object) => readScheduleFile(JSON.stringify({ ...good, ...patch }), 's.json');
    expect(readScheduleFile(scheduleToJson(mustRun('ping-pong', { seed: 1, eventsMax: 30 })), 's.json').ok).toBe(true);
    const cases: [object, RegExp][] = [
      [{ format: 'x' }, /"format" is "x"; expected "dsim-schedule"/],
      [{ version: 2 }, /"version" is 2; this dsim reads version 1/],
      [{ seed: 'abc' }, /"seed" is "abc"; expected an unsigned 32-bit integer/],
      [{ choices: [['delay', 1.5]] }, /choices\[0\] is \["delay",1.5\]; expected a pair/],
      [{ choices: undefined }, /"choices" is missing/],
    ];
    for (const [patch, message] of cases) {
      const r = bad(patch);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    const broken = readScheduleFile('{\n  "format": "dsim-schedule",\n  oops\n}', 's.json');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect([broken.error.source, broken.error.line]).toEqual(['s.json', 3]);
    const unknown = replaySchedule(JSON.stringify({ ...good, scenario: 'gone' }), 's.json');
    expect(!unknown.ok && unknown.error.message).toMatch(/unknown scenario "gone"/);
  });
});

describe('plans and protocol errors', () => {
  test('a negative ratio or bad node is a clear error', () => {
    const neg = validatePlan({ network: fixedNetwork(1, { loss: [-1, 10] }) }, 3);
    expect(!neg.ok && neg.error.message).toMatch(/network\.loss is \[-1, 10\]; expected a ratio/);
    const node = validatePlan({ network: fixedNetwork(1), scripted: [{ atTicks: 1, action: { kind: 'crash', node: 7 } }] }, 3);
    expect(!node.ok && node.error.message).toMatch(/scripted\[0\]\.action\.node is 7; expected a node 0\.\.2/);
    const delay = validatePlan({ network: fixedNetwork(1, { delayTicksMin: 5, delayTicksMax: 2 }) }, 3);
    expect(!delay.ok && delay.error.message).toMatch(/delayTicksMax is 2, below delayTicksMin 5/);
    const step = validatePlan({ network: fixedNetwork(1), random: { stepTicks: 0, crash: [1, 2], restart: [1, 2], partition: [0, 1], heal: [0, 1], pause: [0, 1], resume: [0, 1] } }, 3);
    expect(!step.ok && step.error.message).toMatch(/random\.stepTicks is 0/);
  });

  test('a handler that throws ends the run with a protocol error naming node and event', () => {
    const boom: Protocol<number, string> = {
      name: 'boom',
      init(ctx) {
        if (ctx.self === 0) ctx.send(1, 'hi');
        return 0;
      },
      onMessage() {
        throw new Error('kaboom');
      },
      onTimer: (s) => s,
      observe: (s) => ({ s }),
    };
    const r = run(boom, 3, { network: fixedNetwork(1) });
    expect(r.endReason).toBe('protocol-error');
    expect(r.protocolError).toEqual({ node: 1, eventId: 3, message: 'kaboom' });
    expect(r.execution.events).toHaveLength(3);
  });

  test('context misuse is a protocol error too', () => {
    const misuse: Protocol<number, string> = {
      name: 'misuse',
      init(ctx) {
        ctx.send(5, 'x');
        return 0;
      },
      onMessage: (s) => s,
      onTimer: (s) => s,
      observe: (s) => ({ s }),
    };
    const r = run(misuse, 2, { network: fixedNetwork(1) });
    expect(r.protocolError?.message).toBe('send to node 5, but nodes are 0..1');
  });

  test('client history records invokes and completions with times; crashes start a new process', () => {
    const kv: Protocol<number, never> = {
      name: 'kv',
      init(ctx) {
        ctx.invoke({ f: 'write', key: 'k', value: ctx.self });
        ctx.setTimer('done', 3);
        return 0;
      },
      onMessage: (s) => s,
      onTimer(s, _t, ctx) {
        ctx.complete('ok', ctx.self);
        return s;
      },
      observe: (s) => ({ s }),
    };
    const r = run(kv, 2, { network: fixedNetwork(1), scripted: [{ atTicks: 1, action: { kind: 'crash', node: 1 } }, { atTicks: 2, action: { kind: 'restart', node: 1 } }] });
    expect(r.history).toEqual([
      { process: 0, type: 'invoke', f: 'write', key: 'k', value: 0, timeTicks: 0 },
      { process: 1, type: 'invoke', f: 'write', key: 'k', value: 1, timeTicks: 0 },
      { process: 3, type: 'invoke', f: 'write', key: 'k', value: 1, timeTicks: 2 },
      { process: 0, type: 'ok', f: 'write', key: 'k', value: 0, timeTicks: 3 },
      { process: 3, type: 'ok', f: 'write', key: 'k', value: 1, timeTicks: 5 },
    ]);
  });

  test('the execution hash is stable and sensitive', () => {
    const a = mustRun('ping-pong', { seed: 3 }).execution;
    expect(executionHash(a)).toBe(executionHash(mustRun('ping-pong', { seed: 3 }).execution));
    const changed = { ...a, events: a.events.map((e, i) => (i === 5 ? { ...e, fields: { ...e.fields, round: 99 } } : e)) };
    expect(executionHash(changed)).not.toBe(executionHash(a));
  });
});

describe('the registry', () => {
  test('every registered scenario runs, and its saved schedule replays to the same trace hash', () => {
    const names = listScenarios().map((s) => s.name);
    expect(names).toContain('ping-pong');
    for (const name of names) {
      const r = mustRun(name, { seed: 2 });
      expect(r.events, name).toBeGreaterThan(0);
      const replay = replaySchedule(scheduleToJson(r), `${name}.json`);
      expect(replay.ok && replay.value.hashMatches, name).toBe(true);
    }
  });
});
