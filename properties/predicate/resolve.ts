import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { Execution } from '../../execution/types.js';
import type { HostName, PredicateAst } from './ast.js';
import type { FieldTables } from './field-tables.js';

const LISTED_MAX = 20;

/** "a, b, c" — at most LISTED_MAX names, then "and N more". */
export function listNames(names: readonly string[]): string {
  const shown = names.slice(0, LISTED_MAX).join(', ');
  return names.length > LISTED_MAX ? `${shown} and ${names.length - LISTED_MAX} more` : shown;
}

/** Children of a node, in text order. */
export function childrenOf(node: PredicateAst): readonly PredicateAst[] {
  switch (node.kind) {
    case 'negate':
    case 'not':
      return [node.operand];
    case 'arith':
    case 'compare':
    case 'and':
    case 'or':
      return [node.left, node.right];
    case 'aggregate':
      return [node.argument];
    case 'has':
      return [node.field];
    default:
      return [];
  }
}

/**
 * `unknown field 'lod': no event sets it; the fields are load, x`, then `hint` (what to do about a field that is
 * legitimately unset, say). With declared fields: `...: no event sets it and it is not declared; ...`.
 */
function unknownField(field: string, fields: FieldTables, hint: string | undefined): string {
  const known = fields.known.length === 0 ? 'this execution has no fields' : `the fields are ${listNames(fields.known)}`;
  const why = fields.declared === undefined ? 'no event sets it' : 'no event sets it and it is not declared';
  return `unknown field '${field}': ${why}; ${known}${hint === undefined ? '' : `; ${hint}`}`;
}

/**
 * Checks every name the predicate uses against the execution: hosts must exist, a field must be set by some event
 * (or declared: see `FieldTables`), and `inTransit` needs message links when the execution has send events. The
 * first problem in text order wins; `hint` ends the sentence of an unknown field.
 */
export function resolveNames(body: PredicateAst, exec: Execution, fields: FieldTables, hint?: string): Failable<void> {
  const hostIndex = new Map<string, number>();
  exec.hosts.forEach((name, i) => {
    if (!hostIndex.has(name)) hostIndex.set(name, i);
  });
  const checkHost = (host: HostName): Failable<void> =>
    hostIndex.has(host.name)
      ? succeed(undefined)
      : fail({
          source: 'predicate',
          column: host.column,
          message: `unknown host '${host.name}'; the hosts are ${listNames(exec.hosts)}`,
        });
  const visit = (node: PredicateAst): Failable<void> => {
    if (node.kind === 'field') {
      if (node.host !== null) {
        const host = checkHost(node.host);
        if (!host.ok) return host;
      }
      if (fields.get(node.field) === undefined) {
        return fail({ source: 'predicate', column: node.fieldColumn, message: unknownField(node.field, fields, hint) });
      }
    }
    if (node.kind === 'inTransit') {
      for (const host of [node.from, node.to]) {
        if (host === null) continue;
        const checked = checkHost(host);
        if (!checked.ok) return checked;
      }
      if (exec.messages.length === 0 && exec.events.some((e) => e.kind === 'send')) {
        return fail({
          source: 'predicate',
          column: node.column,
          message: 'inTransit needs message links (sends matched to receives), and this execution records none',
        });
      }
    }
    for (const child of childrenOf(node)) {
      const result = visit(child);
      if (!result.ok) return result;
    }
    return succeed(undefined);
  };
  return visit(body);
}
