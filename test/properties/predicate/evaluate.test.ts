import { describe, expect, test } from 'vitest';
import { buildExecution } from '../../../execution/build.js';
import type { Execution } from '../../../execution/types.js';
import { compilePredicate } from '../../../properties/predicate/index.js';
import type { CutPredicate } from '../../../properties/predicate-types.js';

/**
 * p1: e0 {x:1, load:4}  e1 send m0→p2 {x:2}  e4 {x:3, s:'hi', load:1}  e5 send m1→p2 (dropped)
 * p2: e2 {y:1, load:2}  e3 recv m0 {y:5}  e6 send m2→p1 (in flight) {inCS:1}
 * "odd host": e7 {load:9, inCS:1, ready:true}
 */
function example(): Execution {
  return buildExecution({
    label: 'example',
    hosts: ['p1', 'p2', 'odd host'],
    events: [
      { host: 0, kind: 'internal', label: 'a', clock: [1, 0, 0], fields: { x: 1, load: 4 } },
      { host: 0, kind: 'send', label: 'b', clock: [2, 0, 0], sent: [0], fields: { x: 2 } },
      { host: 1, kind: 'internal', label: 'c', clock: [0, 1, 0], fields: { y: 1, load: 2 } },
      { host: 1, kind: 'receive', label: 'd', clock: [2, 2, 0], received: 0, fields: { y: 5 } },
      { host: 0, kind: 'internal', label: 'e', clock: [3, 0, 0], fields: { x: 3, s: 'hi', load: 1 } },
      { host: 0, kind: 'send', label: 'f', clock: [4, 0, 0], sent: [1], fields: {} },
      { host: 1, kind: 'send', label: 'g', clock: [2, 3, 0], sent: [2], fields: { inCS: 1 } },
      { host: 2, kind: 'internal', label: 'h', clock: [0, 0, 1], fields: { load: 9, inCS: 1, ready: true } },
    ],
    messages: [
      { id: 0, from: 0, to: 1, sendEvent: 1, receiveEvents: [3], fate: 'delivered', summary: 'm0' },
      { id: 1, from: 0, to: 1, sendEvent: 5, receiveEvents: [], fate: 'dropped', summary: 'm1' },
      { id: 2, from: 1, to: 0, sendEvent: 6, receiveEvents: [], fate: 'in-flight', summary: 'm2' },
    ],
  });
}

function compiled(text: string, exec: Execution = example()): CutPredicate {
  const result = compilePredicate(text, exec);
  if (!result.ok) throw new Error(`unexpected error: ${result.error.message}`);
  return result.value;
}

function at(text: string, ...cut: number[]): boolean {
  return compiled(text).evaluate(Int32Array.from(cut));
}

