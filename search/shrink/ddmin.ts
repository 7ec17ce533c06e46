/** The delta-debugging loop the shrink passes share. */
import type { ShrinkSearch } from './search.js';

/**
 * The finest granularity: at most this many chunks. A run with hundreds of choices is not taken apart one choice at
 * a time; at that size single choices rarely matter and the runs add up.
 */
export const DDMIN_CHUNKS_MAX = 128;

/**
 * Delta debugging over `items()`: tries `tryChunk` on all of them, then on each half, then each quarter, ... down to
 * single items (or `DDMIN_CHUNKS_MAX` chunks). Each granularity is one sweep from the last chunk to the first; after
 * a kept step the items are read anew and the sweep goes on with the chunk before (edits late in a run leave the
 * earlier items where they were). One call costs about twice the finest number of chunks, plus the kept steps; the
 * shrink's fixpoint loop calls it again while anything changes. Answers whether any step was kept.
 */
export function ddminChunks<T>(search: ShrinkSearch, items: () => T[], tryChunk: (chunk: T[]) => boolean): boolean {
  let kept = false;
  let all = items();
  for (let chunks = 1; all.length > 0 && !search.exhausted(); chunks *= 2) {
    const n = Math.min(chunks, all.length, DDMIN_CHUNKS_MAX);
    for (let k = n - 1; k >= 0 && all.length > 0 && !search.exhausted(); k--) {
      const from = Math.floor((k * all.length) / n);
      const to = Math.floor(((k + 1) * all.length) / n);
      if (from < to && tryChunk(all.slice(from, to))) {
        kept = true;
        all = items();
      }
    }
    if (n >= Math.min(all.length, DDMIN_CHUNKS_MAX)) break;
  }
  return kept;
}
