/**
 * An independent oracle for the lock-constrained modalities, from the definitions: every interleaving (total
 * order) of the events consistent with happened-before is run, with the locks simulated from the labels `lock L` /
 * `unlock L` (an acquire of a lock another thread holds is not allowed); a run that can go no further is one
 * observation, whether it reached the end or not. Possibly: some observation passes a φ state; Definitely: every
 * observation does. Exponential; for the small random traces only.
 */
import fc from 'fast-check';
import type { Execution } from '../../../execution/types.js';
import type { CutPredicate } from '../../../properties/predicate-types.js';

/** Whether event `id` may run next after the events counted in `at`, with `owner` the current lock holders. */
export function oracleEnabled(exec: Execution, at: readonly number[], owner: ReadonlyMap<string, number>, id: number): boolean {
  const e = exec.events[id]!;
  if (e.index !== at[e.host]! + 1) return false;
  for (let j = 0; j < exec.hosts.length; j++) if (j !== e.host && e.clock[j]! > at[j]!) return false;
  const m = /^lock (\w+)$/.exec(e.label);
  if (m !== null) {
    const holder = owner.get(m[1]!);
    if (holder !== undefined && holder !== e.host) return false;
  }
  return true;
}

/** Applies event `id` to the lock holders. */
export function oracleApply(exec: Execution, owner: Map<string, number>, id: number): void {
  const e = exec.events[id]!;
  const acquire = /^lock (\w+)$/.exec(e.label);
  if (acquire !== null) owner.set(acquire[1]!, e.host);
  const release = /^unlock (\w+)$/.exec(e.label);
  if (release !== null) owner.delete(release[1]!);
}

/** Every maximal run: the events of each, in order. */
export function oracleObservations(exec: Execution): number[][] {
  const out: number[][] = [];
  const at = exec.hosts.map(() => 0);
  const run: number[] = [];
  const go = (owner: Map<string, number>): void => {
    let extended = false;
    for (const e of exec.events) {
      if (!oracleEnabled(exec, at, owner, e.id)) continue;
      extended = true;
      const next = new Map(owner);
      oracleApply(exec, next, e.id);
      at[e.host]!++;
      run.push(e.id);
      go(next);
      run.pop();
      at[e.host]!--;
    }
    if (!extended) out.push([...run]);
  };
  go(new Map());
  return out;
}

/** Possibly and Definitely of φ over the observations. */
export function oracleModalities(exec: Execution, evaluate: (cut: Int32Array) => boolean): { possibly: boolean; definitely: boolean; observations: number } {
  const observations = oracleObservations(exec);
  let possibly = false;
  let definitely = true;
  for (const run of observations) {
    const cut = new Int32Array(exec.hosts.length);
    let seen = evaluate(cut);
    for (const id of run) {
      cut[exec.events[id]!.host]!++;
      if (evaluate(cut)) seen = true;
    }
    possibly ||= seen;
    definitely &&= seen;
  }
  return { possibly, definitely, observations: observations.length };
}

/** Replays `path` from the empty cut under the oracle's rules; returns the cuts it passes (the empty cut first). */
export function oracleReplay(exec: Execution, path: readonly number[]): { cuts: Int32Array[]; owner: Map<string, number> } {
  const at = exec.hosts.map(() => 0);
  const owner = new Map<string, number>();
  const cuts = [Int32Array.from(at)];
  for (const id of path) {
    if (!oracleEnabled(exec, at, owner, id)) throw new Error(`event ${id} is not enabled after [${at.join(',')}]`);
    oracleApply(exec, owner, id);
    at[exec.events[id]!.host]!++;
    cuts.push(Int32Array.from(at));
  }
  return { cuts, owner };
}

/** Whether no event can run after `cut` with lock holders `owner`. */
export function oracleStuck(exec: Execution, cut: Int32Array, owner: ReadonlyMap<string, number>): boolean {
  return exec.events.every((e) => !oracleEnabled(exec, Array.from(cut), owner, e.id));
}

/**
 * A random predicate: 1–3 atoms joined by all-and or all-or, each maybe negated: `field of host == value`, or
 * `hosts a and b both inside lock L` (what the locks forbid, so the lock model changes answers often).
 */
export interface LockPredicateSpec {
  readonly join: 'and' | 'or';
  readonly atoms: readonly LockAtom[];
}

type LockAtom =
  | { readonly kind: 'field'; readonly host: number; readonly field: string; readonly value: number; readonly negated: boolean }
  | { readonly kind: 'both'; readonly lock: string; readonly a: number; readonly b: number; readonly negated: boolean };

const arbAtom: fc.Arbitrary<LockAtom> = fc.oneof(
  fc.record({ kind: fc.constant('field' as const), host: fc.nat(2), field: fc.constantFrom('x', 'y', 'in_A', 'in_B'), value: fc.nat(1), negated: fc.boolean() }),
  fc.record({ kind: fc.constant('both' as const), lock: fc.constantFrom('A', 'B'), a: fc.nat(2), b: fc.nat(2), negated: fc.boolean() }),
);

/** Random specs; one in three is `both inside L`, or that or a random atom (the question the locks answer). */
export const arbLockPredicate: fc.Arbitrary<LockPredicateSpec> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ join: fc.constantFrom('and' as const, 'or' as const), atoms: fc.array(arbAtom, { minLength: 1, maxLength: 3 }) }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('A', 'B'), fc.nat(2), fc.nat(2), fc.option(arbAtom))
      .map(([lock, a, b, other]): LockPredicateSpec => {
        const both: LockAtom = { kind: 'both', lock, a, b, negated: false };
        return { join: 'or', atoms: other === null ? [both] : [both, other] };
      }),
  },
);

export function compileLockPredicate(exec: Execution, spec: LockPredicateSpec): CutPredicate {
  const n = exec.hosts.length;
  const field = (h: number, name: string, cut: Int32Array) => exec.hostStates[h]![cut[h]!]![name] ?? 0;
  const atom = (a: LockAtom, cut: Int32Array): boolean => {
    if (a.kind === 'field') return (field(a.host % n, a.field, cut) === a.value) !== a.negated;
    const x = a.a % n;
    const y = (x + 1 + (a.b % (n - 1))) % n;
    return (field(x, `in_${a.lock}`, cut) === 1 && field(y, `in_${a.lock}`, cut) === 1) !== a.negated;
  };
  const evaluate =
    spec.join === 'and' ? (cut: Int32Array) => spec.atoms.every((a) => atom(a, cut)) : (cut: Int32Array) => spec.atoms.some((a) => atom(a, cut));
  return { text: JSON.stringify(spec), evaluate, shape: { kind: 'general' } };
}
