/**
 * An independent oracle for the lattice engine, written from the definitions and deliberately unlike it: random
 * computations built by simulating processes that send and receive (vector clocks from the messages), all cuts by
 * enumerating the whole box of count vectors and keeping those closed under happened-before (e → f iff VC(e) ≤
 * VC(f), e ≠ f), all observations by depth-first search over linear extensions, and modalities and sequences by
 * checking those observations one by one. Exponential; for small computations only.
 */
import fc from 'fast-check';
import { buildExecution, type EventInput } from '../../execution/build.js';
import type { Execution } from '../../execution/types.js';
import type { CutPredicate, LocalPredicate } from '../../properties/predicate-types.js';

/** Options of `arbComputation`. */
export interface ComputationOptions {
  readonly hostsMin?: number;
  readonly hostsMax?: number;
  /** Events per host at most. */
  readonly eventsPerHostMax?: number;
  /** Values of the integer field `x` each event sets are drawn from 0 .. xMax. */
  readonly xMax?: number;
}

interface Action {
  readonly host: number;
  /** 0: internal, 1: send, 2: receive (an internal event when nothing is pending). */
  readonly kind: number;
  readonly target: number;
  readonly x: number;
}

/** Random computations: 2–5 hosts (by default), a few events each, random messages; every event sets field `x`. */
/** Two independent processes of two events each (no messages): 9 consistent cuts, the data README's example. */
export function twoIndependentProcesses(): Execution {
  return buildExecution({
    label: 'independent',
    hosts: ['p0', 'p1'],
    events: [
      { host: 0, kind: 'internal', label: '', clock: [1, 0], fields: {} },
      { host: 0, kind: 'internal', label: '', clock: [2, 0], fields: {} },
      { host: 1, kind: 'internal', label: '', clock: [0, 1], fields: {} },
      { host: 1, kind: 'internal', label: '', clock: [0, 2], fields: {} },
    ],
  });
}

export function arbComputation(options: ComputationOptions = {}): fc.Arbitrary<Execution> {
  const hostsMin = options.hostsMin ?? 2;
  const hostsMax = options.hostsMax ?? 5;
  const perHost = options.eventsPerHostMax ?? 3;
  const xMax = options.xMax ?? 3;
  const action = fc.record({
    host: fc.nat({ max: hostsMax - 1 }),
    kind: fc.nat({ max: 2 }),
    target: fc.nat({ max: hostsMax - 1 }),
    x: fc.nat({ max: xMax }),
  });
  return fc
    .tuple(fc.integer({ min: hostsMin, max: hostsMax }), fc.array(action, { maxLength: hostsMax * perHost }))
    .map(([hostCount, actions]) => simulate(hostCount, perHost, actions));
}

function simulate(hostCount: number, perHost: number, actions: readonly Action[]): Execution {
  const clocks = Array.from({ length: hostCount }, () => new Array<number>(hostCount).fill(0));
  const inbox: number[][][] = Array.from({ length: hostCount }, () => []);
  const events: EventInput[] = [];
  for (const a of actions) {
    const h = a.host % hostCount;
    if (clocks[h]![h]! >= perHost) continue;
    const clock = clocks[h]!;
    let kind: EventInput['kind'] = 'internal';
    if (a.kind === 2 && inbox[h]!.length > 0) {
      const sent = inbox[h]!.shift()!;
      for (let j = 0; j < hostCount; j++) clock[j] = Math.max(clock[j]!, sent[j]!);
      kind = 'receive';
    }
    clock[h]!++;
    if (a.kind === 1 && hostCount > 1) {
      const to = a.target % hostCount === h ? (h + 1) % hostCount : a.target % hostCount;
      inbox[to]!.push([...clock]);
      kind = 'send';
    }
    events.push({ host: h, kind, label: `${kind} x=${a.x}`, clock: [...clock], fields: { x: a.x } });
  }
  const hosts = Array.from({ length: hostCount }, (_, h) => `h${h}`);
  return buildExecution({ label: 'random computation', hosts, events });
}

/** e → f by the definition on vector clocks: e ≠ f and VC(e) ≤ VC(f) entry by entry. */
function precedes(exec: Execution, e: number, f: number): boolean {
  if (e === f) return false;
  const a = exec.events[e]!.clock;
  const b = exec.events[f]!.clock;
  for (let j = 0; j < a.length; j++) if (a[j]! > b[j]!) return false;
  return true;
}

