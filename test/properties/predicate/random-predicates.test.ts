/**
 * Random predicates against an independent interpreter: generate a syntax tree, print it as text with the fewest
 * parentheses, parse and compile it, and compare with the interpreter below at every consistent cut.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Execution, StateValue } from '../../../execution/types.js';
import { compilePredicate } from '../../../properties/predicate/index.js';
import { arbComputation, bruteForceCuts } from './random-computation.js';

type Cmp = '==' | '!=' | '<' | '<=' | '>' | '>=';
type Expr =
  | { t: 'num'; v: number }
  | { t: 'field'; h: number | null }
  | { t: 'neg'; e: Expr }
  | { t: 'arith'; op: '+' | '-' | '*' | '/'; l: Expr; r: Expr }
  | { t: 'agg'; name: 'sum' | 'min' | 'max'; e: Expr }
  | { t: 'count'; c: Cond }
  | { t: 'transit'; channel: [number, number] | null };
type Cond =
  | { t: 'bool'; v: boolean }
  | { t: 'cmp'; op: Cmp; l: Expr; r: Expr }
  | { t: 'cmpStr'; op: Cmp; l: Expr; s: string }
  | { t: 'ceq'; op: '==' | '!='; l: Cond; r: Cond }
  | { t: 'not'; c: Cond }
  | { t: 'and' | 'or'; l: Cond; r: Cond }
  | { t: 'quant'; name: 'all' | 'any'; c: Cond };

const cmpOps: Cmp[] = ['==', '!=', '<', '<=', '>', '>='];

/** Generators by (depth, inside an aggregate), memoised so building them stays linear in depth. */
function generators(n: number): { cond: (depth: number, inside: boolean) => fc.Arbitrary<Cond> } {
  const exprs = new Map<string, fc.Arbitrary<Expr>>();
  const conds = new Map<string, fc.Arbitrary<Cond>>();
  const host = fc.integer({ min: 0, max: n - 1 });
  const expr = (d: number, inside: boolean): fc.Arbitrary<Expr> => {
    const key = `${d}${inside}`;
    const known = exprs.get(key);
    if (known !== undefined) return known;
    const leaves: fc.WeightedArbitrary<Expr>[] = [
      { arbitrary: fc.constantFrom(0, 1, 2, 3, 0.5).map((v) => ({ t: 'num' as const, v })), weight: 3 },
      { arbitrary: host.map((h) => ({ t: 'field' as const, h })), weight: 5 },
      {
        arbitrary: fc.option(fc.tuple(host, host), { nil: null }).map((channel) => ({ t: 'transit' as const, channel })),
        weight: 1,
      },
    ];
    if (inside) leaves.push({ arbitrary: fc.constant({ t: 'field' as const, h: null }), weight: 6 });
    const weighted = (arbitrary: fc.Arbitrary<Expr>, weight = 2): fc.WeightedArbitrary<Expr> => ({ arbitrary, weight });
    const arb: fc.Arbitrary<Expr> =
      d === 0
        ? fc.oneof(...leaves)
        : fc.oneof(
            ...leaves,
            weighted(expr(d - 1, inside).map((e) => ({ t: 'neg' as const, e })), 1),
            weighted(
              fc
                .tuple(fc.constantFrom('+', '-', '*', '/' as const), expr(d - 1, inside), expr(d - 1, inside))
                .map(([op, l, r]) => ({ t: 'arith' as const, op, l, r })),
              4,
            ),
            weighted(
              fc
                .tuple(fc.constantFrom('sum', 'min', 'max' as const), expr(d - 1, true))
                .map(([name, e]) => ({ t: 'agg' as const, name, e })),
            ),
            weighted(cond(d - 1, true).map((c) => ({ t: 'count' as const, c }))),
          );
    exprs.set(key, arb);
    return arb;
  };
  const cond = (d: number, inside: boolean): fc.Arbitrary<Cond> => {
    const key = `${d}${inside}`;
    const known = conds.get(key);
    if (known !== undefined) return known;
    const e = expr(Math.max(0, d - 1), inside);
    const weighted = (arbitrary: fc.Arbitrary<Cond>, weight = 2): fc.WeightedArbitrary<Cond> => ({ arbitrary, weight });
    const leaves: fc.WeightedArbitrary<Cond>[] = [
      weighted(fc.boolean().map((v) => ({ t: 'bool' as const, v })), 1),
      weighted(fc.tuple(fc.constantFrom(...cmpOps), e, e).map(([op, l, r]) => ({ t: 'cmp' as const, op, l, r })), 8),
      weighted(
        fc
          .tuple(fc.constantFrom(...cmpOps), e, fc.constantFrom('a', '1'))
          .map(([op, l, s]) => ({ t: 'cmpStr' as const, op, l, s })),
        1,
      ),
    ];
    const arb: fc.Arbitrary<Cond> =
      d === 0
        ? fc.oneof(...leaves)
        : fc.oneof(
            ...leaves,
            weighted(cond(d - 1, inside).map((c) => ({ t: 'not' as const, c }))),
            weighted(
              fc
                .tuple(fc.constantFrom('and', 'or' as const), cond(d - 1, inside), cond(d - 1, inside))
                .map(([t, l, r]) => ({ t, l, r })),
              5,
            ),
            weighted(
              fc
                .tuple(fc.constantFrom('==', '!=' as const), cond(d - 1, inside), cond(d - 1, inside))
                .map(([op, l, r]) => ({ t: 'ceq' as const, op, l, r })),
              1,
            ),
            weighted(
              fc
                .tuple(fc.constantFrom('all', 'any' as const), cond(d - 1, true))
                .map(([name, c]) => ({ t: 'quant' as const, name, c })),
            ),
          );
    conds.set(key, arb);
    return arb;
  };
  return { cond };
}

