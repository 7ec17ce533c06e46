/** Validation of fault plans and limits: a bad value is an InputError naming the field and what was expected. */
import { fail, succeed, type Failable } from '../execution/failable.js';
import type { Limits } from './limits.js';
import { PARTITION_SHAPES, type FaultAction, type FaultPlan, type LinkBehaviour, type LinkOverride, type Ratio, type StorageFaults } from './plan.js';
import { nodeSetProblems, randomProblems } from './validate-random.js';

/** A problem in words, or undefined. */
export type Problem = string | undefined;

/** Checks a plan for a cluster of `nodeCount` nodes; the error names the first bad field. */
export function validatePlan(plan: FaultPlan, nodeCount: number, source = 'fault plan'): Failable<FaultPlan> {
  const problems: Problem[] = [
    ...linkProblems('network', plan.network),
    ...(plan.links ?? []).flatMap((l, i) => overrideProblems(`links[${i}]`, l, nodeCount)),
    ...(plan.scripted ?? []).flatMap((s, i) => [
      tickProblem(`scripted[${i}].atTicks`, s.atTicks),
      ...actionProblems(`scripted[${i}].action`, s.action, nodeCount),
    ]),
    plan.healAtTicks === undefined ? undefined : tickProblem('healAtTicks', plan.healAtTicks),
    ...(plan.clockSkews ?? []).flatMap((s, i) => [
      nodeProblem(`clockSkews[${i}].node`, s.node, nodeCount),
      integerProblem(`clockSkews[${i}].offsetTicks`, s.offsetTicks, -Infinity),
      integerProblem(`clockSkews[${i}].ratePercent`, s.ratePercent, 1),
    ]),
  ];
  if (plan.random !== undefined) problems.push(...randomProblems(plan.random, nodeCount));
  if (plan.storage !== undefined) problems.push(...storageProblems(plan.storage));
  const first = problems.find((p) => p !== undefined);
  return first === undefined ? succeed(plan) : fail({ source, message: first });
}

function storageProblems(s: StorageFaults): Problem[] {
  if (typeof s !== 'object' || s === null) return [`storage is ${String(s)}; expected an object with ratios lose, torn, readError and fsyncDelay`];
  const out: Problem[] = [];
  for (const k of ['lose', 'torn', 'readError', 'fsyncDelay'] as const) {
    const r = s[k] as Ratio | undefined;
    out.push(Array.isArray(r) ? ratioProblem(`storage.${k}`, r) : `storage.${k} is ${String(r)}; expected a ratio [numerator, denominator]`);
  }
  if (s.fsyncTicks !== undefined) out.push(integerProblem('storage.fsyncTicks', s.fsyncTicks, 1));
  if (s.fsyncDelayTicksMax !== undefined) out.push(integerProblem('storage.fsyncDelayTicksMax', s.fsyncDelayTicksMax, 1));
  return out;
}

/** Checks limits (positive integers). */
export function validateLimits(limits: Partial<Limits>, source = 'limits'): Failable<Partial<Limits>> {
  const first = [
    limits.eventsMax === undefined ? undefined : integerProblem('eventsMax', limits.eventsMax, 1),
    limits.timeTicksMax === undefined ? undefined : integerProblem('timeTicksMax', limits.timeTicksMax, 0),
    limits.storageCharsMax === undefined ? undefined : integerProblem('storageCharsMax', limits.storageCharsMax, 0),
  ].find((p) => p !== undefined);
  return first === undefined ? succeed(limits) : fail({ source, message: first });
}

/** Problem with a ratio, or undefined: `[numerator, denominator]`, integers, 0 ≤ numerator ≤ denominator, denominator ≥ 1. */
export function ratioProblem(field: string, ratio: Ratio): Problem {
  const [num, den] = ratio;
  if (!Number.isInteger(num) || !Number.isInteger(den) || den < 1 || num < 0 || num > den) {
    return `${field} is [${String(num)}, ${String(den)}]; expected a ratio [numerator, denominator] of integers with 0 ≤ numerator ≤ denominator and denominator ≥ 1`;
  }
  return undefined;
}

function linkProblems(field: string, link: Partial<LinkBehaviour>): Problem[] {
  const out: Problem[] = [];
  if (link.delayTicksMin !== undefined) out.push(integerProblem(`${field}.delayTicksMin`, link.delayTicksMin, 1));
  if (link.delayTicksMax !== undefined) out.push(integerProblem(`${field}.delayTicksMax`, link.delayTicksMax, 1));
  if (link.delayTicksMin !== undefined && link.delayTicksMax !== undefined && link.delayTicksMax < link.delayTicksMin) {
    out.push(`${field}.delayTicksMax is ${link.delayTicksMax}, below delayTicksMin ${link.delayTicksMin}`);
  }
  if (link.loss !== undefined) out.push(ratioProblem(`${field}.loss`, link.loss));
  if (link.duplication !== undefined) out.push(ratioProblem(`${field}.duplication`, link.duplication));
  if (link.ordering !== undefined && link.ordering !== 'fifo' && link.ordering !== 'unordered') {
    out.push(`${field}.ordering is "${String(link.ordering)}"; expected "fifo" or "unordered"`);
  }
  return out;
}

function overrideProblems(field: string, o: LinkOverride, n: number): Problem[] {
  return [nodeProblem(`${field}.from`, o.from, n), nodeProblem(`${field}.to`, o.to, n), ...linkProblems(field, o)];
}

function actionProblems(field: string, a: FaultAction, n: number): Problem[] {
  switch (a.kind) {
    case 'crash':
    case 'restart':
    case 'pause':
    case 'resume':
    case 'isolate':
      return [nodeProblem(`${field}.node`, a.node, n)];
    case 'partition':
      return [...a.from, ...a.to].map((x) => nodeProblem(`${field} node`, x, n));
    case 'split':
      return a.side.map((x) => nodeProblem(`${field}.side node`, x, n));
    case 'partition-shape':
      return [
        (PARTITION_SHAPES as readonly string[]).includes(a.shape) ? undefined : `${field}.shape is "${String(a.shape)}"; expected one of ${PARTITION_SHAPES.join(', ')}`,
        ...(a.nodes === undefined ? [] : nodeSetProblems(`${field}.nodes`, a.nodes, n)),
      ];
    case 'clog':
      return [
        a.mode === 'symmetric' || a.mode === 'one-way' ? undefined : `${field}.mode is "${String(a.mode)}"; expected "symmetric" or "one-way"`,
        ...nodeSetProblems(`${field}.from`, a.from, n),
        ...nodeSetProblems(`${field}.to`, a.to, n),
        integerProblem(`${field}.factor`, a.factor, 1),
      ];
    case 'heal':
    case 'unclog':
      return [];
    default:
      return [`${field}.kind is "${String((a as { kind: unknown }).kind)}"; expected crash, restart, pause, resume, partition, split, isolate, partition-shape, heal, clog or unclog`];
  }
}

function nodeProblem(field: string, node: number, n: number): Problem {
  return Number.isInteger(node) && node >= 0 && node < n
    ? undefined
    : `${field} is ${String(node)}; expected a node 0..${n - 1}`;
}

function tickProblem(field: string, ticks: number): Problem {
  return integerProblem(field, ticks, 0);
}

/** Problem with an integer field, or undefined. */
export function integerProblem(field: string, value: number, min: number): Problem {
  return Number.isInteger(value) && value >= min
    ? undefined
    : `${field} is ${String(value)}; expected an integer${min === -Infinity ? '' : ` ≥ ${min}`}`;
}
