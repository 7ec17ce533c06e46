import type { LocalPredicate, PredicateShape } from '../predicate-types.js';
import type { ParsedPredicate, PredicateAst } from './ast.js';
import { compileCondition } from './compile-condition.js';
import type { CompileContext, ConditionFn } from './compile-expr.js';
import { childrenOf } from './resolve.js';

/** The terms of a top-level conjunction `a && b && c` (parentheses already gone), in text order. */
export function conjunctsOf(node: PredicateAst): PredicateAst[] {
  return node.kind === 'and' ? [...conjunctsOf(node.left), ...conjunctsOf(node.right)] : [node];
}

/** The hosts a node reads, or null when it reads the whole system (an aggregate, inTransit, a bare field). */
export function hostsRead(node: PredicateAst, ctx: CompileContext): Set<number> | null {
  if (node.kind === 'aggregate' || node.kind === 'inTransit') return null;
  const hosts = new Set<number>();
  if (node.kind === 'field') {
    if (node.host === null) return null;
    hosts.add(ctx.hostIndex(node.host.name));
  }
  for (const child of childrenOf(node)) {
    const inner = hostsRead(child, ctx);
    if (inner === null) return null;
    for (const h of inner) hosts.add(h);
  }
  return hosts;
}

/**
 * The shape the engine may exploit: `stable` when declared with the `stable:` prefix; `conjunctive` when every
 * term of the top-level `&&` reads at most one host (terms of one host are merged; terms reading no host join
 * the first host's local predicate); `general` otherwise.
 */
export function detectShape(parsed: ParsedPredicate, ctx: CompileContext): PredicateShape {
  if (parsed.stable) return { kind: 'stable' };
  if (ctx.hostCount === 0) return { kind: 'general' };
  const termsByHost = new Map<number, PredicateAst[]>();
  for (const term of conjunctsOf(parsed.body)) {
    const hosts = hostsRead(term, ctx);
    if (hosts === null || hosts.size > 1) return { kind: 'general' };
    const host = hosts.size === 1 ? [...hosts][0]! : 0;
    const list = termsByHost.get(host) ?? [];
    list.push(term);
    termsByHost.set(host, list);
  }
  const locals: LocalPredicate[] = [...termsByHost.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([host, terms]) => localPredicate(host, terms.map((t) => compileCondition(t, ctx, -1)), ctx.hostCount));
  return { kind: 'conjunctive', locals };
}

function localPredicate(host: number, terms: readonly ConditionFn[], hostCount: number): LocalPredicate {
  // The terms read only this host's entry of the cut, so a scratch cut with just that entry set suffices.
  const scratch = new Int32Array(hostCount);
  return {
    host,
    holds: (k) => {
      scratch[host] = k;
      for (let i = 0; i < terms.length; i++) if (!terms[i]!(scratch)) return false;
      return true;
    },
  };
}
