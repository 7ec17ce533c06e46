import type { Execution } from '../../execution/types.js';
import type { CutPredicate } from '../predicate-types.js';
import type { CheckResult, SearchLimits } from '../result-types.js';
import { CutSpace } from './cut-space.js';
import { LevelSearch, levelOf } from './level-search.js';
import { resolveLimits } from './limits.js';
import { assertPathReaches } from './path.js';

/** Parent pointers a pass may keep before it falls back to checkpoints: 2^18 cuts, 1.5 MiB (see LevelTrail). */
export const TRAIL_CUTS_DEFAULT = 1 << 18;
/** Checkpoint levels a pass carries ancestors at: 7, so each pass splits its levels into 8 and the rebuild is shallow. */
export const CHECKPOINTS_DEFAULT = 7;
const TRAIL_BYTES_PER_CUT = 6;

/** Tuning of `definitely` (the defaults are tuned; tests force deep recursion and cuts of several words). */
export interface DefinitelyTuning {
  /** Parent pointers a pass may keep (0: none, the path comes from checkpoints alone). */
  readonly trailCutsMax: number;
  /** Checkpoint levels per pass (1: halving, as Hirschberg's). */
  readonly checkpoints: number;
  /** Bits per packed word of a cut (see CutPacking; default 53). */
  readonly wordBits?: number;
}

/**
 * Definitely(φ) for a general φ (Cooper–Marzullo): every observation passes through a cut satisfying φ. It fails iff
 * the final cut is reachable from the empty cut through ¬φ cuts only; the counterexample is such a path.
 *
 * The search holds one level at a time (two sorted levels of packed cuts, see LevelSearch), never the whole search:
 * - The top pass goes level by level from the empty cut, each cut evaluated once; beyond each of a few checkpoint
 *   levels (7, evenly spaced) every cut carries one ancestor cut at that level. If the final cut is reached, the
 *   ancestors it carries are ¬φ cuts on one ¬φ path from the empty cut: waypoints.
 * - The path is then rebuilt by divide and conquer over levels (as Hirschberg's alignment, split 8 ways instead of
 *   2): between consecutive waypoints A ≤ B, known to be joined by a ¬φ path, a pass restricted to the cuts between
 *   A and B (componentwise) finds waypoints in between, and so on down to single events. A pass whose parent
 *   pointers fit in a small budget (2^18 cuts, or the widest level of the top pass if larger; 6 bytes a cut) returns
 *   its path directly.
 * The passes of one recursion depth cover disjoint ranges of levels, so each depth costs at most one top pass and
 * the whole rebuild at most log8(levels) top passes (in practice much less: the boxes between waypoints are small).
 * Memory: two levels, each cut with its packed key, its counts, a flag and the number of its latest waypoint record;
 * the records (the cuts of at most 7 checkpoint levels); and the recursion's waypoints, O(7 · log8(levels)) cuts.
 * On ewd998.log #3 (27,420,311 cuts, widest level 231,046) a worst-case Definitely takes about 5 s and +44 MB,
 * against 15 s and +167 MB with parent pointers for every cut (bench/cuts.ts).
 *
 * `cutsVisited` counts the distinct cuts of the top pass (the rebuild re-evaluates φ on the cuts of its boxes and is
 * not counted). A level larger than `levelCutsMax`, or more than `cutsMax` cuts, answers `unknown`; the rebuild's
 * levels are subsets of the top pass's, so it never exceeds them.
 */
export function definitely(exec: Execution, pred: CutPredicate, limits?: SearchLimits): CheckResult {
  return definitelySearch(exec, pred, limits, { trailCutsMax: TRAIL_CUTS_DEFAULT, checkpoints: CHECKPOINTS_DEFAULT });
}

/** `definitely` with its tuning given. */
export function definitelySearch(exec: Execution, pred: CutPredicate, limits: SearchLimits | undefined, tuning: DefinitelyTuning): CheckResult {
  const { cutsMax, levelCutsMax, progress } = resolveLimits(limits);
  const space = new CutSpace(exec);
  const base = { modality: 'definitely', predicate: pred.text, algorithm: 'cooper-marzullo' } as const;
  const empty = space.emptyCut();
  if (pred.evaluate(empty)) return { ...base, verdict: 'holds', cutsVisited: 1 };
  if (space.eventCount === 0) return { ...base, verdict: 'fails', cutsVisited: 1, witness: { cut: empty, path: [] } };
  const search = new LevelSearch(space, pred.evaluate, tuning.checkpoints, tuning.wordBits);
  const final = space.finalCut();
  const top = search.run({
    from: empty,
    to: final,
    checkpoints: checkpointsBetween(0, space.eventCount, tuning.checkpoints),
    evaluateTarget: true,
    cutsMax,
    levelCutsMax,
    progress,
    trailBytesMax: tuning.trailCutsMax * TRAIL_BYTES_PER_CUT,
  });
  if (top.kind === 'stopped') return { ...base, verdict: 'unknown', cutsVisited: top.cutsVisited, stoppedBy: top.stoppedBy };
  if (top.kind === 'closed') return { ...base, verdict: 'holds', cutsVisited: top.cutsVisited };
  let path = top.path;
  if (path === undefined) {
    const trailCuts = tuning.trailCutsMax === 0 ? 0 : Math.max(tuning.trailCutsMax, top.widestLevel);
    path = [];
    rebuildThrough(search, [empty, ...top.waypoints, final], trailCuts * TRAIL_BYTES_PER_CUT, path);
  }
  assertPathReaches(exec, path, final);
  return { ...base, verdict: 'fails', cutsVisited: top.cutsVisited, witness: { cut: final, path } };
}

/** Up to `count` levels evenly spaced strictly between levels a and b, increasing. */
function checkpointsBetween(a: number, b: number, count: number): number[] {
  const levels: number[] = [];
  for (let j = 1; j <= count; j++) {
    const level = a + Math.round(((b - a) * j) / (count + 1));
    if (level > a && level < b && level !== levels[levels.length - 1]) levels.push(level);
  }
  return levels;
}

/**
 * Appends to `out` the events of a path of ¬φ cuts through `waypoints` (¬φ cuts, increasing, each pair known to
 * be joined by a ¬φ path): one event apart, directly; else a pass restricted to the cuts between the pair yields
 * the path or waypoints in between, rebuilt in turn (recursion depth at most log of the levels between them).
 */
function rebuildThrough(search: LevelSearch, waypoints: readonly Int32Array[], trailBytes: number, out: number[]): void {
  for (let i = 1; i < waypoints.length; i++) {
    const from = waypoints[i - 1]!;
    const to = waypoints[i]!;
    const a = levelOf(from);
    const b = levelOf(to);
    if (b - a <= 1) {
      for (let h = 0; h < to.length; h++) if (to[h]! > from[h]!) out.push(search.packing.space.eventId(h, to[h]!));
      continue;
    }
    const checkpoints = checkpointsBetween(a, b, search.checkpointsMax);
    const pass = search.run({ from, to, checkpoints, evaluateTarget: false, cutsMax: Infinity, levelCutsMax: Infinity, trailBytesMax: trailBytes });
    if (pass.kind !== 'reached') throw new Error(`path rebuild: no ¬φ path from level ${a} to level ${b}, though the search found one`);
    if (pass.path !== undefined) for (const id of pass.path) out.push(id);
    else rebuildThrough(search, [from, ...pass.waypoints, to], trailBytes, out);
  }
}
