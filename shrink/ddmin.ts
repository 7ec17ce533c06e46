/** The delta-debugging loop the shrink passes share. */
import type { ShrinkSearch } from './search.js';

/**
 * The finest granularity: at most this many chunks. A run with hundreds of choices is not taken apart one choice at
 * a time; at that size single choices rarely matter and the runs add up.
 */
export const DDMIN_CHUNKS_MAX = 128;

/**
 * Delta debugging over `items()` (read anew after every kept step): tries `tryChunk` on all of them, then halves,
 * then quarters, ... down to single items (or `DDMIN_CHUNKS_MAX` chunks), last chunk first; after a kept step it
 * starts again on the new items one granularity coarser. Answers whether any step was kept.
 */
export function ddminChunks<T>(search: ShrinkSearch, items: () => T[], tryChunk: (chunk: T[]) => boolean): boolean {
  let kept = false;
  let chunks = 1;
  for (;;) {
    if (search.exhausted()) return kept;
    const all = items();
    if (all.length === 0) return kept;
    chunks = Math.min(chunks, all.length);
    let progressed = false;
    for (let k = chunks - 1; k >= 0 && !progressed && !search.exhausted(); k--) {
      const from = Math.floor((k * all.length) / chunks);
      const to = Math.floor(((k + 1) * all.length) / chunks);
      progressed = tryChunk(all.slice(from, to));
    }
    if (progressed) {
      kept = true;
      chunks = Math.max(1, chunks - 1);
    } else if (chunks >= Math.min(all.length, DDMIN_CHUNKS_MAX)) {
      return kept;
    } else {
      chunks = Math.min(all.length, DDMIN_CHUNKS_MAX, chunks * 2);
    }
  }
}
