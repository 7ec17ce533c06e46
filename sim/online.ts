/**
 * Online detection while a simulation runs: a conjunction of local predicates (one per host, over the host's
 * observable state) is checked event by event with Garg–Waldecker's online weak-conjunctive checker, and the run
 * stops at the event that completes the first (least) consistent cut where the conjunction holds.
 */
import type { State } from '../execution/types.js';
import { OnlineConjunctiveDetector } from '../properties/lattice/online.js';
import type { NodeId } from './process.js';
import { simulate, type SimulationConfig, type SimulationResult } from './simulator.js';

/** A local predicate of one host over its observable state (accumulated over its events, as predicates read it). */
export interface StateConjunct {
  readonly host: NodeId;
  readonly holds: (state: State) => boolean;
}

export interface OnlineDetection {
  /** The run, ended by `observer-stop` when the conjunction was detected. */
  readonly result: SimulationResult;
  /** The least consistent cut where the conjunction holds (cut[h] = events of host h), or undefined. */
  readonly detected: Int32Array | undefined;
}

/** Runs `config` until the conjunction of `conjuncts` possibly holds (hosts without a conjunct are unconstrained). */
export function simulateUntilConjunction(config: SimulationConfig, conjuncts: readonly StateConjunct[]): OnlineDetection {
  const n = config.nodeCount;
  if (config.workload !== undefined) throw new RangeError('online conjunctive detection runs without a workload (its clients are hosts it does not know)');
  const byHost: ((state: State) => boolean)[][] = Array.from({ length: n }, () => []);
  for (const c of conjuncts) {
    if (!Number.isInteger(c.host) || c.host < 0 || c.host >= n) throw new RangeError(`conjunct names host ${c.host} of ${n}`);
    byHost[c.host]!.push(c.holds);
  }
  const states: State[] = Array.from({ length: n }, () => ({}));
  const holds = (h: number) => byHost[h]!.every((f) => f(states[h]!));
  const detector = new OnlineConjunctiveDetector(n, states.map((_, h) => holds(h)));
  const result = simulate({
    ...config,
    record: true,
    observer: {
      onEvent(host, index, clock, fields) {
        states[host] = { ...states[host], ...fields };
        return detector.feed({ host, index, clock, holds: holds(host) });
      },
    },
  });
  return { result, detected: detector.finish() };
}
