const INITIAL_RECORDS = 1024;

/**
 * The checkpoint ancestors of a pass, shared: when a cut at a checkpoint level is created, a record holds its packed
 * key and the record of its own latest checkpoint ancestor (-1 for none); every cut after it carries just the
 * number of one record, copied from its parent. Following `previous` from a cut's record lists its checkpoint
 * ancestors, latest first. Records are made only at checkpoint levels, so they number at most the sum of those
 * levels' sizes: a few levels, never the whole search.
 */
export class WaypointRecords {
  keys: Float64Array;
  previous: Int32Array;
  /** Number of records. */
  size = 0;

  constructor(readonly words: number) {
    this.keys = new Float64Array(INITIAL_RECORDS * words);
    this.previous = new Int32Array(INITIAL_RECORDS);
  }

  /** Adds a record of the packed cut `key[0 .. words)` after record `previous`; returns its number. */
  add(key: Float64Array, previous: number): number {
    if (this.size === this.previous.length) this.grow();
    const record = this.size++;
    for (let w = 0; w < this.words; w++) this.keys[record * this.words + w] = key[w]!;
    this.previous[record] = previous;
    return record;
  }

  /** Drops every record, keeping the memory. */
  clear(): void {
    this.size = 0;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const previous = new Int32Array(this.previous.length * 2);
    previous.set(this.previous);
    this.previous = previous;
  }
}
