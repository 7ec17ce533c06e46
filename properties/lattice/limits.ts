import { CUTS_MAX_DEFAULT, LEVEL_CUTS_MAX_DEFAULT, PROGRESS_EVERY_DEFAULT, type SearchLimits } from '../result-types.js';

/** SearchLimits with the defaults filled in. */
export interface ResolvedLimits {
  readonly cutsMax: number;
  readonly levelCutsMax: number;
  /** Where a search reports progress, when it does. */
  readonly progress?: Progress;
}

/** A progress callback and how many cuts apart it is called. */
export interface Progress {
  readonly onProgress: (cutsVisited: number) => void;
  readonly every: number;
}

/**
 * The next count of visited cuts at which a search must stop to look: `cutsMax` (to end it), or sooner, to report
 * progress. Called with 0 before the search, and again each time the count reaches the answer; it reports `visited`
 * to `progress` when that is past 0 and short of `cutsMax`. Searches compare their count with it alone, so a
 * search without progress costs what it did.
 */
export function nextPause(visited: number, cutsMax: number, progress: Progress | undefined): number {
  if (progress === undefined) return cutsMax;
  if (visited > 0 && visited < cutsMax) progress.onProgress(visited);
  return Math.min(cutsMax, visited + progress.every);
}

/** Fills in the defaults of `limits` and asserts that the limits given are positive integers. */
export function resolveLimits(limits: SearchLimits | undefined): ResolvedLimits {
  const cutsMax = limits?.cutsMax ?? CUTS_MAX_DEFAULT;
  const levelCutsMax = limits?.levelCutsMax ?? LEVEL_CUTS_MAX_DEFAULT;
  if (!(Number.isSafeInteger(cutsMax) && cutsMax > 0)) throw new Error(`cutsMax must be a positive integer, got ${cutsMax}`);
  if (!(Number.isSafeInteger(levelCutsMax) && levelCutsMax > 0)) {
    throw new Error(`levelCutsMax must be a positive integer, got ${levelCutsMax}`);
  }
  if (limits?.onProgress === undefined) return { cutsMax, levelCutsMax };
  const every = limits.progressEvery ?? PROGRESS_EVERY_DEFAULT;
  if (!(Number.isSafeInteger(every) && every > 0)) throw new Error(`progressEvery must be a positive integer, got ${every}`);
  return { cutsMax, levelCutsMax, progress: { onProgress: limits.onProgress, every } };
}

/** Words for a search stopped by the cutsMax limit. */
export function stoppedByCuts(cutsMax: number): string {
  return `the limit of ${cutsMax} cuts visited (cutsMax) was reached`;
}

/** Words for a search stopped by the levelCutsMax limit. */
export function stoppedByLevel(levelCutsMax: number, level: number): string {
  return `level ${level} of the lattice holds more than ${levelCutsMax} cuts (levelCutsMax)`;
}
