/** Messages between the fuzz campaign (main thread) and its workers. */
import type { InputError } from '../../execution/failable.js';
import type { RunInput } from '../strategies/corpus.js';
import type { RunExploration } from '../strategies/exploration.js';
import type { CompactSchedule } from '../strategies/mutate.js';
import type { StrategyConfig } from '../strategies/types.js';

/** What every run of a campaign shares. */
export interface CampaignJob {
  /** The scenario's name: a built-in's, or one of the scenarios `file` holds. */
  readonly scenario: string;
  /** A user's scenario: the file (absolute path) each worker imports to find it by name. */
  readonly file?: string | undefined;
  /** A user's scenario: its definition hash, which the worker's copy must have (the file did not change under it). */
  readonly definitionHash?: string | undefined;
  readonly bug: string | undefined;
  readonly nodes: number | undefined;
  readonly eventsMax: number | undefined;
  readonly swarm: boolean;
  /** How runs are steered (absent: `random`). */
  readonly strategy?: StrategyConfig | undefined;
}

/** Main → worker: run these seeds. */
export interface BatchRequest {
  readonly batch: number;
  readonly seeds: readonly number[];
  /** A coverage campaign's plan of each run, parallel to `seeds`. */
  readonly inputs?: readonly RunInput[];
}

/** One seed's result. */
export interface SeedOutcome {
  readonly seed: number;
  readonly events: number;
  /** The trace hash of a failing seed; empty for a seed that passed (not computed). */
  readonly traceHash: string;
  /** Violated properties (a handler failure counts as property `protocol-error`). */
  readonly violations: readonly { readonly property: string; readonly message: string }[];
  /** Properties the seed's run could not decide (a limit stopped it or a search first), with what they reached. */
  readonly undecided: readonly { readonly property: string; readonly message: string }[];
  /** What the run explored (coverage keys, shape, faults fired). */
  readonly explored?: RunExploration;
  /**
   * The run's schedule, when the seed alone does not reproduce the run (a coverage campaign's mutant), or the run
   * failed under a strategy other than `random`: replaying it is how the failure is reproduced and shrunk.
   */
  readonly choices?: CompactSchedule;
  /** Set when a strategy steered the run, so that its seed alone does not remake it (its `choices` do). */
  readonly steered?: true;
  /** A coverage run: the tick at which each choice of `choices` was made. */
  readonly choiceTicks?: readonly number[];
}

/** Worker → main. */
export type WorkerReply =
  | { readonly kind: 'batch'; readonly batch: number; readonly outcomes: readonly SeedOutcome[] }
  | { readonly kind: 'input-error'; readonly error: InputError };
