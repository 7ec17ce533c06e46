/**
 * Validation of the targeted-fault fields: each bad value is one sentence naming the field, and a plan using every
 * new field well passes.
 */
import { describe, expect, test } from 'vitest';
import { NETWORK_RELIABLE, NEVER, type FaultAction, type FaultPlan, type RandomFaults } from '../../sim/plan.js';
import { validatePlan } from '../../sim/validate.js';

const RANDOM: RandomFaults = { stepTicks: 10, crash: [1, 4], restart: [1, 2], partition: [1, 4], heal: [1, 2], pause: NEVER, resume: NEVER };
const message = (plan: FaultPlan): string => {
  const r = validatePlan(plan, 5);
  return r.ok ? 'ok' : r.error.message;
};
const withRandom = (over: Record<string, unknown>): FaultPlan => ({ network: NETWORK_RELIABLE, random: { ...RANDOM, ...over } as RandomFaults });
const withAction = (action: unknown): FaultPlan => ({ network: NETWORK_RELIABLE, scripted: [{ atTicks: 5, action: action as FaultAction }] });

describe('targeted-fault fields are validated', () => {
  test('a plan using every new field passes', () => {
    const plan = withRandom({
      nodes: [1, 2, 3, 4],
      crash: { ratio: [1, 4], nodes: [2, 3], downMax: 1 },
      pause: { ratio: [1, 9] },
      partitionShapes: ['majority', 'bridge', 'ring', 'send-only', 'receive-only', 'isolate', 'split', 'one-way-link'],
      clog: { ratio: [1, 5], nodes: [1, 2] },
      unclog: [1, 2],
      clogFactorMax: 4,
      crashesMax: 2,
      pausesMax: 0,
      partitionsMax: 3,
      clogsMax: 1,
    });
    expect(message({ ...plan, scripted: [
      { atTicks: 1, action: { kind: 'partition-shape', shape: 'ring', nodes: [4, 2, 0, 3, 1] } },
      { atTicks: 2, action: { kind: 'clog', mode: 'one-way', from: [0], to: [1, 2], factor: 3 } },
      { atTicks: 3, action: { kind: 'unclog' } },
    ] })).toBe('ok');
  });

  test.each([
    [{ nodes: [1, 5] }, 'random.nodes has node 5; expected nodes 0..4'],
    [{ nodes: [] }, 'random.nodes is empty; expected at least one node 0..4'],
    [{ nodes: [2, 2] }, 'random.nodes lists node 2 twice'],
    [{ crash: { ratio: [1, 4], nodes: [-1] } }, 'random.crash.nodes has node -1; expected nodes 0..4'],
    [{ crash: { ratio: [5, 4] } }, 'random.crash.ratio is [5, 4]; expected a ratio [numerator, denominator] of integers with 0 ≤ numerator ≤ denominator and denominator ≥ 1'],
    [{ crash: { ratio: [1, 4], downMax: -1 } }, 'random.crash.downMax is -1; expected an integer ≥ 0'],
    [{ restart: { ratio: [1, 4], downMax: 1 } }, 'random.restart.downMax is set, but only crash and pause take nodes down'],
    [{ pause: { nodes: [1] } }, 'random.pause is {"nodes":[1]}; expected a ratio [numerator, denominator] or { ratio, nodes }'],
    [{ crashesMax: -1 }, 'random.crashesMax is -1; expected an integer ≥ 0'],
    [{ pausesMax: 1.5 }, 'random.pausesMax is 1.5; expected an integer ≥ 0'],
    [{ partitionsMax: -2 }, 'random.partitionsMax is -2; expected an integer ≥ 0'],
    [{ clogsMax: -1 }, 'random.clogsMax is -1; expected an integer ≥ 0'],
    [{ partitionShapes: [] }, 'random.partitionShapes is empty; expected at least one shape'],
    [{ partitionShapes: ['majority', 'star'] }, 'random.partitionShapes has "star"; expected shapes among isolate, majority, bridge, ring, send-only, receive-only, split, one-way-link'],
    [{ clog: [2, 1] }, 'random.clog is [2, 1]; expected a ratio [numerator, denominator] of integers with 0 ≤ numerator ≤ denominator and denominator ≥ 1'],
    [{ unclog: [1, 0] }, 'random.unclog is [1, 0]; expected a ratio [numerator, denominator] of integers with 0 ≤ numerator ≤ denominator and denominator ≥ 1'],
    [{ clogFactorMax: 1 }, 'random.clogFactorMax is 1; expected an integer ≥ 2'],
  ])('random %j: %s', (over, expected) => {
    expect(message(withRandom(over))).toBe(expected);
  });

  test.each([
    [{ kind: 'partition-shape', shape: 'star' }, 'scripted[0].action.shape is "star"; expected one of isolate, majority, bridge, ring, send-only, receive-only'],
    [{ kind: 'partition-shape', shape: 'ring', nodes: [0, 7] }, 'scripted[0].action.nodes has node 7; expected nodes 0..4'],
    [{ kind: 'partition-shape', shape: 'ring', nodes: [] }, 'scripted[0].action.nodes is empty; expected at least one node 0..4'],
    [{ kind: 'clog', mode: 'both', from: [0], to: [1], factor: 2 }, 'scripted[0].action.mode is "both"; expected "symmetric" or "one-way"'],
    [{ kind: 'clog', mode: 'one-way', from: [], to: [1], factor: 2 }, 'scripted[0].action.from is empty; expected at least one node 0..4'],
    [{ kind: 'clog', mode: 'one-way', from: [0], to: [9], factor: 2 }, 'scripted[0].action.to has node 9; expected nodes 0..4'],
    [{ kind: 'clog', mode: 'one-way', from: [0], to: [1], factor: 0 }, 'scripted[0].action.factor is 0; expected an integer ≥ 1'],
    [{ kind: 'jam' }, 'scripted[0].action.kind is "jam"; expected crash, restart, pause, resume, partition, split, isolate, partition-shape, heal, clog or unclog'],
  ])('scripted %j: %s', (action, expected) => {
    expect(message(withAction(action))).toBe(expected);
  });
});
