import type { Execution } from '../../execution/types.js';
import type { SearchLimits } from '../result-types.js';
import { CutSpace } from './cut-space.js';
import { CutStore } from './cut-store.js';
import type { CutCount } from './lexical.js';
import { nextPause, resolveLimits, stoppedByCuts, stoppedByLevel } from './limits.js';

/**
 * Counts the consistent cuts of `exec` breadth-first, level by level (level ℓ = cuts of ℓ events), holding two
 * levels at a time in hash sets of packed cuts. The baseline against which the lexical count is measured.
 */
export function countCutsBfs(exec: Execution, limits?: SearchLimits): CutCount {
  const { cutsMax, levelCutsMax, progress } = resolveLimits(limits);
  const space = new CutSpace(exec);
  const n = space.hostCount;
  let current = new CutStore(space, false);
  let next = new CutStore(space, false);
  const cut = space.emptyCut();
  current.add(cut, 0);
  let count = 1;
  let pause = nextPause(0, cutsMax, progress);
  for (let level = 1; current.size > 0; level++) {
    next.clear();
    for (let i = 0; i < current.size; i++) {
      current.read(i, cut);
      for (let h = 0; h < n; h++) {
        if (!space.canAdvance(cut, h)) continue;
        cut[h]!++;
        next.add(cut, 0);
        cut[h]!--;
        if (next.added) {
          if (count >= pause) {
            if (count >= cutsMax) return { verdict: 'unknown', count, cutsVisited: count, stoppedBy: stoppedByCuts(cutsMax) };
            pause = nextPause(count, cutsMax, progress);
          }
          count++;
          if (next.size > levelCutsMax) {
            return { verdict: 'unknown', count, cutsVisited: count, stoppedBy: stoppedByLevel(levelCutsMax, level) };
          }
        }
      }
    }
    const swap = current;
    current = next;
    next = swap;
  }
  return { verdict: 'complete', count, cutsVisited: count };
}
