import type { CutPacking } from './cut-packing.js';
import type { Enabling } from './enabling.js';
import type { SortedLevel } from './sorted-level.js';

/**
 * The successors of a sorted level, one stream per host: stream h runs over the level's entries in order and yields,
 * for each where φ does not hold and host h's next event can be added (within `to`, and with the events it waits for
 * in the cut, see Enabling), the packed key of the cut with that event added. Adding host h's event adds the same
 * constant to every key, so each stream comes out sorted, and the next level is their merge.
 */
export class SuccessorStreams {
  /** Per host, the entry of the level that the head of its stream comes from. */
  readonly parentOfStream: Int32Array;
  /** Per host, the packed key of its stream's head (`words` doubles); ∞ in the first word once the stream is done. */
  readonly heads: Float64Array;
  private readonly words: number;

  constructor(
    private readonly packing: CutPacking,
    private readonly enabling: Enabling,
  ) {
    const n = packing.space.hostCount;
    this.words = packing.words;
    this.parentOfStream = new Int32Array(n);
    this.heads = new Float64Array(n * packing.words);
  }

  /** Moves host h's stream to its first yielding entry of `level` at or after `from`. */
  seek(level: SortedLevel, to: Int32Array, h: number, from: number): void {
    const n = level.hostCount;
    const { hostFirstRow, waitHost, waitCount, extraFirst, extraHost, extraCount } = this.enabling;
    const cuts = level.cuts;
    const flags = level.flags;
    const size = level.size;
    const limit = to[h]!;
    let i = from;
    for (; i < size; i++) {
      if (flags[i] === 1) continue;
      const base = i * n;
      const k = cuts[base + h]!;
      if (k >= limit) continue;
      const row = hostFirstRow[h]! + k + 1;
      if (cuts[base + waitHost[row]!]! < waitCount[row]!) continue;
      const end = extraFirst[row + 1]!;
      let at = extraFirst[row]!;
      while (at < end && cuts[base + extraHost[at]!]! >= extraCount[at]!) at++;
      if (at === end) break;
    }
    this.parentOfStream[h] = i;
    const words = this.words;
    const heads = this.heads;
    if (i === size) heads[h * words] = Infinity;
    else if (words === 1) heads[h] = level.keys[i]! + this.packing.unitOfHost[h]!;
    else {
      for (let w = 0; w < words; w++) heads[h * words + w] = level.keys[i * words + w]!;
      heads[h * words + this.packing.wordOfHost[h]!]! += this.packing.unitOfHost[h]!;
    }
  }

  /** The host whose stream's head is smallest, keys compared word by word (for cuts of several words). */
  smallestHead(): number {
    const n = this.parentOfStream.length;
    const words = this.words;
    const heads = this.heads;
    let best = 0;
    for (let h = 1; h < n; h++) {
      for (let w = 0; w < words; w++) {
        const a = heads[h * words + w]!;
        const b = heads[best * words + w]!;
        if (a === b) continue;
        if (a < b) best = h;
        break;
      }
    }
    return best;
  }

  /** Whether host h's head equals the last entry of `level`. */
  sameAsLast(level: SortedLevel, h: number): boolean {
    const words = this.words;
    const last = (level.size - 1) * words;
    for (let w = 0; w < words; w++) if (level.keys[last + w] !== this.heads[h * words + w]) return false;
    return true;
  }
}
