import { categoryOf, type PredicateAst } from './ast.js';

const ORDERING_ROLES: readonly string[] = ["'<'", "'<='", "'>'", "'>='"];

/**
 * Checks that a node may stand where a `condition` or a `value` is wanted; returns the error sentence, or null.
 * A field may stand anywhere (its values decide at evaluation); a string literal is no operand of arithmetic.
 * `role` names the operator or function asking, e.g. `'&&'` or `sum(...)`.
 */
export function checkCategory(node: PredicateAst, wanted: 'condition' | 'value', role: string): string | null {
  const category = categoryOf(node);
  if (category === 'either' || category === wanted) {
    const ordering = ORDERING_ROLES.includes(role);
    if (wanted === 'value' && node.kind === 'string' && !ordering) {
      return `${role} needs numbers, but this is the string '${node.value}'`;
    }
    return null;
  }
  if (wanted === 'condition') {
    return `${role} needs a condition (true or false), but this is a value: compare it, e.g. with > or ==`;
  }
  return `${role} needs a value, but this is a condition (true or false)`;
}
