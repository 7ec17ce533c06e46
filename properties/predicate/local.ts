/**
 * Conditions of one host: predicate-language text whose bare fields are the host's own (`role == "leader"`,
 * `inCS`, `has(epoch) && epoch > 2`), as the argument of `count(...)` reads them. Tabulated per host and state, so
 * algorithms over pairs of hosts (properties/pairwise.ts) read them as arrays.
 */
import { fail, succeed, type Failable } from '../../execution/failable.js';
import type { Execution, StateValue } from '../../execution/types.js';
import type { ParsedPredicate, PredicateAst } from './ast.js';
import { compileCondition } from './compile-condition.js';
import { resolveContext, type CompileOptions } from './compile.js';
import { parsePredicate } from './parser.js';
import { childrenOf } from './resolve.js';

/** The first part of a one-host condition that reads other hosts, as the sentence saying so; null when none does. */
function readsOthers(node: PredicateAst): { column: number; message: string } | null {
  if (node.kind === 'field' && node.host !== null) {
    return { column: node.column, message: `a condition of one node reads only its own fields: write ${node.field}, not ${node.host.name}.${node.field}` };
  }
  if (node.kind === 'aggregate' || node.kind === 'inTransit') {
    const name = node.kind === 'aggregate' ? node.name : 'inTransit';
    return { column: node.column, message: `a condition of one node cannot use ${name}(...): it is evaluated at each node alone` };
  }
  for (const child of childrenOf(node)) {
    const found = readsOthers(child);
    if (found !== null) return found;
  }
  return null;
}

/** Parses a condition of one host; `source` names it in errors (e.g. `atMostOne condition`). */
export function parseLocalCondition(text: string, source = 'condition'): Failable<ParsedPredicate> {
  const parsed = parsePredicate(text, { bareFields: true });
  if (!parsed.ok) return fail({ ...parsed.error, source });
  const other = readsOthers(parsed.value.body);
  if (other !== null) return fail({ source, column: other.column, message: other.message });
  return parsed;
}

/** Parses the name of one field (`epoch`); `source` names it in errors. */
export function parseFieldName(text: string, source = 'field'): Failable<ParsedPredicate> {
  const parsed = parseLocalCondition(text, source);
  if (parsed.ok && parsed.value.body.kind === 'field') return parsed;
  return fail({ source, column: 1, message: `expected the name of one field, got '${text}'` });
}

/**
 * `holds[h][k]`: 1 when the condition holds at host h after its first k events (k = 0 .. its event count). Names
 * are checked against `exec` as `compilePredicate` checks them (with `options`' declared fields).
 */
export function tabulateLocalCondition(parsed: ParsedPredicate, exec: Execution, options: CompileOptions = {}): Failable<Uint8Array[]> {
  const ctx = resolveContext(parsed, exec, options);
  if (!ctx.ok) return ctx;
  const scratch = new Int32Array(exec.hosts.length);
  return succeed(
    exec.byHost.map((own, h) => {
      const holds = compileCondition(parsed.body, ctx.value, h);
      const table = new Uint8Array(own.length + 1);
      for (let k = 0; k <= own.length; k++) {
        scratch[h] = k;
        table[k] = holds(scratch) ? 1 : 0;
      }
      return table;
    }),
  );
}

/** `values[h][k]`: a field (parsed by `parseFieldName`) at host h after its first k events; undefined while unset. */
export function tabulateField(
  parsed: ParsedPredicate,
  exec: Execution,
  options: CompileOptions = {},
): Failable<readonly (readonly (StateValue | undefined)[])[]> {
  const ctx = resolveContext(parsed, exec, options);
  if (!ctx.ok) return ctx;
  const body = parsed.body as PredicateAst & { kind: 'field' };
  return succeed(ctx.value.fields.get(body.field)!.values);
}
