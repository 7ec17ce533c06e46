/** Validation of random faults and of node sets: each problem is one sentence naming the field. */
import { RANDOM_PARTITION_SHAPES, type KindFaults, type RandomFaults } from './plan.js';
import { integerProblem, ratioProblem, type Problem } from './validate.js';

const KINDS = ['crash', 'restart', 'partition', 'pause', 'resume', 'clog'] as const;
const BUDGETS = ['crashesMax', 'pausesMax', 'partitionsMax', 'clogsMax'] as const;

/** Problems of a plan's `random` for a cluster of `n` nodes. */
export function randomProblems(r: RandomFaults, n: number): Problem[] {
  const out: Problem[] = [integerProblem('random.stepTicks', r.stepTicks, 1), ratioProblem('random.heal', r.heal)];
  for (const k of KINDS) {
    const value = r[k];
    if (value !== undefined) out.push(...kindProblems(`random.${k}`, value, n, k === 'crash' || k === 'pause'));
  }
  if (r.unclog !== undefined) out.push(ratioProblem('random.unclog', r.unclog));
  if (r.clogFactorMax !== undefined) out.push(integerProblem('random.clogFactorMax', r.clogFactorMax, 2));
  if (r.nodes !== undefined) out.push(...nodeSetProblems('random.nodes', r.nodes, n));
  if (r.downMax !== undefined) out.push(integerProblem('random.downMax', r.downMax, 0));
  for (const b of BUDGETS) {
    const value = r[b];
    if (value !== undefined) out.push(integerProblem(`random.${b}`, value, 0));
  }
  const shapes = r.partitionShapes;
  if (shapes !== undefined) {
    if (!Array.isArray(shapes) || shapes.length === 0) out.push('random.partitionShapes is empty; expected at least one shape');
    else {
      const bad = shapes.find((s) => !(RANDOM_PARTITION_SHAPES as readonly string[]).includes(s));
      if (bad !== undefined) out.push(`random.partitionShapes has "${String(bad)}"; expected shapes among ${RANDOM_PARTITION_SHAPES.join(', ')}`);
    }
  }
  return out;
}

function kindProblems(field: string, k: KindFaults, n: number, downs: boolean): Problem[] {
  if (Array.isArray(k)) return [ratioProblem(field, k as readonly [number, number])];
  if (typeof k !== 'object' || k === null || !('ratio' in k)) {
    return [`${field} is ${JSON.stringify(k)}; expected a ratio [numerator, denominator] or { ratio, nodes }`];
  }
  const out: Problem[] = [ratioProblem(`${field}.ratio`, k.ratio)];
  if (k.nodes !== undefined) out.push(...nodeSetProblems(`${field}.nodes`, k.nodes, n));
  if (k.downMax !== undefined) {
    out.push(downs ? integerProblem(`${field}.downMax`, k.downMax, 0) : `${field}.downMax is set, but only crash and pause take nodes down`);
  }
  return out;
}

/** Problems of a set of nodes: a non-empty list of distinct nodes 0..n-1. */
export function nodeSetProblems(field: string, nodes: readonly number[], n: number): Problem[] {
  if (!Array.isArray(nodes) || nodes.length === 0) return [`${field} is empty; expected at least one node 0..${n - 1}`];
  const bad = nodes.find((x) => !Number.isInteger(x) || x < 0 || x >= n);
  if (bad !== undefined) return [`${field} has node ${String(bad)}; expected nodes 0..${n - 1}`];
  const twice = nodes.find((x, i) => nodes.indexOf(x) !== i);
  return twice === undefined ? [] : [`${field} lists node ${twice} twice`];
}
