/** The decider that steers one run of a strategy (none for `random`: the seed decides everything). */
import type { ChoiceDecider } from '../../sim/decider.js';
import type { RunInput } from './corpus.js';
import { MutantDecider } from './mutate.js';
import { PctDecider } from './pct.js';
import { PosDecider } from './pos.js';
import { PCT_DEPTH_DEFAULT, type StrategyConfig } from './types.js';

/**
 * The decider of the run of `seed` under `strategy` on `nodes` nodes; `input` is a coverage campaign's plan for the
 * run (null or absent: a fresh run).
 */
export function deciderFor(strategy: StrategyConfig | undefined, nodes: number, seed: number, input?: RunInput): ChoiceDecider | undefined {
  switch (strategy?.name ?? 'random') {
    case 'random':
      return undefined;
    case 'pct':
      return new PctDecider(nodes, strategy!.depth ?? PCT_DEPTH_DEFAULT, strategy!.eventsEstimate ?? 1000, seed);
    case 'pos':
      return new PosDecider(seed);
    case 'coverage':
      return input === undefined || input === null ? undefined : new MutantDecider(input.plan);
  }
}