describe('evaluation', () => {
  test('host fields read the accumulated state of the cut', () => {
    expect(at('p1.x == 1', 1, 0, 0)).toBe(true);
    expect(at('p1.x == 3 && p1.load == 1', 3, 0, 0)).toBe(true);
    expect(at('p1.x == 3', 4, 0, 0)).toBe(true); // e5 sets nothing: x keeps its last value
    expect(at('p1.x >= 2 * p2.y', 2, 1, 0)).toBe(true);
    expect(at('p1.x >= 2 * p2.y', 2, 2, 0)).toBe(false);
    expect(at('"odd host".ready', 0, 0, 1)).toBe(true);
    expect(at('p1.s == "hi" && p1.s < \'hj\' && p1.s != "h"', 3, 0, 0)).toBe(true);
  });

  test('arithmetic', () => {
    expect(at('p1.x * 2 + 1 == 7', 3, 0, 0)).toBe(true);
    expect(at('-p1.x == -3', 3, 0, 0)).toBe(true);
    expect(at('p1.x / 2 == 1.5', 3, 0, 0)).toBe(true);
    expect(at('10 - 3 - 2 == 5', 0, 0, 0)).toBe(true);
  });

  test('an unset field makes comparisons false, and ! of them true', () => {
    expect(at('p1.x == 1', 0, 0, 0)).toBe(false);
    expect(at('p1.x != 1', 0, 0, 0)).toBe(false);
    expect(at('!(p1.x == 1)', 0, 0, 0)).toBe(true);
    expect(at('!p1.x == 1', 0, 0, 0)).toBe(true);
    expect(at('p1.x + 1 > 0 || p1.x + 1 <= 0', 0, 0, 0)).toBe(false);
    expect(at('p1.inCS == 1', 4, 3, 1)).toBe(false); // p1 never sets inCS
    expect(at('"odd host".ready', 0, 0, 0)).toBe(false);
    expect(at('!"odd host".ready', 0, 0, 0)).toBe(true);
  });

  test('division by zero is unset', () => {
    expect(at('p1.x / 0 == p1.x / 0', 1, 0, 0)).toBe(false);
    expect(at('!(p1.x / (p1.x - 1) > 0)', 1, 0, 0)).toBe(true);
    expect(at('p1.x / (p1.x - 1) > 0', 2, 0, 0)).toBe(true);
  });

  test('values of different types are unequal and do not order', () => {
    expect(at('p1.s == 3', 3, 0, 0)).toBe(false);
    expect(at('p1.s != 3', 3, 0, 0)).toBe(true);
    expect(at('p1.s < 3 || p1.s >= 3', 3, 0, 0)).toBe(false);
    expect(at('"odd host".ready == true', 0, 0, 1)).toBe(true);
    expect(at('"odd host".ready != 1', 0, 0, 1)).toBe(true);
    expect(at('p1.x + p1.s > 0 || !(p1.x + p1.s > 0)', 3, 0, 0)).toBe(true); // string arithmetic is unset
    expect(at('p1.x + p1.s > 0', 3, 0, 0)).toBe(false);
  });

  test('sum, min and max are unset while any host has the field unset', () => {
    expect(at('sum(load) == 15', 1, 1, 1)).toBe(true);
    expect(at('sum(load) > 0', 1, 1, 0)).toBe(false);
    expect(at('sum(load) > 0 || sum(load) <= 0', 1, 1, 0)).toBe(false);
    expect(at('max(load) - min(load) <= 3', 1, 1, 1)).toBe(false);
    expect(at('max(load) == 9 && min(load) == 1', 3, 1, 1)).toBe(true);
    expect(at('sum(load * 2) == 24', 3, 1, 1)).toBe(true);
  });

  test('count, all and any iterate the hosts', () => {
    expect(at('count(inCS == 1) == 0', 0, 0, 0)).toBe(true);
    expect(at('count(inCS == 1) == 2', 4, 3, 1)).toBe(true);
    expect(at('count(inCS == 1) <= 1', 4, 3, 1)).toBe(false);
    expect(at('count(!(inCS == 1)) == 1', 4, 3, 1)).toBe(true);
    expect(at('all(load > 0)', 1, 1, 1)).toBe(true);
    expect(at('all(load > 0)', 1, 0, 1)).toBe(false);
    expect(at('any(ready)', 1, 0, 1)).toBe(true);
    expect(at('any(ready)', 1, 0, 0)).toBe(false);
    expect(at('count(load > p2.load) == 2', 1, 1, 1)).toBe(true);
    expect(at('count(load == max(load)) == 1', 1, 1, 1)).toBe(true);
  });

  test('inTransit counts messages sent and not yet received; dropped messages never count', () => {
    const all = compiled('inTransit() == 1');
    const none = compiled('inTransit() == 0');
    expect(none.evaluate(Int32Array.from([0, 0, 0]))).toBe(true);
    expect(all.evaluate(Int32Array.from([2, 0, 0]))).toBe(true); // m0 sent
    expect(all.evaluate(Int32Array.from([2, 1, 0]))).toBe(true);
    expect(none.evaluate(Int32Array.from([2, 2, 0]))).toBe(true); // m0 received
    expect(none.evaluate(Int32Array.from([4, 2, 0]))).toBe(true); // m1 dropped
    expect(all.evaluate(Int32Array.from([4, 3, 0]))).toBe(true); // m2 in flight
    expect(at('inTransit(p1, p2) == 1 && inTransit(p2, p1) == 0', 2, 1, 0)).toBe(true);
    expect(at('inTransit(p1, p2) == 0 && inTransit(p2, "p1") == 1', 4, 3, 0)).toBe(true);
    expect(at('inTransit(p1, "odd host") == 0', 4, 3, 1)).toBe(true);
  });

  test('stable: prefix', () => {
    const p = compiled('stable: p2.y == 5');
    expect(p.shape).toEqual({ kind: 'stable' });
    expect(p.evaluate(Int32Array.from([2, 2, 0]))).toBe(true);
    expect(p.text).toBe('stable: p2.y == 5');
  });
});

describe('names are checked against the execution', () => {
  function errorOf(text: string, exec: Execution = example()): { column: number | undefined; message: string } {
    const result = compilePredicate(text, exec);
    if (result.ok) throw new Error('expected an error');
    return { column: result.error.column, message: result.error.message };
  }

  test('unknown host', () => {
    expect(errorOf('p1.x > 0 && p9.x > 0')).toEqual({
      column: 13,
      message: "unknown host 'p9'; the hosts are p1, p2, odd host",
    });
    expect(errorOf('inTransit(p1, q) > 0').column).toBe(15);
  });

  test('unknown field', () => {
    expect(errorOf('p1.lod > 0')).toEqual({
      column: 4,
      message: "unknown field 'lod': no event sets it; the fields are inCS, load, ready, s, x, y",
    });
    expect(errorOf('sum(lod) > 0').column).toBe(5);
  });

  test('a field set only by another host is not an error', () => {
    expect(compilePredicate('p1.y == 1', example()).ok).toBe(true);
  });

  test('inTransit without message links', () => {
    const exec = buildExecution({
      label: 'log',
      hosts: ['a', 'b'],
      events: [
        { host: 0, kind: 'send', label: 's', clock: [1, 0], fields: {} },
        { host: 1, kind: 'receive', label: 'r', clock: [1, 1], fields: {} },
      ],
    });
    expect(errorOf('inTransit() == 0', exec)).toEqual({
      column: 1,
      message: 'inTransit needs message links (sends matched to receives), and this execution records none',
    });
  });
});
