/**
 * Every nondeterministic decision goes through the chooser, which records it. Fresh runs draw from the seed;
 * replays read the recorded schedule. A decision whose outcome is forced (a range of one value, a ratio of 0 or 1)
 * is not a choice and is not recorded, so fresh runs and replays agree on which decisions are choices.
 *
 * Replay is positional. When the schedule has run out, or its next entry has another kind or a value that no longer
 * fits, the chooser uses the documented default (and consumes the entry): `min` for ranges (minimal delay, first
 * option), `false` for chances (no drop, no duplicate, no fault). So an edited schedule always runs.
 *
 * With sites on, the simulator names where each decision is made (`at`: the event or message it belongs to, see
 * sim/simulator.ts), and every choice gets a site key, `<site>|<kind>#<k>` (the k-th choice of that kind there). A
 * shrinker decides a run by site instead of by position (`SiteOptions.keyed`): an edit that removes or adds
 * decisions elsewhere leaves the others attached to what they decided. The run's schedule is recorded positionally
 * as always, so it replays exactly.
 */
import type { ChoiceDecider } from './decider.js';
import type { Choice } from './outcome.js';
import type { Random } from './random.js';
import type { Ratio } from './plan.js';

/** Deciding a run by site (see the module comment). */
export interface SiteOptions {
  /**
   * Values by site key, clamped into the choice's range; a choice whose key is absent takes `draw`'s value, else
   * its kind's fallback, else its default.
   */
  readonly keyed?: ReadonlyMap<string, number>;
  /** Fallback values by kind (absent: the kind's default), clamped into the choice's range. */
  readonly fallbackByKind?: ReadonlyMap<string, number>;
  /**
   * Decides the choices `keyed` does not (before `fallbackByKind`): a value in `[min, max]`, or undefined to go on.
   * A shrinker's biased fresh runs draw here from their own seeded generator.
   */
  readonly draw?: (kind: string, min: number, max: number) => number | undefined;
}

/** Where the chooser was: a site and the counts of the kinds chosen there. */
export interface SiteMark {
  readonly site: string;
  readonly ticks: number;
  readonly counts: readonly (string | number)[];
}

/** The key of the `rank`-th choice of `kind` at `site`. */
export function siteKey(site: string, kind: string, rank: number): string {
  return `${site}|${kind}#${rank}`;
}

export class Chooser {
  private readonly kinds: string[] = [];
  private readonly values: number[] = [];
  private position = 0;
  /** Replay entries that did not fit and were replaced by defaults. */
  fallbackCount = 0;
  /** Sites on: the site of each choice, and its rank among the choices of its kind there. */
  private readonly sitesOf: string[] | undefined;
  private readonly ranks: number[] = [];
  private readonly ticks: number[] = [];
  private site = '';
  private siteTick = 0;
  /** Kinds chosen at the current site, with their counts (kind, count, kind, count, ...). */
  private readonly atSite: (string | number)[] = [];

  /**
   * Fresh when `replay` is undefined (draws from `random`, or asks `decider` first), replaying otherwise; with
   * `sites`, records site keys, and with `sites.keyed`, decides by site (neither generator nor schedule is read).
   */
  constructor(
    private readonly random: Random | undefined,
    private readonly replay: readonly Choice[] | undefined,
    private readonly sites?: SiteOptions,
    private readonly decider?: ChoiceDecider,
  ) {
    if (random === undefined && replay === undefined && sites?.keyed === undefined) {
      throw new Error('chooser needs a generator, a schedule or site-keyed values');
    }
    if (sites !== undefined) this.sitesOf = [];
  }

  /** The site the next choices are made at, and the tick (sites on only). */
  at(site: string, ticks: number): void {
    this.site = site;
    this.siteTick = ticks;
    this.atSite.length = 0;
  }

  /** The current site and its counts (sites on only), to come back to after a nested site (`returnTo`). */
  siteMark(): SiteMark {
    return { site: this.site, ticks: this.siteTick, counts: this.atSite.slice() };
  }

  /** Back at a site left for a nested one: a restart inside a random fault step, say. */
  returnTo(mark: SiteMark): void {
    this.site = mark.site;
    this.siteTick = mark.ticks;
    this.atSite.length = 0;
    this.atSite.push(...mark.counts);
  }

