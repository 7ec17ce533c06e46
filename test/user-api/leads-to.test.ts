/**
 * `leadsTo` and `answered`: hand-worked runs of a request/ack protocol, and `leadsTo` against an independent
 * brute-force reading of the same runs on random seeds (fast-check, the suite's pinned seed).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { answered, defineScenario, leadsTo, NETWORK_RELIABLE, run, type Execution, type Protocol, type State } from '../../index.js';
import '../../testing/index.js';
import { kvScenario } from '../workload/kv-scenario.js';

type Msg = { readonly kind: 'req'; readonly n: number } | { readonly kind: 'ack'; readonly n: number };
interface S {
  readonly pending: boolean;
  readonly done: number;
}
const OPS = 3;
const RETRY_TICKS = 10;

/** Node 0 acks every request; every other node, as a client, makes OPS requests in turn. Bug `no-retry`: a lost request is never sent again. */
function requests(bug: 'no-retry' | undefined): Protocol<S, Msg> {
  const ask = (done: number, ctx: Parameters<Protocol<S, Msg>['init']>[0]): S => {
    ctx.invoke({ f: 'write', value: ctx.self * 10 + done });
    ctx.send(0, { kind: 'req', n: done });
    if (bug === undefined) ctx.setTimer('retry', RETRY_TICKS);
    return { pending: true, done };
  };
  return {
    name: 'requests',
    init: (ctx) => (ctx.self === 0 ? { pending: false, done: 0 } : ask(0, ctx)),
    onMessage(s, from, msg, ctx) {
      if (msg.kind === 'req') {
        ctx.send(from, { kind: 'ack', n: msg.n });
        return s;
      }
      if (!s.pending || msg.n !== s.done) return s;
      ctx.complete('ok', msg.n);
      ctx.cancelTimer('retry');
      if (s.done + 1 < OPS) ctx.setTimer('next', 5);
      return { pending: false, done: s.done + 1 };
    },
    onTimer(s, timer, ctx) {
      if (timer === 'next') return ask(s.done, ctx);
      ctx.send(0, { kind: 'req', n: s.done });
      ctx.setTimer('retry', RETRY_TICKS);
      return s;
    },
    observe: (s) => ({ pending: s.pending, done: s.done }),
  };
}

const HEAL = 100;
const answeredFast = leadsTo<S & State>('request-answered', (s) => s.pending, (s) => !s.pending, { withinTicks: 30 });
const scenario = defineScenario({
  name: 'requests',
  protocol: requests,
  nodes: 3,
  faults: { network: { ...NETWORK_RELIABLE, loss: [1, 3] }, healAtTicks: HEAL },
  properties: [answeredFast, answered({ withinTicksAfterHeal: 30 })],
  bugs: { 'no-retry': 'a lost request is never sent again' },
});

