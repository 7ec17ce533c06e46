/**
 * The corpus of a coverage campaign: the runs that reached coverage no run before them had (coverage-keys.ts), each
 * kept as its schedule. Runs are planned a generation at a time, from the corpus as it was at the generation's start,
 * and absorbed in seed order, so a campaign is the same whatever number of workers ran it.
 *
 * Which parent a mutant comes from favours rare coverage, as AFL's and Mallory's schedulers do: a parent is drawn
 * with weight the sum, over its keys, of 1 / (runs that hit the key). One run in `FRESH_ONE_IN` is a fresh random
 * run, so the campaign never stops exploring from scratch.
 */
import { mixSeed, Random } from '../../sim/random.js';
import { firstPositionAt, mutate, MUTATIONS, type CompactSchedule, type MutantPlan, type MutationName } from './mutate.js';

/** One run in this many is fresh (not a mutant). */
export const FRESH_ONE_IN = 5;
/** Runs between two reweighings of the corpus when it has not grown. */
export const REWEIGH_RUNS = 512;
/** Entries kept at most; past it a new entry replaces the one of lowest weight. */
export const CORPUS_ENTRIES_MAX = 2_000;

interface Entry {
  readonly seed: number;
  readonly schedule: CompactSchedule;
  readonly keys: readonly string[];
  /** Position of the first choice made after the tick at which the run first reached a key new to the corpus. */
  readonly focus: number;
}

/** What a run of a coverage campaign is asked to do: a mutant of the corpus, or (null) a fresh run. */
export type RunInput = { readonly mutation: MutationName; readonly parent: number; readonly plan: MutantPlan } | null;

/** How the mutations fared: runs made with each, and how many of them reached new coverage. */
export type MutationCounts = Record<MutationName | 'fresh', { tried: number; admitted: number }>;

export class Corpus {
  private readonly entries: Entry[] = [];
  private readonly hits = new Map<string, number>();
  private weights: number[] = [];
  private weightTotal = 0;
  readonly mutations: MutationCounts = Object.fromEntries(
    [...MUTATIONS, 'fresh'].map((m) => [m, { tried: 0, admitted: 0 }]),
  ) as MutationCounts;

  /** Entries in the corpus. */
  get size(): number {
    return this.entries.length;
  }

  /** The inputs of a generation's runs, from the corpus as it is now. */
  plan(seeds: readonly number[]): RunInput[] {
    // Weights cost a pass over every entry's keys: all are redone every REWEIGH_RUNS runs absorbed (a count, never
    // a time, so the draw is the same on every machine); entries new since then are weighed as they come.
    if (this.absorbed - this.weighedAt >= REWEIGH_RUNS) this.reweigh();
    for (let i = this.weights.length; i < this.entries.length; i++) {
      const w = this.weightOf(this.entries[i]!);
      this.weights.push(w);
      this.weightTotal += w;
    }
    return seeds.map((seed) => this.planOne(seed));
  }

  private planOne(seed: number): RunInput {
    const random = new Random(mixSeed(seed, 'coverage'));
    if (this.entries.length === 0 || random.intBelow(FRESH_ONE_IN) === 0) return null;
    const parent = this.pick(random);
    const other = this.entries[random.intBelow(this.entries.length)]!;
    const chosen = this.entries[parent]!;
    const { name, plan } = mutate(chosen.schedule, other.schedule, random, chosen.focus);
    return { mutation: name, parent: this.entries[parent]!.seed, plan };
  }

  private pick(random: Random): number {
    if (this.weightTotal <= 0) return random.intBelow(this.entries.length);
    // Integer weights, so the draw is exact on every machine.
    let r = random.intBelow(this.weightTotal);
    for (let i = 0; i < this.weights.length; i++) {
      r -= this.weights[i]!;
      if (r < 0) return i;
    }
    return this.entries.length - 1;
  }

  private absorbed = 0;
  private weighedAt = 0;

  private reweigh(): void {
    this.weighedAt = this.absorbed;
    this.weights = this.entries.map((e) => this.weightOf(e));
    this.weightTotal = this.weights.reduce((a, b) => a + b, 0);
  }

  /** 1 + the sum of 1000 / hits over the entry's keys, rounded down: rare coverage weighs most. */
  private weightOf(e: Entry): number {
    let w = 0;
    for (const k of e.keys) w += 1000 / (this.hits.get(k) ?? 1);
    return 1 + Math.floor(w);
  }

  /**
   * Takes a run's outcome (in seed order): its keys count as hit, and a run with a key no run had before joins the
   * corpus. Answers whether it joined.
   */
  absorb(seed: number, input: RunInput, run: { readonly keys: readonly string[]; readonly keyTicks: readonly number[] }, schedule: CompactSchedule, choiceTicks: readonly number[]): boolean {
    const keys = run.keys;
    let fresh = false;
    let freshTick = Infinity;
    for (const [i, k] of keys.entries()) {
      const h = this.hits.get(k);
      if (h === undefined) {
        fresh = true;
        freshTick = Math.min(freshTick, run.keyTicks[i] ?? 0);
      }
      this.hits.set(k, (h ?? 0) + 1);
    }
    this.absorbed++;
    const counts = this.mutations[input === null ? 'fresh' : input.mutation];
    counts.tried++;
    if (!fresh) return false;
    counts.admitted++;
    const entry = { seed, schedule, keys, focus: firstPositionAt(choiceTicks, freshTick + 1) };
    if (this.entries.length < CORPUS_ENTRIES_MAX) {
      this.entries.push(entry);
      return true;
    }
    let lowest = 0;
    let lowestWeight = Infinity;
    for (let i = 0; i < this.entries.length; i++) {
      const w = this.weightOf(this.entries[i]!);
      if (w < lowestWeight) [lowest, lowestWeight] = [i, w];
    }
    this.entries[lowest] = entry;
    return true;
  }
}
