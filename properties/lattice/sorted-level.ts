const INITIAL_ENTRIES = 1024;

/**
 * One level of a lattice search, its cuts in increasing order of their packed keys (see CutPacking), held in
 * parallel typed arrays: the packed key (`words` doubles), the cut itself (`hostCount` counts, so a search reads a
 * cut's counts without unpacking), a flag byte (1 when φ holds at the cut) and its checkpoint ancestors (one record
 * number). Entries are appended in order; `clear` keeps the memory for the next level; arrays grow by doubling,
 * never per cut.
 */
export class SortedLevel {
  keys: Float64Array;
  cuts: Int32Array;
  /** Record (see WaypointRecords) of the entry's latest checkpoint ancestor, or -1. */
  waypoint: Int32Array;
  /** flags[e] = 1 when φ holds at entry e (the search does not expand it). */
  flags: Uint8Array;
  /** Number of entries. */
  size = 0;
  private capacity: number;

  constructor(
    readonly words: number,
    readonly hostCount: number,
  ) {
    this.keys = new Float64Array(INITIAL_ENTRIES * words);
    this.cuts = new Int32Array(INITIAL_ENTRIES * hostCount);
    this.waypoint = new Int32Array(INITIAL_ENTRIES);
    this.flags = new Uint8Array(INITIAL_ENTRIES);
    this.capacity = INITIAL_ENTRIES;
  }

  /** Appends an entry for `cut`, packed as `key[0 .. words)`; returns its number (flag and waypoint: the caller's). */
  append(key: Float64Array, cut: Int32Array): number {
    if (this.size === this.capacity) this.grow();
    const entry = this.size++;
    const w = this.words;
    for (let i = 0; i < w; i++) this.keys[entry * w + i] = key[i]!;
    const n = this.hostCount;
    for (let h = 0; h < n; h++) this.cuts[entry * n + h] = cut[h]!;
    return entry;
  }

  /** Empties the level, keeping its memory. */
  clear(): void {
    this.size = 0;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    this.capacity = capacity;
    const keys = new Float64Array(capacity * this.words);
    keys.set(this.keys);
    this.keys = keys;
    const cuts = new Int32Array(capacity * this.hostCount);
    cuts.set(this.cuts);
    this.cuts = cuts;
    const waypoint = new Int32Array(capacity);
    waypoint.set(this.waypoint);
    this.waypoint = waypoint;
    const flags = new Uint8Array(capacity);
    flags.set(this.flags);
    this.flags = flags;
  }
}
