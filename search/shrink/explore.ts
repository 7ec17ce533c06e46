/**
 * The exploring shrink passes: fresh runs and random mutants, for when the local passes are stuck.
 *
 * Fresh runs: runs drawn anew, from the shrink's own seeded generator, with the choices biased toward small runs
 * (messages lost, timeouts long, random faults never, rarely or often, by turns), each limited to fewer events than
 * the best run. A local search can get stuck where the violation needs a whole episode before it (a leader
 * elected and deposed, then the bug in a later term); a small run that fails the same way from the start is then
 * far smaller. Every draw is a value of the scenario's own ranges, so the kept run replays in the scenario as it is.
 */
import { mixSeed, Random } from '../../sim/random.js';
import type { CandidateParams } from './candidate.js';
import type { ShrinkPass } from './passes.js';
import { decisionsOf, valuesByKey } from './decisions.js';
import type { ShrinkSearch } from './search.js';

/** Events the biased fresh runs of one pass may simulate: many short runs when the best run is short. */
export const SHRINK_FRESH_EVENTS = 200_000;
/** Biased fresh runs one pass makes, at least and at most. */
export const SHRINK_FRESH_RUNS_MIN = 100;
export const SHRINK_FRESH_RUNS_MAX = 2_000;

/** One bias: how often a message is lost, a random fault fires, a protocol choice takes its top, a delay its least. */
interface Bias {
  readonly drop: number;
  readonly fault: number;
  readonly top: number;
  readonly least: number;
}

const BIASES: readonly Bias[] = [
  { drop: 0.5, fault: 0.2, top: 0.5, least: 0.5 },
  { drop: 0.25, fault: 0.5, top: 0.3, least: 0.8 },
  { drop: 0.75, fault: 0.1, top: 0.7, least: 0.5 },
  { drop: 0.1, fault: 0.3, top: 0.5, least: 0.9 },
  { drop: 0.5, fault: 0, top: 0.5, least: 0.5 },
];

function drawer(random: Random, bias: Bias): (kind: string, min: number, max: number) => number {
  const p = (x: number) => random.intBelow(1000) < x * 1000;
  return (kind, min, max) => {
    if (kind === 'drop') return p(bias.drop) ? 1 : 0;
    if (kind === 'duplicate') return p(bias.drop / 4) ? 1 : 0;
    if (kind.startsWith('fault:') && max === 1 && min === 0) return p(bias.fault) ? 1 : 0;
    if (kind === 'delay') return p(bias.least) ? min : random.intRange(min, max);
    if (kind.startsWith('choose:') && p(bias.top)) return max;
    return random.intRange(min, max);
  };
}

/** A biased fresh candidate: drawn from the shrink's generator for `label`, on `nodes` nodes, cut at `eventsMax`. */
function freshCandidate(search: ShrinkSearch, label: string, k: number, eventsMax: number): CandidateParams {
  const random = new Random(mixSeed(search.best.seed, label));
  const draw = drawer(random, BIASES[k % BIASES.length]!);
  // Every other run on the scenario's least cluster (smaller runs, where a small story is likeliest), the others
  // on each size up to the best run's by turns.
  const nodesMin = search.best.definition.nodesMin;
  const nodes = k % 2 === 0 ? nodesMin : nodesMin + ((k >> 1) % (search.best.nodes - nodesMin + 1));
  return { ...search.params, nodes, eventsMax, schedule: undefined, bySite: { keyed: new Map<string, number>(), draw } };
}

/**
 * Biased fresh runs on the cluster sizes up to the best run's, each with fewer events than the best run; a failing
 * one is kept (and shrunk on from there).
 */
export const freshRuns: ShrinkPass = (search: ShrinkSearch) => {
  let kept = false;
  const count = Math.min(SHRINK_FRESH_RUNS_MAX, Math.max(SHRINK_FRESH_RUNS_MIN, Math.floor(SHRINK_FRESH_EVENTS / search.best.events)));
  for (let k = 0; k < count && !search.exhausted(); k++) {
    const eventsMax = search.best.events - 1;
    if (eventsMax < 1) break;
    kept = search.attempt('fresh biased run', freshCandidate(search, `shrink fresh ${search.runs}`, k, eventsMax)) || kept;
  }
  return kept;
};

/** Mutated runs one pass makes. */
export const SHRINK_MUTANTS = 300;

/**
 * Random mutants of the best run, by site: one to three of its decisions changed at once (a fault off, a message
 * lost or delivered, a delay or a protocol choice anywhere in the range seen), the others kept. Escapes a local
 * minimum where two decisions must change together (a crash off and a timeout shorter, so the node stands at the
 * same tick without the crash and its restart).
 */
export const mutants: ShrinkPass = (search: ShrinkSearch) => {
  let kept = false;
  for (let k = 0; k < SHRINK_MUTANTS && !search.exhausted(); k++) {
    const all = decisionsOf(search.best);
    if (all.length === 0) return kept;
    const keyed = valuesByKey(all);
    const random = new Random(mixSeed(search.best.seed, `shrink mutant ${search.runs}`));
    const changes = 1 + random.intBelow(3);
    for (let j = 0; j < changes; j++) {
      const { key, kind } = all[random.intBelow(all.length)]!;
      const least = search.defaults.of(kind);
      keyed.set(key, random.intRange(least, Math.max(least, search.defaults.most(kind))));
    }
    kept = search.attempt('mutant', { ...search.params, schedule: undefined, bySite: { keyed } }, true) || kept;
  }
  return kept;
};
