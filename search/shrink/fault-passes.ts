/** Shrink passes over faults: moving them earlier, adding early ones that end the run sooner. */
import type { Choice } from '../../sim/outcome.js';
import type { CandidateParams } from './candidate.js';
import { withValue } from './edits.js';
import { FAULT_CHOICE_KINDS } from './measure.js';
import type { ShrinkPass } from './passes.js';

/** Leaves out the scenario's scripted faults that happen: all at once, then one at a time. */
export const skipScriptedFaults: ShrinkPass = (search) => {
  const happened = search.scriptedHappened(search.best);
  if (happened.length === 0) return false;
  const skip = (indices: readonly number[]): CandidateParams => {
    const p = search.params;
    return { ...p, scriptedFaultsSkipped: [...new Set([...p.scriptedFaultsSkipped, ...indices])].sort((a, b) => a - b) };
  };
  if (search.attempt('skip every scripted fault', skip(happened))) return true;
  let kept = false;
  for (const i of happened) {
    if (search.exhausted()) break;
    kept = search.attempt(`skip scripted fault ${i}`, skip([i])) || kept;
  }
  return kept;
};

/** Moves each fault (a drop, a duplicate, a random fault) to the first choice of its kind, so it bites earlier. */
export const faultsEarlier: ShrinkPass = (search) => {
  let kept = false;
  for (let j = search.best.schedule.length - 1; j > 0 && !search.exhausted(); j--) {
    const c = search.best.schedule[j];
    if (c === undefined || c.value !== 1 || !FAULT_CHOICE_KINDS.has(c.kind)) continue;
    const i = search.best.schedule.findIndex((d) => d.kind === c.kind && d.value === 0);
    if (i < 0 || i >= j) continue;
    const schedule = withValue(withValue(search.best.schedule, j, 0), i, 1);
    kept = search.attempt(`${c.kind} earlier`, { ...search.params, schedule }) || kept;
  }
  return kept;
};

/**
 * Adds a message fault among the first choices when that ends the run sooner (a lost ping stalls its sender). When
 * one added fault leaves the run failing at the same size (a plateau), a second one is tried on top of it: a node
 * that stalls, crashes and restarts may need its first ping and its ping after the restart both lost.
 */
export function earlyFaults(window: number): ShrinkPass {
  const earlyFaultsPass: ShrinkPass = (search) => {
    let kept = false;
    const addable = (s: readonly Choice[], from: number): number[] => {
      const out: number[] = [];
      for (let i = from; i < Math.min(window, s.length); i++) {
        if ((s[i]!.kind === 'drop' || s[i]!.kind === 'duplicate') && s[i]!.value === 0) out.push(i);
      }
      return out;
    };
    for (const i of addable(search.best.schedule, 0)) {
      if (search.exhausted()) break;
      const c = search.best.schedule[i];
      if (c === undefined || c.value !== 0 || (c.kind !== 'drop' && c.kind !== 'duplicate')) continue;
      const one = { ...search.params, schedule: withValue(search.best.schedule, i, 1) };
      if (search.attempt(`add ${c.kind}`, one)) {
        kept = true;
        continue;
      }
      const plateau = search.lastFailing;
      if (plateau === undefined || plateau.events > search.best.events) continue;
      for (const j of addable(plateau.schedule, i + 1)) {
        if (search.exhausted()) break;
        const two = { ...search.params, schedule: withValue(plateau.schedule, j, 1) };
        if (search.attempt(`add ${c.kind} and ${plateau.schedule[j]!.kind}`, two)) {
          kept = true;
          break;
        }
      }
    }
    return kept;
  };
  return earlyFaultsPass;
}