  /** The tick of every choice, in order (sites on only). */
  siteTicks(): readonly number[] | undefined {
    return this.sitesOf === undefined ? undefined : this.ticks;
  }

  /** The site key of every choice, in order (sites on only). */
  siteKeys(): string[] | undefined {
    return this.sitesOf?.map((site, i) => siteKey(site, this.kinds[i]!, this.ranks[i]!));
  }

  /** A recorded integer in the inclusive range `[min, max]`; default `min`. */
  intRange(kind: string, min: number, max: number): number {
    if (max <= min) return min;
    let value = this.sitesOf === undefined ? undefined : this.bySite(kind, min, max);
    value ??= this.replay === undefined ? this.fresh(kind, min, max) : this.replayed(kind, min, max, min);
    this.kinds.push(kind);
    this.values.push(value);
    return value;
  }

  /** A recorded event of probability `ratio`; default false. */
  chance(kind: string, ratio: Ratio): boolean {
    if (ratio[0] <= 0) return false;
    if (ratio[0] >= ratio[1]) return true;
    let value = this.sitesOf === undefined ? undefined : this.bySite(kind, 0, 1);
    value ??= this.replay === undefined ? (this.freshChance(kind, ratio) ? 1 : 0) : this.replayed(kind, 0, 1, 0);
    this.kinds.push(kind);
    this.values.push(value);
    return value === 1;
  }

  /** A fresh run's value: the decider's, when it has one, else the generator's. */
  private fresh(kind: string, min: number, max: number): number {
    const decided = this.decider?.intRange(kind, min, max);
    if (decided === undefined) return this.random!.intRange(min, max);
    if (!Number.isInteger(decided) || decided < min || decided > max) {
      throw new Error(`decider answered ${decided} for a ${kind} choice in [${min}, ${max}]`);
    }
    return decided;
  }

  private freshChance(kind: string, ratio: Ratio): boolean {
    return this.decider?.chance(kind, ratio) ?? this.random!.chanceOf(ratio);
  }

  /** Sites on: records the choice's site key; keyed, decides it (undefined: not keyed, draw or replay as usual). */
  private bySite(kind: string, min: number, max: number): number | undefined {
    const at = this.atSite;
    let k = 0;
    let i = 0;
    while (i < at.length && at[i] !== kind) i += 2;
    if (i < at.length) {
      k = at[i + 1] as number;
      at[i + 1] = k + 1;
    } else {
      at.push(kind, 1);
    }
    this.sitesOf!.push(this.site);
    this.ranks.push(k);
    this.ticks.push(this.siteTick);
    const { keyed, draw, fallbackByKind } = this.sites!;
    const value = (keyed === undefined ? undefined : keyed.get(siteKey(this.site, kind, k))) ?? draw?.(kind, min, max) ?? fallbackByKind?.get(kind);
    if (value !== undefined) return Math.min(max, Math.max(min, value));
    return keyed === undefined ? undefined : min;
  }

  private replayed(kind: string, min: number, max: number, fallback: number): number {
    const entry = this.replay![this.position];
    if (entry === undefined) {
      this.fallbackCount++;
      return fallback;
    }
    this.position++;
    if (entry.kind !== kind || !Number.isInteger(entry.value) || entry.value < min || entry.value > max) {
      this.fallbackCount++;
      return fallback;
    }
    return entry.value;
  }

  /** Number of choices made so far. */
  get count(): number {
    return this.values.length;
  }

  /** The schedule: every choice made, in order. Equal choices share one frozen object. */
  schedule(): Choice[] {
    const interned = new Map<string, Choice[]>();
    const out: Choice[] = new Array(this.values.length);
    for (let i = 0; i < out.length; i++) {
      const kind = this.kinds[i]!;
      const value = this.values[i]!;
      let byValue = interned.get(kind);
      if (byValue === undefined) interned.set(kind, (byValue = []));
      const small = value >= 0 && value < 1024;
      out[i] = (small ? byValue[value] : undefined) ?? Object.freeze({ kind, value });
      if (small) byValue[value] = out[i]!;
    }
    return out;
  }
}
