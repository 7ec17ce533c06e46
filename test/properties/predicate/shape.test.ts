import { expect, test } from 'vitest';
import { buildExecution } from '../../../execution/build.js';
import { compilePredicate } from '../../../properties/predicate/index.js';
import type { LocalPredicate, PredicateShape } from '../../../properties/predicate-types.js';

const exec = buildExecution({
  label: 'two hosts',
  hosts: ['p1', 'p2'],
  events: [
    { host: 0, kind: 'internal', label: 'a', clock: [1, 0], fields: { x: 1, load: 7 } },
    { host: 0, kind: 'internal', label: 'b', clock: [2, 0], fields: { x: 2, load: 3 } },
    { host: 1, kind: 'internal', label: 'c', clock: [0, 1], fields: { y: 1 } },
    { host: 1, kind: 'internal', label: 'd', clock: [0, 2], fields: { y: 5 } },
  ],
});

function shapeOf(text: string): PredicateShape {
  const result = compilePredicate(text, exec);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.shape;
}

/** For each local: its host and holds(k) for k = 0..2. */
function table(shape: PredicateShape): [number, boolean[]][] {
  if (shape.kind !== 'conjunctive') throw new Error(`expected conjunctive, got ${shape.kind}`);
  return shape.locals.map((l: LocalPredicate) => [l.host, [0, 1, 2].map((k) => l.holds(k))]);
}

test('one term per host', () => {
  expect(table(shapeOf('p1.x > 1 && p2.y == 1'))).toEqual([
    [0, [false, false, true]],
    [1, [false, true, false]],
  ]);
});

test('terms of one host merge, in any position, through parentheses', () => {
  expect(table(shapeOf('p1.x >= 1 && (p2.y == 1 || p2.y == 5) && p1.load < 5'))).toEqual([
    [0, [false, false, true]],
    [1, [false, true, true]],
  ]);
  expect(table(shapeOf('!(p2.y == 1)'))).toEqual([[1, [true, false, true]]]);
});

test('constant terms join the first host', () => {
  expect(table(shapeOf('true && p2.y == 5'))).toEqual([
    [0, [true, true, true]],
    [1, [false, false, true]],
  ]);
  expect(table(shapeOf('p2.y == 5 && 1 > 2'))).toEqual([
    [0, [false, false, false]],
    [1, [false, false, true]],
  ]);
});

test('general when a term reads two hosts, the whole system, or the top is not a conjunction', () => {
  expect(shapeOf('p1.x > p2.y').kind).toBe('general');
  expect(shapeOf('p1.x > 0 && p1.x > p2.y').kind).toBe('general');
  expect(shapeOf('sum(x) > 0 && p1.x > 0').kind).toBe('general');
  expect(shapeOf('all(x > 0)').kind).toBe('general');
  expect(shapeOf('p1.x > 0 && inTransit() == 0').kind).toBe('general');
  expect(shapeOf('p1.x > 0 || p2.y > 0').kind).toBe('general');
});

test('declared stable wins over conjunctive', () => {
  expect(shapeOf('stable: p1.x > 1 && p2.y > 1')).toEqual({ kind: 'stable' });
});
