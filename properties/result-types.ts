/** The answer of a check: `unknown` when a limit stopped the search before it could decide. */
export type Verdict = 'holds' | 'fails' | 'unknown';

/** A cut with, where the algorithm has one, a path of events (ids, in order) from the empty cut that reaches it. */
export interface Witness {
  /** cut[h] = number of host h's events in the cut. */
  readonly cut: Int32Array;
  /** Event ids in the order they are added from the empty cut; every prefix is a consistent cut. */
  readonly path?: readonly number[];
}

/** Limits on a search; a search that reaches one answers `unknown` with what it reached. */
export interface SearchLimits {
  /** Consistent cuts visited at most (default `CUTS_MAX_DEFAULT`). */
  readonly cutsMax?: number;
  /** Cuts held in memory at once at most, e.g. one level of a breadth-first search (default `LEVEL_CUTS_MAX_DEFAULT`). */
  readonly levelCutsMax?: number;
  /**
   * Called with the cuts visited so far every `progressEvery` cuts (default `PROGRESS_EVERY_DEFAULT`) of a long
   * search, to show progress; it never changes what the search does.
   */
  readonly onProgress?: (cutsVisited: number) => void;
  readonly progressEvery?: number;
}

export const PROGRESS_EVERY_DEFAULT = 1 << 20;

export const CUTS_MAX_DEFAULT = 100_000_000;
export const LEVEL_CUTS_MAX_DEFAULT = 2_000_000;

export interface CheckResult {
  /** `possibly`, `definitely`, `sequence-pos`, `sequence-def`, `pattern`, ... */
  readonly modality: string;
  readonly predicate: string;
  readonly verdict: Verdict;
  /** The algorithm that decided: `lexical`, `cooper-marzullo`, `weak-conjunctive`, `strong-conjunctive`, `stable`, ... */
  readonly algorithm: string;
  readonly cutsVisited: number;
  /** Possibly: the satisfying cut and a path to it. ¬Definitely: the last cut of a path of ¬φ cuts and the path. */
  readonly witness?: Witness;
  /** When verdict is `unknown`: which limit stopped the search, in words. */
  readonly stoppedBy?: string;
}