/** Every consistent cut, from the whole box of count vectors filtered by closure under happened-before. */
export function bruteForceCuts(exec: Execution): Int32Array[] {
  const n = exec.hosts.length;
  const sizes = exec.byHost.map((own) => own.length);
  const result: Int32Array[] = [];
  const vector = new Array<number>(n).fill(0);
  for (;;) {
    const inCut = (id: number): boolean => exec.events[id]!.index <= vector[exec.events[id]!.host]!;
    let closed = true;
    for (const f of exec.events) {
      if (!inCut(f.id)) continue;
      for (const e of exec.events) {
        if (!inCut(e.id) && precedes(exec, e.id, f.id)) closed = false;
      }
    }
    if (closed) result.push(Int32Array.from(vector));
    let h = 0;
    while (h < n && vector[h] === sizes[h]) vector[h++] = 0;
    if (h === n) return result;
    vector[h]!++;
  }
}

/** Every observation (linear extension of happened-before), as event ids in order; throws beyond `observationsMax`. */
export function bruteForceObservations(exec: Execution, observationsMax = 200_000): number[][] {
  const out: number[][] = [];
  const taken = new Set<number>();
  const order: number[] = [];
  const visit = (): void => {
    if (order.length === exec.events.length) {
      if (out.length >= observationsMax) throw new Error(`more than ${observationsMax} observations`);
      out.push([...order]);
      return;
    }
    for (const e of exec.events) {
      if (taken.has(e.id)) continue;
      if (exec.events.some((f) => !taken.has(f.id) && precedes(exec, f.id, e.id))) continue;
      taken.add(e.id);
      order.push(e.id);
      visit();
      order.pop();
      taken.delete(e.id);
    }
  };
  visit();
  return out;
}

/** The global states Σ0 .. Σf an observation passes through, as count vectors. */
export function statesOfObservation(exec: Execution, observation: readonly number[]): Int32Array[] {
  const at = new Int32Array(exec.hosts.length);
  const states = [Int32Array.from(at)];
  for (const id of observation) {
    at[exec.events[id]!.host]!++;
    states.push(Int32Array.from(at));
  }
  return states;
}

/** Possibly and Definitely by the definitions: some cut satisfies φ; every observation meets a state satisfying φ. */
export function bruteForceModalities(exec: Execution, evaluate: (cut: Int32Array) => boolean): { possibly: boolean; definitely: boolean } {
  const possibly = bruteForceCuts(exec).some((c) => evaluate(c));
  const definitely = bruteForceObservations(exec).every((o) => statesOfObservation(exec, o).some((c) => evaluate(c)));
  return { possibly, definitely };
}

/** A step `[guard] phi` of a sequence, as plain functions of a cut. */
export interface BruteStep {
  readonly guard?: (cut: Int32Array) => boolean;
  readonly phi: (cut: Int32Array) => boolean;
}

/**
 * Whether the sequence of states satisfies `[θ1]φ1; ...; [θk]φk; [θk+1]`: positions i1 < ... < ik with φj at ij
 * and θj nowhere strictly between i(j-1) and ij (i0 = -1), θk+1 nowhere after ik. Tried by exhaustive recursion.
 */
export function observationSatisfies(
  states: readonly Int32Array[],
  steps: readonly BruteStep[],
  tail?: (cut: Int32Array) => boolean,
): boolean {
  const tryFrom = (j: number, previous: number): boolean => {
    if (j === steps.length) {
      for (let t = previous + 1; t < states.length; t++) if (tail?.(states[t]!) === true) return false;
      return true;
    }
    for (let i = previous + 1; i < states.length; i++) {
      if (steps[j]!.phi(states[i]!) && tryFrom(j + 1, i)) return true;
      if (steps[j]!.guard?.(states[i]!) === true) return false;
    }
    return false;
  };
  return tryFrom(0, -1);
}

/** Pos and Def of a sequence by checking every observation. */
export function bruteForceSequence(
  exec: Execution,
  steps: readonly BruteStep[],
  tail?: (cut: Int32Array) => boolean,
): { pos: boolean; def: boolean } {
  const verdicts = bruteForceObservations(exec).map((o) => observationSatisfies(statesOfObservation(exec, o), steps, tail));
  return { pos: verdicts.some((v) => v), def: verdicts.every((v) => v) };
}

/** A random predicate over a computation's cuts, as data (compiled against an execution by `compilePredicate`). */
export type PredicateSpec =
  | { readonly op: 'x'; readonly host: number; readonly cmp: '>=' | '<=' | '=='; readonly value: number }
  | { readonly op: 'count'; readonly host: number; readonly value: number }
  | { readonly op: 'sum'; readonly value: number }
  | { readonly op: 'not'; readonly a: PredicateSpec }
  | { readonly op: 'and' | 'or'; readonly a: PredicateSpec; readonly b: PredicateSpec };

