/**
 * Searches the parts of a split history in turns, with slices of steps that double each round, so a violation in
 * an easy part is found without first exhausting a hard one (deterministically: no threads). Limits hold over all
 * parts: steps in total, cache entries and estimated bytes over the parts still being searched. Totals are kept
 * incrementally, so a turn costs O(1) besides its steps, however many parts there are.
 */
import type { Model } from './model.js';
import type { HistoryPart } from './partition.js';
import { LinearizationSearch } from './search.js';

/** Steps of each part's first turn; each round doubles it. */
const SLICE_STEPS_FIRST = 1_000;
/** With a time limit, the clock is read after at most this many steps. */
const TIME_CHECK_STEPS = 1 << 16;
/** Steps between two calls of `onProgress`. */
export const PROGRESS_STEPS = 1 << 20;

/** The limits, all given (see `LinearizabilityLimits` for their meaning). */
export interface TurnLimits {
  readonly stepsMax: number;
  readonly cacheEntriesMax: number;
  readonly memoryBytesMax: number;
  /** Opt-in wall-clock safety net, read with `nowMs`; `undefined` for none. */
  readonly timeMaxMs: number | undefined;
  readonly nowMs: () => number;
  /** Called with the steps so far at every multiple of `PROGRESS_STEPS` the search passes. */
  readonly onProgress?: ((steps: number) => void) | undefined;
  readonly progressEvery?: number;
}

/** How the turns ended, with the counts reached. */
export type TurnsEnd = {
  /** Each part's linearization, by its index in `parts`, for the parts that finished linearizable (else undefined). */
  readonly finished: readonly (readonly number[] | undefined)[];
  readonly steps: number;
  readonly cacheEntries: number;
  readonly memoryBytesPeak: number;
} & (
  | { readonly kind: 'linearizable'; readonly orders: readonly (readonly number[])[] }
  | { readonly kind: 'unknown'; readonly stoppedBy: string }
  | { readonly kind: 'violation'; readonly part: HistoryPart; readonly prefix: readonly number[]; readonly stateAfterPrefix: unknown; readonly blocked: number }
);

/** `512 MiB` or `1000 bytes`. */
function formatBytes(bytes: number): string {
  return bytes % 2 ** 20 === 0 ? `${bytes / 2 ** 20} MiB` : `${bytes} bytes`;
}

/** Searches every part of the history in turns until one fails, all pass, or a limit stops the search. */
export function searchInTurns(parts: readonly HistoryPart[], model: Model<unknown>, limits: TurnLimits): TurnsEnd {
  const started = limits.timeMaxMs === undefined ? 0 : limits.nowMs();
  let live = parts.map((part, index) => ({ part, index, search: new LinearizationSearch(part.ops, model) }));
  // The linearization of each part, by its index in `parts`, as the parts finish.
  const orders = new Array<readonly number[] | undefined>(parts.length).fill(undefined);
  let steps = 0;
  const every = limits.progressEvery ?? PROGRESS_STEPS;
  let nextProgress = limits.onProgress === undefined ? Infinity : every;
  let cacheEntries = 0; // of the parts already finished
  let liveEntries = 0;
  let liveBytes = live.reduce((sum, { search }) => sum + search.bytes, 0);
  let memoryBytesPeak = liveBytes;
  // The first limit reached. A limit over all parts (steps, time) ends the search; a part stopped by its share of
  // the cache or memory limit is dropped (releasing its share) and the other parts go on, to find a violation.
  let stoppedBy: string | undefined;
  let ended = false;
  const counts = (): TurnsEnd => ({ kind: 'linearizable', orders: orders as (readonly number[])[], finished: orders, steps, cacheEntries: cacheEntries + liveEntries, memoryBytesPeak });
  for (let slice = SLICE_STEPS_FIRST; live.length > 0 && !ended; slice *= 2) {
    let kept = 0;
    for (let i = 0; i < live.length; i++) {
      const current = live[i] as (typeof live)[number];
      const { search } = current;
      let end: ReturnType<typeof search.run> = undefined;
      for (let sliceLeft = slice; !ended && end === undefined && sliceLeft > 0; ) {
        const limit = steps >= limits.stepsMax ? `search steps limit (${limits.stepsMax}) reached`
          : limits.timeMaxMs !== undefined && limits.nowMs() - started >= limits.timeMaxMs ? `time limit (${limits.timeMaxMs} ms) reached`
          : undefined;
        if (limit !== undefined) {
          stoppedBy ??= limit;
          ended = true;
          break;
        }
        const run = Math.min(sliceLeft, limits.stepsMax - steps, limits.timeMaxMs === undefined ? Infinity : TIME_CHECK_STEPS, Math.max(1, nextProgress - steps));
        const [stepsBefore, entriesBefore, bytesBefore] = [search.steps, search.cacheEntries, search.bytes];
        end = search.run({
          steps: run,
          cacheEntriesMax: limits.cacheEntriesMax - (liveEntries - entriesBefore),
          bytesMax: limits.memoryBytesMax - (liveBytes - bytesBefore),
        });
        steps += search.steps - stepsBefore;
        sliceLeft -= search.steps - stepsBefore;
        liveEntries += search.cacheEntries - entriesBefore;
        liveBytes += search.bytes - bytesBefore;
        memoryBytesPeak = Math.max(memoryBytesPeak, liveBytes);
        if (steps >= nextProgress) {
          limits.onProgress?.(steps);
          nextProgress = (Math.floor(steps / every) + 1) * every;
        }
      }
      if (end === undefined) {
        live[kept++] = current;
        continue;
      }
      // The part is finished: its cache is released.
      liveEntries -= search.cacheEntries;
      liveBytes -= search.bytes;
      cacheEntries += search.cacheEntries;
      if (end.kind === 'stopped') {
        stoppedBy ??= end.limit === 'memory'
          ? `memory limit (${formatBytes(limits.memoryBytesMax)}, estimated) reached`
          : `cache entries limit (${limits.cacheEntriesMax}) reached`;
      }
      if (end.kind === 'linearizable') orders[current.index] = end.order;
      if (end.kind === 'violation') {
        const { prefix, stateAfterPrefix, blocked } = end;
        return { ...counts(), kind: 'violation', part: current.part, prefix, stateAfterPrefix, blocked };
      }
    }
    live.length = kept;
  }
  return stoppedBy === undefined ? counts() : { ...counts(), kind: 'unknown', stoppedBy };
}