// ---- Printing with the fewest parentheses: || 1, && 2, ! 3, comparison 4, + - 5, * / 6, unary - 7, atom 8.

const hostText = (h: number): string => (h % 2 === 1 ? `"p${h + 1}"` : `p${h + 1}`);
const wrap = ([text, level]: [string, number], min: number): string => (level < min ? `(${text})` : text);

function printExpr(e: Expr): [string, number] {
  switch (e.t) {
    case 'num':
      return [String(e.v), 8];
    case 'field':
      return [e.h === null ? 'x' : `${hostText(e.h)}.x`, 8];
    case 'neg':
      return [`-${wrap(printExpr(e.e), 7)}`, 7];
    case 'arith': {
      const level = e.op === '+' || e.op === '-' ? 5 : 6;
      return [`${wrap(printExpr(e.l), level)} ${e.op} ${wrap(printExpr(e.r), level + 1)}`, level];
    }
    case 'agg':
      return [`${e.name}(${printExpr(e.e)[0]})`, 8];
    case 'count':
      return [`count(${printCond(e.c)[0]})`, 8];
    case 'transit':
      return [e.channel === null ? 'inTransit()' : `inTransit(${hostText(e.channel[0])}, ${hostText(e.channel[1])})`, 8];
  }
}

function printCond(c: Cond): [string, number] {
  switch (c.t) {
    case 'bool':
      return [String(c.v), 8];
    case 'cmp':
      return [`${wrap(printExpr(c.l), 5)} ${c.op} ${wrap(printExpr(c.r), 5)}`, 4];
    case 'cmpStr':
      return [`${wrap(printExpr(c.l), 5)} ${c.op} '${c.s}'`, 4];
    case 'ceq':
      return [`${wrap(printCond(c.l), 5)} ${c.op} ${wrap(printCond(c.r), 5)}`, 4];
    case 'not':
      return [`!${wrap(printCond(c.c), 3)}`, 3];
    case 'and':
      return [`${wrap(printCond(c.l), 2)} && ${wrap(printCond(c.r), 3)}`, 2];
    case 'or':
      return [`${wrap(printCond(c.l), 1)} || ${wrap(printCond(c.r), 2)}`, 1];
    case 'quant':
      return [`${c.name}(${printCond(c.c)[0]})`, 8];
  }
}

// ---- The independent interpreter, reading states folded from the events themselves.

type V = StateValue | undefined;

