import { CUTS_MAX_DEFAULT, LEVEL_CUTS_MAX_DEFAULT, type SearchLimits } from '../result-types.js';

/** SearchLimits with the defaults filled in. */
export interface ResolvedLimits {
  readonly cutsMax: number;
  readonly levelCutsMax: number;
}

/** Fills in the defaults of `limits` and asserts that the limits given are positive integers. */
export function resolveLimits(limits: SearchLimits | undefined): ResolvedLimits {
  const cutsMax = limits?.cutsMax ?? CUTS_MAX_DEFAULT;
  const levelCutsMax = limits?.levelCutsMax ?? LEVEL_CUTS_MAX_DEFAULT;
  if (!(Number.isSafeInteger(cutsMax) && cutsMax > 0)) throw new Error(`cutsMax must be a positive integer, got ${cutsMax}`);
  if (!(Number.isSafeInteger(levelCutsMax) && levelCutsMax > 0)) {
    throw new Error(`levelCutsMax must be a positive integer, got ${levelCutsMax}`);
  }
  return { cutsMax, levelCutsMax };
}

/** Words for a search stopped by the cutsMax limit. */
export function stoppedByCuts(cutsMax: number): string {
  return `the limit of ${cutsMax} cuts visited (cutsMax) was reached`;
}

/** Words for a search stopped by the levelCutsMax limit. */
export function stoppedByLevel(levelCutsMax: number, level: number): string {
  return `level ${level} of the lattice holds more than ${levelCutsMax} cuts (levelCutsMax)`;
}
