import type { StateValue } from '../../execution/types.js';
import type { PredicateAst } from './ast.js';
import { compileCondition } from './compile-condition.js';
import type { FieldTables } from './field-tables.js';
import type { InTransitCounter } from './in-transit.js';

/** A numeric expression over a cut; NaN stands for "unset". */
export type NumberFn = (cut: Int32Array) => number;
/** Any value over a cut; `undefined` stands for "unset". */
export type ValueFn = (cut: Int32Array) => StateValue | undefined;
/** A condition over a cut. */
export type ConditionFn = (cut: Int32Array) => boolean;

/** What the closures read: hosts and fields already resolved (see `resolve.ts`). */
export interface CompileContext {
  readonly hostCount: number;
  readonly hostIndex: (name: string) => number;
  readonly fields: FieldTables;
  readonly inTransit: () => InTransitCounter;
}

const UNSET_NUMBER: NumberFn = () => NaN;

/** The host a field node reads: its own host, or the host being iterated by the enclosing aggregate. */
function fieldHost(node: PredicateAst & { kind: 'field' }, ctx: CompileContext, iterated: number): number {
  return node.host === null ? iterated : ctx.hostIndex(node.host.name);
}

/** True when the node's value is a number or unset at every cut (so the NaN-based closures apply). */
export function isNumeric(node: PredicateAst, ctx: CompileContext, iterated: number): boolean {
  switch (node.kind) {
    case 'number':
    case 'negate':
    case 'arith':
    case 'inTransit':
      return true;
    case 'aggregate':
      return node.name === 'sum' || node.name === 'min' || node.name === 'max' || node.name === 'count';
    case 'field':
      return ctx.fields.get(node.field)!.numbers[fieldHost(node, ctx, iterated)] !== null;
    default:
      return false;
  }
}

/** Compiles a value node to a number closure (non-numbers read as unset). `iterated`: host of bare fields, or -1. */
export function compileNumber(node: PredicateAst, ctx: CompileContext, iterated: number): NumberFn {
  switch (node.kind) {
    case 'number': {
      const value = node.value;
      return () => value;
    }
    case 'field': {
      const h = fieldHost(node, ctx, iterated);
      const table = ctx.fields.get(node.field)!;
      const numbers = table.numbers[h];
      if (numbers != null) return (cut) => numbers[cut[h]!]!;
      const values = table.values[h]!;
      return (cut) => {
        const v = values[cut[h]!];
        return typeof v === 'number' ? v : NaN;
      };
    }
    case 'negate': {
      const f = compileNumber(node.operand, ctx, iterated);
      return (cut) => -f(cut);
    }
    case 'arith':
      return compileArithmetic(node, ctx, iterated);
    case 'aggregate':
      return compileNumericAggregate(node, ctx);
    case 'inTransit': {
      const counter = ctx.inTransit();
      if (node.from === null || node.to === null) return (cut) => counter.all(cut);
      return counter.channel(ctx.hostIndex(node.from.name), ctx.hostIndex(node.to.name));
    }
    default:
      return UNSET_NUMBER;
  }
}

function compileArithmetic(node: PredicateAst & { kind: 'arith' }, ctx: CompileContext, iterated: number): NumberFn {
  const a = compileNumber(node.left, ctx, iterated);
  const b = compileNumber(node.right, ctx, iterated);
  switch (node.op) {
    case '+':
      return (cut) => a(cut) + b(cut);
    case '-':
      return (cut) => a(cut) - b(cut);
    case '*':
      return (cut) => a(cut) * b(cut);
    case '/':
      return (cut) => {
        const d = b(cut);
        return d === 0 ? NaN : a(cut) / d;
      };
  }
}

function perHost<T>(ctx: CompileContext, compile: (host: number) => T): T[] {
  return Array.from({ length: ctx.hostCount }, (_, h) => compile(h));
}

function compileNumericAggregate(node: PredicateAst & { kind: 'aggregate' }, ctx: CompileContext): NumberFn {
  if (node.name === 'count') {
    const terms = perHost(ctx, (h) => compileCondition(node.argument, ctx, h));
    return (cut) => {
      let count = 0;
      for (let i = 0; i < terms.length; i++) if (terms[i]!(cut)) count++;
      return count;
    };
  }
  const terms = perHost(ctx, (h) => compileNumber(node.argument, ctx, h));
  if (node.name === 'sum') {
    return (cut) => {
      let sum = 0;
      for (let i = 0; i < terms.length; i++) sum += terms[i]!(cut);
      return sum;
    };
  }
  const max = node.name === 'max';
  return (cut) => {
    if (terms.length === 0) return NaN;
    let best = terms[0]!(cut);
    if (best !== best) return NaN;
    for (let i = 1; i < terms.length; i++) {
      const v = terms[i]!(cut);
      if (max ? v > best : v < best) best = v;
      else if (v !== v) return NaN;
    }
    return best;
  };
}

/** Compiles any node to a value closure (conditions give booleans). */
export function compileValue(node: PredicateAst, ctx: CompileContext, iterated: number): ValueFn {
  if (node.kind === 'string' || node.kind === 'boolean') {
    const value = node.value;
    return () => value;
  }
  if (node.kind === 'field' && !isNumeric(node, ctx, iterated)) {
    const h = fieldHost(node, ctx, iterated);
    const values = ctx.fields.get(node.field)!.values[h]!;
    return (cut) => values[cut[h]!];
  }
  if (isNumeric(node, ctx, iterated)) {
    const f = compileNumber(node, ctx, iterated);
    return (cut) => {
      const v = f(cut);
      return v !== v ? undefined : v;
    };
  }
  return compileCondition(node, ctx, iterated);
}