const arbAtom: fc.Arbitrary<PredicateSpec> = fc.oneof(
  fc.record({ op: fc.constant('x' as const), host: fc.nat({ max: 4 }), cmp: fc.constantFrom('>=' as const, '<=' as const, '==' as const), value: fc.nat({ max: 3 }) }),
  fc.record({ op: fc.constant('count' as const), host: fc.nat({ max: 4 }), value: fc.nat({ max: 3 }) }),
  fc.record({ op: fc.constant('sum' as const), value: fc.nat({ max: 6 }) }),
);

/** Random predicates: and/or/not over thresholds of field x per host, exact event counts, the sum of x. */
export const arbPredicateSpec: fc.Arbitrary<PredicateSpec> = fc.letrec<{ p: PredicateSpec }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    arbAtom,
    fc.record({ op: fc.constant('not' as const), a: tie('p') }),
    fc.record({ op: fc.constantFrom('and' as const, 'or' as const), a: tie('p'), b: tie('p') }),
  ),
})).p;

function xOf(exec: Execution, host: number, k: number): number {
  const v = exec.hostStates[host]![k]!['x'];
  return typeof v === 'number' ? v : 0;
}

/** A spec as a function of a cut (hosts taken modulo the host count). */
export function specFunction(exec: Execution, spec: PredicateSpec): (cut: Int32Array) => boolean {
  const n = exec.hosts.length;
  switch (spec.op) {
    case 'x': {
      const h = spec.host % n;
      if (spec.cmp === '>=') return (c) => xOf(exec, h, c[h]!) >= spec.value;
      if (spec.cmp === '<=') return (c) => xOf(exec, h, c[h]!) <= spec.value;
      return (c) => xOf(exec, h, c[h]!) === spec.value;
    }
    case 'count': {
      const h = spec.host % n;
      return (c) => c[h] === spec.value;
    }
    case 'sum':
      return (c) => {
        let s = 0;
        for (let h = 0; h < n; h++) s += xOf(exec, h, c[h]!);
        return s >= spec.value;
      };
    case 'not': {
      const a = specFunction(exec, spec.a);
      return (c) => !a(c);
    }
    case 'and': {
      const a = specFunction(exec, spec.a);
      const b = specFunction(exec, spec.b);
      return (c) => a(c) && b(c);
    }
    case 'or': {
      const a = specFunction(exec, spec.a);
      const b = specFunction(exec, spec.b);
      return (c) => a(c) || b(c);
    }
  }
}

/** A spec compiled as a general CutPredicate. */
export function compilePredicate(exec: Execution, spec: PredicateSpec, text = 'random predicate'): CutPredicate {
  return { text, evaluate: specFunction(exec, spec), shape: { kind: 'general' } };
}

/** A random conjunctive predicate: per host, maybe a local condition `x cmp value`. */
export type ConjunctiveSpec = readonly ({ readonly cmp: '>=' | '<=' | '=='; readonly value: number } | null)[];

export const arbConjunctiveSpec: fc.Arbitrary<ConjunctiveSpec> = fc.array(
  fc.option(fc.record({ cmp: fc.constantFrom('>=' as const, '<=' as const, '==' as const), value: fc.nat({ max: 3 }) })),
  { minLength: 5, maxLength: 5 },
);

/** A conjunctive spec compiled as a CutPredicate of shape `conjunctive` (and its locals). */
export function compileConjunctive(exec: Execution, spec: ConjunctiveSpec, shape: 'conjunctive' | 'general' = 'conjunctive'): CutPredicate {
  const locals: LocalPredicate[] = [];
  for (let h = 0; h < exec.hosts.length; h++) {
    const c = spec[h];
    if (c === null || c === undefined) continue;
    const holds =
      c.cmp === '>=' ? (k: number) => xOf(exec, h, k) >= c.value : c.cmp === '<=' ? (k: number) => xOf(exec, h, k) <= c.value : (k: number) => xOf(exec, h, k) === c.value;
    locals.push({ host: h, holds });
  }
  const evaluate = (cut: Int32Array): boolean => locals.every((l) => l.holds(cut[l.host]!));
  return { text: 'random conjunction', evaluate, shape: shape === 'conjunctive' ? { kind: 'conjunctive', locals } : { kind: 'general' } };
}
