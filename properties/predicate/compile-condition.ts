import type { StateValue } from '../../execution/types.js';
import type { CompareOp, PredicateAst } from './ast.js';
import {
  compileNumber,
  compileValue,
  isNumeric,
  type CompileContext,
  type ConditionFn,
  type NumberFn,
} from './compile-expr.js';

function compareNumbers(op: CompareOp, a: NumberFn, b: NumberFn): ConditionFn {
  // NaN (unset) makes every comparison false, which JS already does except for !=.
  switch (op) {
    case '==':
      return (cut) => a(cut) === b(cut);
    case '!=':
      return (cut) => {
        const x = a(cut);
        const y = b(cut);
        return x === x && y === y && x !== y;
      };
    case '<':
      return (cut) => a(cut) < b(cut);
    case '<=':
      return (cut) => a(cut) <= b(cut);
    case '>':
      return (cut) => a(cut) > b(cut);
    case '>=':
      return (cut) => a(cut) >= b(cut);
  }
}

/**
 * Compares two values: false when either is unset; values of different types are unequal (`==` false, `!=` true,
 * orderings false); strings order by UTF-16 code units; booleans do not order.
 */
export function compareValues(op: CompareOp, a: StateValue | undefined, b: StateValue | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (typeof a !== typeof b) return op === '!=';
  if (op === '==') return a === b;
  if (op === '!=') return a !== b;
  if (typeof a === 'boolean') return false;
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

/** Compiles a condition node. `iterated`: the host bare fields read (inside an aggregate), or -1. */
export function compileCondition(node: PredicateAst, ctx: CompileContext, iterated: number): ConditionFn {
  switch (node.kind) {
    case 'boolean': {
      const value = node.value;
      return () => value;
    }
    case 'field': {
      // A field used as a condition holds when its value is the boolean true.
      const h = node.host === null ? iterated : ctx.hostIndex(node.host.name);
      const values = ctx.fields.get(node.field)!.values[h]!;
      return (cut) => values[cut[h]!] === true;
    }
    case 'has': {
      const h = node.field.host === null ? iterated : ctx.hostIndex(node.field.host.name);
      const values = ctx.fields.get(node.field.field)!.values[h]!;
      return (cut) => values[cut[h]!] !== undefined;
    }
    case 'compare': {
      if (isNumeric(node.left, ctx, iterated) && isNumeric(node.right, ctx, iterated)) {
        return compareNumbers(node.op, compileNumber(node.left, ctx, iterated), compileNumber(node.right, ctx, iterated));
      }
      const a = compileValue(node.left, ctx, iterated);
      const b = compileValue(node.right, ctx, iterated);
      const op = node.op;
      return (cut) => compareValues(op, a(cut), b(cut));
    }
    case 'not': {
      const f = compileCondition(node.operand, ctx, iterated);
      return (cut) => !f(cut);
    }
    case 'and': {
      const a = compileCondition(node.left, ctx, iterated);
      const b = compileCondition(node.right, ctx, iterated);
      return (cut) => a(cut) && b(cut);
    }
    case 'or': {
      const a = compileCondition(node.left, ctx, iterated);
      const b = compileCondition(node.right, ctx, iterated);
      return (cut) => a(cut) || b(cut);
    }
    case 'aggregate':
      return compileQuantifier(node, ctx);
    default:
      // The parser admits no other node where a condition stands.
      return () => false;
  }
}

function compileQuantifier(node: PredicateAst & { kind: 'aggregate' }, ctx: CompileContext): ConditionFn {
  if (node.name !== 'all' && node.name !== 'any') return () => false; // the parser admits no other here
  const terms = Array.from({ length: ctx.hostCount }, (_, h) => compileCondition(node.argument, ctx, h));
  if (node.name === 'all') {
    return (cut) => {
      for (let i = 0; i < terms.length; i++) if (!terms[i]!(cut)) return false;
      return true;
    };
  }
  return (cut) => {
    for (let i = 0; i < terms.length; i++) if (terms[i]!(cut)) return true;
    return false;
  };
}