describe('leadsTo and answered on hand-worked runs', () => {
  test('with retries every request is answered within the bound after the heal point; without, some is not', () => {
    for (let seed = 0; seed < 20; seed++) expect(run(scenario, { seed })).toHoldEverywhere();
    const broken = [...Array(20).keys()].map((seed) => run(scenario, { seed, bug: 'no-retry' })).filter((r) => !r.ok);
    expect(broken.length).toBeGreaterThan(0);
    const r = broken[0]!;
    expect(r.violations.map((v) => v.property).sort()).toEqual(['answered', 'request-answered']);
    const byName = Object.fromEntries(r.violations.map((v) => [v.property, v.message]));
    expect(byName['request-answered']).toMatch(/^p[12] after event \d+ .* satisfied the trigger, but the same node did not reach the goal by tick \d+; state then .*pending/);
    expect(byName['answered']).toMatch(/^client [12]'s write, invoked at tick \d+, had no answer by tick \d+/);
  });

  test('the bound counts from the heal point: a request pending through the faults is not owed before it', () => {
    // Partitioned from the start until the heal point: every first request waits for the heal.
    const cut = defineScenario({
      name: 'requests-cut',
      protocol: requests,
      nodes: 3,
      faults: { network: NETWORK_RELIABLE, scripted: [{ atTicks: 0, action: { kind: 'isolate', node: 0 } }], healAtTicks: HEAL },
      properties: [answeredFast, answered({ withinTicksAfterHeal: 30 })],
    });
    const r = run(cut, { seed: 3 });
    expect(r).toHoldEverywhere();
    expect(r.history.find((e) => e.type === 'ok')!.timeTicks!).toBeGreaterThanOrEqual(HEAL);
    // Counted from the trigger instead (no heal point), the same wait is a violation.
    const strict = defineScenario({
      name: 'requests-strict',
      protocol: requests,
      nodes: 3,
      faults: { network: NETWORK_RELIABLE, scripted: [{ atTicks: 0, action: { kind: 'isolate', node: 0 } }, { atTicks: HEAL, action: { kind: 'heal' } }] },
      properties: [answeredFast],
    });
    expect(run(strict, { seed: 3 })).toViolate('request-answered');
  });

  test('a run a limit stopped before the deadline leaves it undecided; a quiet run is judged', () => {
    const r = run(scenario, { seed: 1, eventsMax: 6 });
    expect(r.violations).toEqual([]);
    expect(r.undecided.map((u) => u.property).sort()).toEqual(['answered', 'request-answered']);
    expect(r.undecided[0]!.message).toMatch(/the run stopped at tick \d+ \(events-limit\) before the deadline/);
    expect(r).toHoldEverywhere({ accept: { undecided: ['answered', 'request-answered'] } });
  });

  test("where: 'any-node' is met by another node's state", () => {
    // p1 pending leads to p0 ... never pending: p0 (the server) is never pending, so any-node holds at once.
    const any = leadsTo<S & State>('someone-idle', (s) => s.pending, (s) => !s.pending, { withinTicks: 0, where: 'any-node' });
    const same = leadsTo<S & State>('self-idle', (s) => s.pending, (s) => !s.pending, { withinTicks: 0 });
    const s = defineScenario({ name: 'requests-any', protocol: requests, nodes: 3, properties: [any, same] });
    const r = run(s, { seed: 2 });
    expect(r.violations.map((v) => v.property)).toEqual(['self-idle']);
  });

  test("a workload's requests: answered after the heal by the store, not when the clients' timeout outlasts the bound", () => {
    const withAnswered = (timeoutTicks: number, bound: number) =>
      defineScenario({
        name: 'workload-kv-answered',
        protocol: () => kvScenario.build({ bug: undefined, nodes: 3 }).protocol,
        nodes: 3,
        faults: kvScenario.build({ bug: undefined, nodes: 3 }).faults,
        workload: { ...kvScenario.build({ bug: undefined, nodes: 3 }).workload!, timeoutTicks },
        limits: { eventsMax: 5_000, timeTicksMax: 2_000 },
        properties: [answered({ withinTicksAfterHeal: bound })],
      });
    const ok = withAnswered(40, 60);
    for (let seed = 0; seed < 10; seed++) expect(run(ok, { seed })).toHoldEverywhere();
    // A client that waits 400 ticks for an answer the bound says must come in 5: a request in flight at the heal
    // (or lost to a crash) is answered late or never.
    const strict = withAnswered(400, 5);
    const broken = [...Array(10).keys()].map((seed) => run(strict, { seed })).filter((r) => !r.ok);
    expect(broken.length).toBeGreaterThan(0);
    expect(broken[0]!.violations[0]!.message).toMatch(/^client \d+'s (get|put) [xy], invoked at tick \d+, had no answer by tick \d+/);
  });

  test('bad bounds are input errors naming the property', () => {
    expect(() => leadsTo('x', () => true, () => true, { withinTicks: -1 })).toThrow(/property x: withinTicks is -1; expected an integer ≥ 0/);
    expect(() => answered({ withinTicksAfterHeal: 1.5 })).toThrow(/property answered: withinTicksAfterHeal is 1.5/);
  });
});

/** Independent reading of p ↝ q (same node): for each time p comes true on a node, look for q on that node by the deadline. */
function bruteLeadsTo(exec: Execution, p: (s: State) => boolean, q: (s: State) => boolean, within: number, heal: number) {
  const unmet: number[] = [];
  exec.byHost.forEach((own, h) => {
    const states = own.map((id, k) => (exec.events[id]!.kind === 'crash' ? undefined : exec.hostStates[h]![k + 1]!));
    const times = own.map((id) => exec.events[id]!.timeTicks ?? 0);
    states.forEach((s, k) => {
      const before = k === 0 ? undefined : states[k - 1];
      if (s === undefined || !p(s) || (before !== undefined && p(before))) return;
      const deadline = Math.max(times[k]!, heal) + within;
      const met = states.some((t, j) => j >= k && times[j]! <= deadline && t !== undefined && q(t));
      if (!met) unmet.push(deadline);
    });
  });
  return unmet.length === 0 ? undefined : Math.min(...unmet);
}

describe('leadsTo against a brute-force reading', () => {
  test('same verdict on random seeds, bounds and fault mixes (crashes, loss)', () => {
    const seen = { held: 0, violated: 0, undecided: 0 };
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 40 }), fc.boolean(), fc.constantFrom(undefined, 'no-retry' as const), (seed, within, crashes, bug) => {
        const prop = leadsTo<S & State>('owed', (s) => s.pending, (s) => !s.pending, { withinTicks: within });
        const s = defineScenario({
          name: 'requests-random',
          protocol: requests,
          nodes: 3,
          faults: {
            network: { ...NETWORK_RELIABLE, loss: [1, 4] },
            ...(crashes ? { random: { stepTicks: 15, crash: [1, 4], restart: [1, 2], partition: [0, 1], heal: [1, 2], pause: [0, 1], resume: [1, 1] } } : {}),
            healAtTicks: 80,
          },
          properties: [prop],
          bugs: { 'no-retry': 'no retry' },
        });
        const r = run(s, { seed, bug });
        const deadline = bruteLeadsTo(r.execution, (x) => x.pending === true, (x) => x.pending === false, within, 80);
        const expected = deadline === undefined ? 'held' : r.endReason !== 'quiescent' && r.endTicks < deadline ? 'undecided' : 'violated';
        const got = r.violations.length > 0 ? 'violated' : r.undecided.length > 0 ? 'undecided' : 'held';
        expect(got).toBe(expected);
        seen[got]++;
      }),
      { numRuns: 150 },
    );
    // The samples reach both verdicts, so the comparison is not vacuous.
    expect(seen.held).toBeGreaterThan(10);
    expect(seen.violated).toBeGreaterThan(10);
  });
});
