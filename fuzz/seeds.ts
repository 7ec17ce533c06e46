import { fail, succeed, type Failable } from '../execution/failable.js';

/** A run of consecutive seeds `start, start + 1, ...` (modulo 2^32). */
export interface SeedRange {
  readonly start: number;
  readonly count: number;
}

/** The k-th of n disjoint slices of a campaign (1-based k). */
export interface Shard {
  readonly index: number;
  readonly total: number;
}

/** Parses `--shard k/n` (1 ≤ k ≤ n). */
export function parseShard(text: string): Failable<Shard> {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match === null ? Number.NaN : Number(match[1]);
  const total = match === null ? Number.NaN : Number(match[2]);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(total) || total < 1 || index < 1 || index > total) {
    return fail({ source: '--shard', message: `"${text}" is not a shard k/n with 1 ≤ k ≤ n (e.g. 2/8)` });
  }
  return succeed({ index, total });
}

/**
 * The slice of `range` that shard k/n runs: contiguous and disjoint, the slices together cover the range exactly
 * (slice sizes differ by at most one seed).
 */
export function shardRange(range: SeedRange, shard: Shard): SeedRange {
  const from = Math.floor(((shard.index - 1) * range.count) / shard.total);
  const to = Math.floor((shard.index * range.count) / shard.total);
  return { start: (range.start + from) >>> 0, count: to - from };
}

/** The i-th seed of a range (0-based), wrapping at 2^32. */
export function seedAt(range: SeedRange, i: number): number {
  return (range.start + i) >>> 0;
}
