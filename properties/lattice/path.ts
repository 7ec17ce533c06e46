import type { Execution } from '../../execution/types.js';
import { isConsistentCut } from '../../execution/clock.js';

/**
 * A path from the empty cut to the consistent cut `cut`: the cut's events ordered by the sum of their vector
 * clocks (ties by id). If e happened before f then VC(e) < VC(f), so the sum strictly grows along happened-before
 * and every prefix of the order is a consistent cut.
 */
export function linearizeCut(exec: Execution, cut: ArrayLike<number>): number[] {
  const n = exec.hosts.length;
  const ids: number[] = [];
  for (let h = 0; h < n; h++) {
    const own = exec.byHost[h]!;
    for (let k = 0; k < cut[h]!; k++) ids.push(own[k]!);
  }
  const sums = new Map<number, number>();
  for (const id of ids) {
    let s = 0;
    for (let j = 0; j < n; j++) s += exec.clocks[id * n + j]!;
    sums.set(id, s);
  }
  ids.sort((a, b) => sums.get(a)! - sums.get(b)! || a - b);
  return ids;
}

/** Appends to `path` the events outside `cut`, in id order (a linearization), so the path ends at the final cut. */
export function completePath(exec: Execution, cut: ArrayLike<number>, path: number[]): number[] {
  for (const e of exec.events) {
    if (e.index > cut[e.host]!) path.push(e.id);
  }
  return path;
}

/**
 * Asserts that `path` is a sequence of events whose every prefix is a consistent cut, ending at `cut`. Used in
 * tests and on the (rare) witness-building paths, never in the enumeration loops.
 */
export function assertPathReaches(exec: Execution, path: readonly number[], cut: ArrayLike<number>): void {
  const n = exec.hosts.length;
  const at = new Int32Array(n);
  for (const id of path) {
    const e = exec.events[id];
    if (e === undefined) throw new Error(`path names event ${id}, which does not exist`);
    if (e.index !== at[e.host]! + 1) throw new Error(`path adds event ${id} out of its host's order`);
    at[e.host] = e.index;
    if (!isConsistentCut(exec, at)) throw new Error(`path reaches an inconsistent cut after event ${id}`);
  }
  for (let h = 0; h < n; h++) {
    if (at[h] !== cut[h]) throw new Error(`path ends at [${Array.from(at)}], not at [${Array.from(cut)}]`);
  }
}

/** Asserts that `cut` is a consistent cut of `exec` (module boundary check, not for hot loops). */
export function assertConsistent(exec: Execution, cut: ArrayLike<number>): void {
  if (!isConsistentCut(exec, cut)) throw new Error(`cut [${Array.from(cut)}] is not consistent`);
}
