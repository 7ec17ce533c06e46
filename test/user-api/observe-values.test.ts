/**
 * `observe(state, node)`: it is given the node, and a value the engine cannot read ends the run with a protocol
 * error naming the node, the event and the field, instead of being recorded silently.
 */
import { describe, expect, test } from 'vitest';
import { defineScenario, never, run, type Protocol, type State } from '../../index.js';
import { observedProblem } from '../../sim/observe-check.js';

/** Every node ticks twice; node 1's second event observes `bad` as `load`. */
function ticker(bad: unknown, fields?: readonly string[]): Protocol<{ ticks: number }, never> {
  return {
    name: 'ticker',
    ...(fields === undefined ? {} : { fields }),
    init(ctx) {
      ctx.setTimer('tick', 5);
      return { ticks: 0 };
    },
    onMessage: (s) => s,
    onTimer: (s) => ({ ticks: s.ticks + 1 }),
    observe: (s, node) => (node === 1 && s.ticks === 1 ? ({ ticks: s.ticks, load: bad } as unknown as State) : { ticks: s.ticks, load: 0 }),
  };
}

function runWith(protocol: Protocol<{ ticks: number }, never>) {
  return run(defineScenario({ name: 'ticker', protocol, nodes: 2, properties: [] }), { seed: 1 });
}

class Point {
  constructor(readonly x: number) {}
}

describe('what observe may return', () => {
  test('observe is given the node it observes', () => {
    const r = runWith({ ...ticker(0), observe: (s, node) => ({ ticks: s.ticks, me: node ?? -1 }) });
    expect(r.ok).toBe(true);
    expect(r.execution.hostStates.map((states) => states[states.length - 1]!['me'])).toEqual([0, 1]);
  });

  test.each([
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [undefined, 'undefined'],
    [null, 'null'],
    [() => 1, 'a function'],
    [new Map([['a', 1]]), 'a Map'],
    [new Point(1), 'a Point'],
    [{ nested: 1 }, 'a nested object'],
    [[1, 2], 'an array'],
  ])('%s as a field value is a protocol error naming the node, the event and the field', (bad, what) => {
    const r = runWith(ticker(bad));
    expect(r.ok).toBe(false);
    expect(r.endReason).toBe('protocol-error');
    // Events: p0 start (0), p1 start (1), p0 tick (2), p1 tick (3): the bad value comes at event 3.
    expect(r.protocolError).toBe(
      `protocol error at p1, event 3: observe returned ${what} for field 'load'; a state value must be a finite number, ` +
        'a string or a boolean (flatten objects into fields; leave a field out while it is unset)',
    );
  });

  test('a state that is no plain object, and a field the protocol does not declare, are protocol errors too', () => {
    expect(observedProblem(new Map(), undefined)).toBe('observe returned a Map; expected a plain object of fields ({ name: value, ... })');
    expect(observedProblem(undefined, undefined)).toBe('observe returned undefined; expected a plain object of fields');
    expect(observedProblem(Object.assign(Object.create(null), { a: 1 }), undefined)).toBeUndefined();
    const r = runWith(ticker(0, ['ticks']));
    expect(r.protocolError).toBe("protocol error at p0, event 0: observe returned field 'load', which the protocol's fields do not list (ticks)");
  });

  test('finite numbers, strings and booleans pass, and a declared field set by no event reads as unset', () => {
    const declared = defineScenario({
      name: 'ticker',
      protocol: ticker(-0.5, ['ticks', 'load', 'lease']),
      nodes: 2,
      properties: [never('no-lease', 'any(has(lease))'), never('no-negative-load', 'any(load < 0)')],
    });
    const r = run(declared, { seed: 1 });
    expect(r.protocolError).toBeUndefined();
    expect(r.violations.map((v) => v.property)).toEqual(['no-negative-load']);
  });
});
