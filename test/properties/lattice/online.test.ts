import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Execution } from '../../../execution/types.js';
import { weakConjunctive } from '../../../properties/lattice/conjunctive.js';
import { OnlineConjunctiveDetector } from '../../../properties/lattice/online.js';
import { arbComputation, arbConjunctiveSpec, compileConjunctive } from '../../helpers/brute-force.js';

/** A random linearization of happened-before: repeatedly pick, by the given choices, one of the enabled events. */
function linearize(exec: Execution, choices: readonly number[]): number[] {
  const next = new Int32Array(exec.hosts.length);
  const order: number[] = [];
  for (let step = 0; step < exec.events.length; step++) {
    const enabled: number[] = [];
    for (let h = 0; h < exec.hosts.length; h++) {
      const id = exec.byHost[h]![next[h]!];
      if (id === undefined) continue;
      const clock = exec.events[id]!.clock;
      let ready = true;
      for (let j = 0; j < clock.length; j++) if (j !== h && clock[j]! > next[j]!) ready = false;
      if (ready) enabled.push(h);
    }
    const h = enabled[(choices[step] ?? 0) % enabled.length]!;
    order.push(exec.byHost[h]![next[h]!]!);
    next[h]!++;
  }
  return order;
}

describe('online weak conjunctive detection', () => {
  it('fed any linearization, finds the offline answer (the least satisfying cut) as soon as its events are in', () => {
    fc.assert(
      fc.property(arbComputation({ eventsPerHostMax: 4 }), arbConjunctiveSpec, fc.array(fc.nat(), { maxLength: 40 }), (exec, spec, choices) => {
        const pred = compileConjunctive(exec, spec);
        if (pred.shape.kind !== 'conjunctive') throw new Error('expected a conjunctive shape');
        const locals = pred.shape.locals;
        const holdsAt = (h: number, k: number): boolean => locals.every((l) => l.host !== h || l.holds(k));
        const detector = new OnlineConjunctiveDetector(
          exec.hosts.length,
          exec.hosts.map((_, h) => holdsAt(h, 0)),
        );
        const seen = new Int32Array(exec.hosts.length);
        let detectedAfter = -1;
        const order = linearize(exec, choices);
        // Before anything is fed, the initial states may already satisfy the conjunction.
        for (let i = 0; i < order.length && detector.detected === undefined; i++) {
          const e = exec.events[order[i]!]!;
          seen[e.host] = e.index;
          if (detector.feed({ host: e.host, index: e.index, clock: e.clock, holds: holdsAt(e.host, e.index) })) detectedAfter = i;
        }
        const offline = weakConjunctive(exec, pred.text, locals);
        if (offline.verdict === 'holds') {
          const found = detector.finish();
          expect(found).toBeDefined();
          expect(Array.from(found!)).toEqual(Array.from(offline.witness!.cut));
          // The detection used only events that had arrived.
          for (let h = 0; h < seen.length; h++) expect(found![h]!).toBeLessThanOrEqual(seen[h]!);
          // It stops exactly when the last event of the least satisfying cut arrives (before any, if that is empty).
          let last = -1;
          for (let h = 0; h < found!.length; h++) {
            if (found![h]! > 0) last = Math.max(last, order.indexOf(exec.byHost[h]![found![h]! - 1]!));
          }
          expect(detectedAfter).toBe(last);
        } else {
          expect(detector.detected).toBeUndefined();
        }
      }),
      { numRuns: 400 },
    );
  });
});

