/**
 * The syntax tree of a predicate (see docs/predicate-language.md). Every node keeps the 1-based column of the token
 * that starts it, so later checks (unknown host, unknown field) can point at the text.
 */

/** Arithmetic operators. */
export type ArithmeticOp = '+' | '-' | '*' | '/';

/** Comparison operators. */
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** Aggregates over all hosts: `sum/min/max` of a value, `count/all/any` of a condition. */
export type AggregateName = 'sum' | 'min' | 'max' | 'count' | 'all' | 'any';

/** A host named in the text: as an identifier (`p1`) or a quoted string (`"node-1"`). */
export interface HostName {
  readonly name: string;
  readonly column: number;
}

/** A field read: `host.field`, or a bare `field` (host `null`) inside an aggregate: the host being iterated. */
export interface FieldNode {
  readonly kind: 'field';
  readonly host: HostName | null;
  readonly field: string;
  readonly fieldColumn: number;
  readonly column: number;
}

/** One node of the syntax tree. */
export type PredicateAst =
  | { readonly kind: 'number'; readonly value: number; readonly column: number }
  | { readonly kind: 'string'; readonly value: string; readonly column: number }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly column: number }
  | FieldNode
  /** `has(host.field)` (or `has(field)` inside an aggregate): the field is set at that host in the cut. */
  | { readonly kind: 'has'; readonly field: FieldNode; readonly column: number }
  | { readonly kind: 'negate'; readonly operand: PredicateAst; readonly column: number }
  | {
      readonly kind: 'arith';
      readonly op: ArithmeticOp;
      readonly left: PredicateAst;
      readonly right: PredicateAst;
      readonly column: number;
    }
  | {
      readonly kind: 'compare';
      readonly op: CompareOp;
      readonly left: PredicateAst;
      readonly right: PredicateAst;
      readonly column: number;
    }
  | { readonly kind: 'not'; readonly operand: PredicateAst; readonly column: number }
  | {
      readonly kind: 'and' | 'or';
      readonly left: PredicateAst;
      readonly right: PredicateAst;
      readonly column: number;
    }
  | {
      readonly kind: 'aggregate';
      readonly name: AggregateName;
      readonly argument: PredicateAst;
      readonly column: number;
    }
  /** `inTransit()` (both hosts null) or `inTransit(a, b)`. */
  | {
      readonly kind: 'inTransit';
      readonly from: HostName | null;
      readonly to: HostName | null;
      readonly column: number;
    };

/** A parsed predicate: its body and whether the user declared it stable with the `stable:` prefix. */
export interface ParsedPredicate {
  readonly text: string;
  readonly stable: boolean;
  readonly body: PredicateAst;
}

/**
 * What a node can stand for, known from the syntax alone: a `condition` (true/false), a `value` (number or string),
 * or `either` (a field, whose values decide).
 */
export type SyntaxCategory = 'condition' | 'value' | 'either';

/** The syntax category of a node. */
export function categoryOf(node: PredicateAst): SyntaxCategory {
  switch (node.kind) {
    case 'boolean':
    case 'compare':
    case 'not':
    case 'and':
    case 'or':
    case 'has':
      return 'condition';
    case 'aggregate':
      return node.name === 'all' || node.name === 'any' ? 'condition' : 'value';
    case 'field':
      return 'either';
    default:
      return 'value';
  }
}
