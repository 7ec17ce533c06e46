/** Messages between the fuzz campaign (main thread) and its workers. */
import type { InputError } from '../execution/failable.js';

/** What every run of a campaign shares. */
export interface CampaignJob {
  readonly scenario: string;
  readonly bug: string | undefined;
  readonly nodes: number | undefined;
  readonly eventsMax: number | undefined;
  readonly swarm: boolean;
}

/** Main → worker: run these seeds. */
export interface BatchRequest {
  readonly batch: number;
  readonly seeds: readonly number[];
}

/** One seed's result. */
export interface SeedOutcome {
  readonly seed: number;
  readonly events: number;
  /** The trace hash of a failing seed; empty for a seed that passed (not computed). */
  readonly traceHash: string;
  /** Violated properties (a handler failure counts as property `protocol-error`). */
  readonly violations: readonly { readonly property: string; readonly message: string }[];
  /** Properties the seed's run could not decide (a limit stopped it or a search first). */
  readonly undecided: readonly string[];
}

/** Worker → main. */
export type WorkerReply =
  | { readonly kind: 'batch'; readonly batch: number; readonly outcomes: readonly SeedOutcome[] }
  | { readonly kind: 'input-error'; readonly error: InputError };
