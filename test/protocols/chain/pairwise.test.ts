/**
 * possiblyOnPair against brute force: on small random message-passing computations, enumerate every cut of the
 * product space, keep the consistent ones, and compare (1) the set of (kA, kB) pairs they project to with the pairs
 * the scan visits, (2) the verdicts of random pair predicates, (3) that the witness is the least consistent cut
 * containing its pair.
 */
import { describe, expect, test } from 'vitest';
import { buildExecution, type EventInput } from '../../../execution/build.js';
import { isConsistentCut } from '../../../execution/clock.js';
import type { Execution } from '../../../execution/types.js';
import { assertPathReaches } from '../../../properties/lattice/path.js';
import { possiblyOnPair } from '../../../properties/pairwise.js';

/** mulberry32: a tiny seeded generator for test data. */
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) | 0;
  };
}

/** A random computation: `hosts` hosts, about `steps` events of kinds internal / send / receive. */
function randomExecution(seed: number, hosts: number, steps: number): Execution {
  const r = rng(seed);
  const clocks = Array.from({ length: hosts }, () => new Array<number>(hosts).fill(0));
  const inFlight: { to: number; clock: number[] }[] = [];
  const events: EventInput[] = [];
  for (let i = 0; i < steps; i++) {
    const action = r(3);
    if (action === 2 && inFlight.length > 0) {
      const m = inFlight.splice(r(inFlight.length), 1)[0]!;
      const c = clocks[m.to]!;
      for (let j = 0; j < hosts; j++) c[j] = Math.max(c[j]!, m.clock[j]!);
      c[m.to]!++;
      events.push({ host: m.to, kind: 'receive', label: 'recv', clock: c.slice(), fields: { x: r(3) } });
      continue;
    }
    const h = r(hosts);
    const c = clocks[h]!;
    c[h]!++;
    if (action === 1) {
      const to = (h + 1 + r(hosts - 1)) % hosts;
      inFlight.push({ to, clock: c.slice() });
      events.push({ host: h, kind: 'send', label: 'send', clock: c.slice(), fields: { x: r(3) } });
    } else {
      events.push({ host: h, kind: 'internal', label: 'step', clock: c.slice(), fields: { x: r(3) } });
    }
  }
  return buildExecution({ label: `random ${seed}`, hosts: Array.from({ length: hosts }, (_, h) => `p${h}`), events });
}

/** Every consistent cut of the product space (brute force). */
function allConsistentCuts(exec: Execution): Int32Array[] {
  const n = exec.hosts.length;
  const cut = new Int32Array(n);
  const out: Int32Array[] = [];
  for (;;) {
    if (isConsistentCut(exec, cut)) out.push(Int32Array.from(cut));
    let h = 0;
    while (h < n && cut[h] === exec.byHost[h]!.length) cut[h++] = 0;
    if (h === n) return out;
    cut[h]!++;
  }
}

describe('possiblyOnPair', () => {
  test('visits exactly the projections of the consistent cuts, and agrees with brute force on 300 computations', () => {
    let holds = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed * 7919);
      const hosts = 2 + r(3);
      const exec = randomExecution(seed, hosts, 6 + r(10));
      const cuts = allConsistentCuts(exec);
      const a = r(hosts);
      const b = (a + 1 + r(hosts - 1)) % hosts;
      const projected = new Set(cuts.map((c) => `${c[a]},${c[b]}`));
      const visited = new Set<string>();
      const none = possiblyOnPair(exec, a, b, (kA, kB) => (visited.add(`${kA},${kB}`), false));
      expect(none.verdict).toBe('fails');
      expect([...visited].sort()).toEqual([...projected].sort());
      expect(none.cutsVisited).toBe(projected.size);
      // A random sparse predicate over the pair's local states.
      const table = new Map<string, boolean>();
      const pred = (kA: number, kB: number): boolean => {
        const key = `${kA},${kB}`;
        if (!table.has(key)) table.set(key, rng(seed * 31 + kA * 101 + kB)(6) === 0);
        return table.get(key)!;
      };
      const brute = cuts.some((c) => pred(c[a]!, c[b]!));
      const result = possiblyOnPair(exec, a, b, pred);
      expect(result.verdict).toBe(brute ? 'holds' : 'fails');
      if (result.verdict !== 'holds') continue;
      holds++;
      const w = result.witness!;
      expect(isConsistentCut(exec, w.cut)).toBe(true);
      expect(pred(w.cut[a]!, w.cut[b]!)).toBe(true);
      assertPathReaches(exec, w.path!, w.cut);
      // Least: every consistent cut with the same pair dominates the witness.
      for (const c of cuts) {
        if (c[a] !== w.cut[a] || c[b] !== w.cut[b]) continue;
        for (let h = 0; h < hosts; h++) expect(c[h]!).toBeGreaterThanOrEqual(w.cut[h]!);
      }
    }
    expect(holds).toBeGreaterThan(30);
  });

  test('a predicate over state values: Possibly(x_A = 2 ∧ x_B = 2) matches brute force', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const exec = randomExecution(seed + 1000, 3, 12);
      const x = (h: number, k: number): unknown => exec.hostStates[h]![k]!['x'];
      const pred = (kA: number, kB: number): boolean => x(0, kA) === 2 && x(2, kB) === 2;
      const brute = allConsistentCuts(exec).some((c) => pred(c[0]!, c[2]!));
      expect(possiblyOnPair(exec, 0, 2, pred).verdict).toBe(brute ? 'holds' : 'fails');
    }
  });

  test('a cut limit gives unknown with the count reached', () => {
    const exec = randomExecution(5, 2, 20);
    const result = possiblyOnPair(exec, 0, 1, () => false, { cutsMax: 3 });
    expect(result.verdict).toBe('unknown');
    expect(result.cutsVisited).toBe(3);
    expect(result.stoppedBy).toMatch(/cuts limit \(3\)/);
  });

  test('rejects a host paired with itself', () => {
    const exec = randomExecution(5, 2, 5);
    expect(() => possiblyOnPair(exec, 1, 1, () => true)).toThrow(/two distinct hosts/);
  });
});
