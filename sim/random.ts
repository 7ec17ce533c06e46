/**
 * The one seeded source of randomness. Algorithm pinned: seedrandom's **Alea** (`seedrandom.alea`), seeded with the
 * decimal text of the 32-bit seed. The API is integer-only; probabilities are integer ratios.
 */
import seedrandom from 'seedrandom';
import { fail, succeed, type Failable } from '../execution/failable.js';
import type { Ratio } from './plan.js';

/** A deterministic generator of integers. */
export class Random {
  private readonly next: () => number;

  /** `seed`: an unsigned 32-bit integer. */
  constructor(readonly seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`bad seed ${seed}`);
    this.next = seedrandom.alea(String(seed));
  }

  /** An integer in `[0, n)`; `n` ≥ 1 and at most 2^32. */
  intBelow(n: number): number {
    if (!(n >= 1)) throw new Error(`intBelow(${n})`);
    return Math.floor(this.next() * n);
  }

  /** An integer in the inclusive range `[min, max]`. */
  intRange(min: number, max: number): number {
    if (max < min) throw new Error(`intRange(${min}, ${max})`);
    return min + this.intBelow(max - min + 1);
  }

  /** True with probability numerator / denominator. */
  chance(numerator: number, denominator: number): boolean {
    if (numerator <= 0) return false;
    if (numerator >= denominator) return true;
    return this.intBelow(denominator) < numerator;
  }

  /** `chance` of a ratio. */
  chanceOf(ratio: Ratio): boolean {
    return this.chance(ratio[0], ratio[1]);
  }

  /** A child generator for a named component, derived from this generator's seed and the name (not its position). */
  child(name: string): Random {
    return new Random(mixSeed(this.seed, name));
  }
}

/** FNV-1a over the seed's bytes and the name's UTF-16 units: a stable 32-bit child seed. */
export function mixSeed(seed: number, name: string): number {
  let h = 0x811c9dc5;
  for (let shift = 0; shift < 32; shift += 8) {
    h = Math.imul(h ^ ((seed >>> shift) & 0xff), 0x01000193);
  }
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Parses a seed: an unsigned 32-bit integer in decimal (`42`) or hex (`0x2a`). */
export function parseSeed(text: string, source = 'seed'): Failable<number> {
  const t = text.trim();
  const ok = /^(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(t);
  const value = ok ? Number(t) : NaN;
  if (!ok || !Number.isSafeInteger(value) || value > 0xffffffff) {
    return fail({
      source,
      message: `"${text}" is not a seed; expected an unsigned 32-bit integer in decimal (42) or hex (0x2a), at most 4294967295`,
    });
  }
  return succeed(value);
}
