/** A user's property whose check throws is the user's mistake: one input error naming the property, never a crash. */
import { expect, test } from 'vitest';
import { DsimInputError, property, run } from '../../index.js';
import { counterScenario } from './fixtures.js';

test('a property check that throws is a DsimInputError naming the property and the throw', () => {
  const broken = counterScenario([property('broken', () => { throw new TypeError('cannot read x of undefined'); })]);
  expect(() => run(broken, { seed: 1 })).toThrow(DsimInputError);
  expect(() => run(broken, { seed: 1 })).toThrow(/^property broken: its check threw TypeError: cannot read x of undefined$/);
});
