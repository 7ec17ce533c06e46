import type { Execution } from './types.js';

/** True when event `e` happened before event `f` (VC(e) < VC(f)). */
export function happenedBefore(exec: Execution, e: number, f: number): boolean {
  if (e === f) return false;
  const a = exec.events[e]!;
  // e → f iff f's clock has seen e: VC(f)[host(e)] >= index(e).
  return exec.events[f]!.clock[a.host]! >= a.index;
}

/** True when neither event happened before the other. */
export function concurrent(exec: Execution, e: number, f: number): boolean {
  return e !== f && !happenedBefore(exec, e, f) && !happenedBefore(exec, f, e);
}

/**
 * True when the cut (cut[h] = number of host h's events included) is consistent: it is closed under
 * happened-before, i.e. every included event's clock is covered by the cut.
 */
export function isConsistentCut(exec: Execution, cut: ArrayLike<number>): boolean {
  const n = exec.hosts.length;
  for (let h = 0; h < n; h++) {
    const k = cut[h]!;
    if (k < 0 || k > exec.byHost[h]!.length) return false;
    if (k === 0) continue;
    const row = exec.byHost[h]![k - 1]! * n;
    for (let j = 0; j < n; j++) {
      if (exec.clocks[row + j]! > cut[j]!) return false;
    }
  }
  return true;
}

/**
 * True when host h's next event can be added to the consistent cut and keep it consistent: every event it depends
 * on is already in the cut.
 */
export function canAdvance(exec: Execution, cut: ArrayLike<number>, h: number): boolean {
  const n = exec.hosts.length;
  const own = exec.byHost[h]!;
  const k = cut[h]!;
  if (k >= own.length) return false;
  const row = own[k]! * n;
  for (let j = 0; j < n; j++) {
    if (j !== h && exec.clocks[row + j]! > cut[j]!) return false;
  }
  return true;
}
