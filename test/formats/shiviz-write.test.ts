import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildExecution } from '../../execution/build.js';
import type { EventInput } from '../../execution/build.js';
import type { Execution, State, StateValue } from '../../execution/types.js';
import { parseShiViz, writeShiViz } from '../../formats/shiviz.js';
import { clocksByHostName, ok } from './helpers.js';

/** Pinned, so a failure replays; printed in the test's name. */
const ROUND_TRIP_SEED = 1733444849;

interface Step {
  readonly host: number;
  /** Host whose latest clock this event merges (a receive), or null. */
  readonly from: number | null;
  readonly label: string;
  readonly fields: State;
}

/** An execution in which each step is an event of `host`, merging `from`'s latest clock when given. */
function simulate(hosts: readonly string[], steps: readonly Step[]): Execution {
  const n = hosts.length;
  const latest = hosts.map(() => new Array<number>(n).fill(0));
  const events: EventInput[] = steps.map((step) => {
    const h = step.host % n;
    const clock = [...latest[h]!];
    const j = step.from === null ? h : step.from % n;
    const merged = j !== h && latest[j]!.some((v, k) => v > clock[k]!);
    latest[j]!.forEach((v, k) => (clock[k] = Math.max(clock[k]!, v)));
    clock[h]!++;
    latest[h] = clock;
    return { host: h, kind: merged ? 'receive' : 'internal', label: step.label, clock, fields: step.fields };
  });
  return buildExecution({ label: 'sim', hosts, events });
}

function statesByHostName(exec: Execution): Record<string, readonly State[]> {
  return Object.fromEntries(exec.hosts.map((host, h) => [host, exec.hostStates[h]!]));
}

/** Hosts that log at least one event (a host without events cannot appear in a log). */
function withoutIdleHosts<T>(exec: Execution, byName: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(byName).filter(([host]) => exec.byHost[exec.hosts.indexOf(host)]!.length > 0));
}

function roundTrip(exec: Execution): Execution {
  const executions = ok(parseShiViz(writeShiViz(exec), { source: 'written.log', kv: true, uploadFormat: true }));
  expect(executions).toHaveLength(1);
  return executions[0]!;
}

function expectSameOrderAndStates(original: Execution, reread: Execution): void {
  expect(clocksByHostName(reread)).toEqual(withoutIdleHosts(original, clocksByHostName(original)));
  expect(statesByHostName(reread)).toEqual(withoutIdleHosts(original, statesByHostName(original)));
}

describe('writeShiViz', () => {
  const exec = simulate(
    ['client', 'server', 'idle'],
    [
      { host: 0, from: null, label: 'start', fields: { role: 'client', n: 0 } },
      { host: 1, from: null, label: 'start', fields: { role: 'server' } },
      { host: 1, from: 0, label: 'recv x=1 from client', fields: { n: 1, note: 'two words', ok: true } },
      { host: 0, from: 1, label: 'reply\nreceived', fields: { n: 2, id: '007' } },
    ],
  );

  test('writes GoVector lines under an upload header', () => {
    expect(writeShiViz(exec).split('\n')).toEqual([
      String.raw`(?<host>\S*) (?<clock>{.*})\n(?<event>.*)`,
      '',
      'client {"client":1}',
      'start role=client n=0',
      'server {"server":1}',
      'start role=server',
      'server {"server":2, "client":1}',
      'recv x:1 from client role=server n=1 note="two words" ok=true',
      'client {"client":2, "server":2}',
      'reply received role=client n=2 id="007"',
      '',
    ]);
  });

  test('reading it back gives the same clocks and states', () => {
    const reread = roundTrip(exec);
    expect(reread.hosts).toEqual(['client', 'server']);
    expectSameOrderAndStates(exec, reread);
    expect(reread.events.map((e) => e.kind)).toEqual(['internal', 'internal', 'receive', 'receive']);
  });

  test('host names that GoVector cannot write are made safe and unique', () => {
    const odd = simulate(['node one', '', '_'], [0, 1, 2].map((host) => ({ host, from: null, label: 'e', fields: {} })));
    expect(roundTrip(odd).hosts).toEqual(['node_one', '_', '__2']);
  });

  test('an empty last line would be trimmed away, so it is written as "-"', () => {
    const quiet = simulate(['a'], [{ host: 0, from: null, label: '', fields: {} }]);
    expect(writeShiViz(quiet).endsWith('a {"a":1}\n-\n')).toBe(true);
    expect(roundTrip(quiet).events).toHaveLength(1);
  });

  test('a label that starts with a quote cannot swallow the pairs after it (fast-check seed 1733444849 found it)', () => {
    const quoted = simulate(['h'], [{ host: 0, from: null, label: '"', fields: { '=': false } }]);
    expect(statesByHostName(roundTrip(quoted))).toEqual({ h: [{}, { '=': false }] });
    const words = simulate(['h'], [{ host: 0, from: null, label: 'say "hi', fields: { 'a b': 1, c: '"' } }]);
    expect(statesByHostName(roundTrip(words))).toEqual({ h: [{}, { 'a b': 1, c: '"' }] });
  });

  test(`random executions survive the round trip (fast-check, seed ${ROUND_TRIP_SEED})`, () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('x=1', 'a "b=c"=1', ' '));
    const value: fc.Arbitrary<StateValue> = fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      text,
      fc.boolean(),
    );
    const key = fc.oneof(fc.constantFrom('term', 'votedFor', 'log.length'), text);
    const hostName = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,6}$/);
    const step = fc.record({
      host: fc.nat(7),
      from: fc.option(fc.nat(7)),
      label: text,
      fields: fc.dictionary(key, value, { maxKeys: 3 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(hostName, { minLength: 1, maxLength: 5 }),
        fc.array(step, { minLength: 1, maxLength: 30 }),
        (hosts, steps) => {
          const original = simulate(hosts, steps);
          expectSameOrderAndStates(original, roundTrip(original));
        },
      ),
      { seed: ROUND_TRIP_SEED, numRuns: 300 },
    );
  });
});
