/** The fewer-nodes shrink pass. */
import { scheduleFromStreams } from '../../arbitraries/kind-streams.js';
import type { CandidateParams } from './candidate.js';
import type { ShrinkPass } from './passes.js';
import { decisionsOf, valuesByKey } from './decisions.js';

/** Re-runs spent building a schedule for a smaller cluster. */
const NODES_STREAM_ROUNDS = 3;
/** Fresh seeds tried on a smaller cluster when the run's own choices do not fail there. */
export const NODES_FRESH_SEEDS = 16;

/**
 * Fewer nodes, down to the scenario's least: with the same schedule, with the same choices by kind and rank (the
 * k-th drop of the run stays the k-th drop, the k-th election timeout keeps its value; arbitraries/kind-streams.ts),
 * then fresh runs of the seeds after the run's own. A candidate that fails is first cut right after its violation,
 * then kept when it is smaller.
 */
export const fewerNodes: ShrinkPass = (search) => {
  const scenario = search.best.definition;
  const streams: Record<string, number[]> = {};
  for (const c of search.best.schedule) (streams[c.kind] ??= []).push(c.value);
  const p = search.params;
  for (let nodes = scenario.nodesMin; nodes < search.best.nodes && !search.exhausted(); nodes++) {
    const base = {
      seed: p.seed,
      bug: p.bug,
      nodes,
      eventsMax: search.originalEventsMax,
      timeTicksMax: p.timeTicksMax,
      swarm: p.swarm,
      scriptedFaultsSkipped: p.scriptedFaultsSkipped,
    };
    const byKind = (): CandidateParams => {
      search.runs += NODES_STREAM_ROUNDS + 1;
      return { ...base, scenario: p.scenario, schedule: scheduleFromStreams(p.scenario, base, streams, NODES_STREAM_ROUNDS) };
    };
    const decisions = decisionsOf(search.best);
    const candidates: (() => CandidateParams)[] = [
      ...(decisions.length === 0 ? [] : [() => ({ ...base, scenario: p.scenario, schedule: undefined, bySite: { keyed: valuesByKey(decisions) } })]),
      () => ({ ...base, scenario: p.scenario, schedule: p.schedule }),
      byKind,
      ...Array.from({ length: NODES_FRESH_SEEDS }, (_, k) => () => ({
        ...base,
        scenario: p.scenario,
        seed: (p.seed + k + 1) >>> 0,
        schedule: undefined,
      })),
    ];
    for (const make of candidates) {
      if (search.exhausted()) return false;
      const candidate = make();
      const failing = search.probe(candidate);
      if (failing === undefined) continue;
      const least = search.leastFailingEventsMax(candidate, failing);
      const eventsMax = least < failing.events ? least : candidate.eventsMax;
      if (search.attempt(`${nodes} nodes`, { ...candidate, schedule: failing.schedule, eventsMax })) {
        return true;
      }
    }
  }
  return false;
};