function interpreter(exec: Execution, cut: Int32Array): (c: Cond) => boolean {
  const n = exec.hosts.length;
  const xs: V[] = [];
  for (let h = 0; h < n; h++) {
    let x: V;
    for (const id of exec.byHost[h]!.slice(0, cut[h]!)) if ('x' in exec.events[id]!.fields) x = exec.events[id]!.fields['x'];
    xs.push(x);
  }
  const inCut = (id: number): boolean => exec.events[id]!.index <= cut[exec.events[id]!.host]!;
  const num = (v: V): number | undefined => (typeof v === 'number' && !Number.isNaN(v) ? v : undefined);
  const evalExpr = (e: Expr, self: number): number | undefined => {
    switch (e.t) {
      case 'num':
        return e.v;
      case 'field':
        return num(xs[e.h ?? self]);
      case 'neg': {
        const v = evalExpr(e.e, self);
        return v === undefined ? undefined : -v;
      }
      case 'arith': {
        const a = evalExpr(e.l, self);
        const b = evalExpr(e.r, self);
        if (a === undefined || b === undefined) return undefined;
        if (e.op === '/' && b === 0) return undefined;
        const r = e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : a / b;
        return num(r);
      }
      case 'agg': {
        const vs = exec.hosts.map((_, h) => evalExpr(e.e, h));
        if (vs.length === 0 || vs.some((v) => v === undefined)) return e.name === 'sum' && vs.length === 0 ? 0 : undefined;
        const ns = vs as number[];
        return e.name === 'sum' ? ns.reduce((s, v) => s + v, 0) : e.name === 'min' ? Math.min(...ns) : Math.max(...ns);
      }
      case 'count':
        return exec.hosts.filter((_, h) => evalCond(e.c, h)).length;
      case 'transit':
        return exec.messages.filter(
          (m) =>
            m.fate !== 'dropped' &&
            (e.channel === null || (m.from === e.channel[0] && m.to === e.channel[1])) &&
            inCut(m.sendEvent) &&
            !m.receiveEvents.some(inCut),
        ).length;
    }
  };
  const compare = (op: Cmp, a: V, b: V): boolean => {
    if (a === undefined || b === undefined) return false;
    if (typeof a !== typeof b) return op === '!=';
    if (op === '==' || op === '!=') return (a === b) === (op === '==');
    if (typeof a === 'boolean') return false;
    return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
  };
  const evalCond = (c: Cond, self: number): boolean => {
    switch (c.t) {
      case 'bool':
        return c.v;
      case 'cmp':
        return compare(c.op, evalExpr(c.l, self), evalExpr(c.r, self));
      case 'cmpStr':
        return compare(c.op, evalExpr(c.l, self), c.s);
      case 'ceq':
        return compare(c.op, evalCond(c.l, self), evalCond(c.r, self));
      case 'not':
        return !evalCond(c.c, self);
      case 'and':
        return evalCond(c.l, self) && evalCond(c.r, self);
      case 'or':
        return evalCond(c.l, self) || evalCond(c.r, self);
      case 'quant':
        return c.name === 'all'
          ? exec.hosts.every((_, h) => evalCond(c.c, h))
          : exec.hosts.some((_, h) => evalCond(c.c, h));
    }
  };
  return (c) => evalCond(c, -1);
}

test('compiled predicates agree with an independent interpreter at every consistent cut', () => {
  const arb = arbComputation({ hostsMax: 3, opsMax: 12 }).chain((exec) =>
    fc.tuple(fc.constant(exec), generators(exec.hosts.length).cond(3, false)),
  );
  let compiledCount = 0;
  fc.assert(
    fc.property(arb, ([exec, cond]) => {
      const text = printCond(cond)[0];
      const compiled = compilePredicate(text, exec);
      const mentionsX = /(^|[^a-zA-Z])x\b/.test(text);
      if (!compiled.ok) {
        // The only admissible failure: x is used but no event of this computation sets it.
        expect(compiled.error.message).toMatch(/^unknown field 'x'/);
        expect(mentionsX && !exec.events.some((e) => 'x' in e.fields)).toBe(true);
        return;
      }
      compiledCount++;
      if (process.env['SHOW'] && compiledCount % 50 === 0) console.log(text);
      const { evaluate, shape } = compiled.value;
      for (const cut of bruteForceCuts(exec)) {
        const expected = interpreter(exec, cut)(cond);
        expect({ text, cut: [...cut], value: evaluate(cut) }).toEqual({ text, cut: [...cut], value: expected });
        if (shape.kind === 'conjunctive') {
          expect(shape.locals.every((l) => l.holds(cut[l.host]!))).toBe(expected);
        }
      }
    }),
    { numRuns: 600 },
  );
  expect(compiledCount).toBeGreaterThan(200);
});
