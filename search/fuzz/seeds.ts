import { fail, succeed, type Failable } from '../../execution/failable.js';

/** A run of consecutive seeds `start, start + 1, ...`, never past `SEED_LAST` (see `campaignRange`). */
export interface SeedRange {
  readonly start: number;
  readonly count: number;
}

/** The last seed there is (seeds are unsigned 32-bit). */
export const SEED_LAST = 0xffffffff;

/**
 * The seeds of a campaign: `seeds` seeds from `start`, or (without a count: a time-budget campaign) every seed from
 * `start` to `SEED_LAST`. A count that runs past `SEED_LAST` is an input error, never a silent wrap to seed 0.
 */
export function campaignRange(start: number, seeds: number | undefined): Failable<SeedRange> {
  const room = SEED_LAST - start + 1;
  if (seeds === undefined) return succeed({ start, count: room });
  if (seeds > room) {
    return fail({
      source: '--seeds',
      message: `${seeds} seeds from ${start} run past the last seed ${SEED_LAST}; give --seeds ${room} at most, or a lower --seed-start`,
    });
  }
  return succeed({ start, count: seeds });
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
