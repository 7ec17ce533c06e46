/** Test helpers: causal edges from the definitions, and every causal path by depth-first enumeration. */
import type { Execution } from '../../../execution/types.js';

const knows = (exec: Execution, e: number, f: number): boolean =>
  e !== f && exec.events[f]!.clock[exec.events[e]!.host]! >= exec.events[e]!.index;

/**
 * Successor lists. With message records: next event of the host, and send → each receive. Without: next event of
 * the host, and g → f for each g on another host that f knows but f's host predecessor does not, and that no other
 * such event knows (the maximal ones).
 */
export function successorsByDefinition(exec: Execution): number[][] {
  const succ: number[][] = exec.events.map(() => []);
  const add = (a: number, b: number): void => {
    if (!succ[a]!.includes(b)) succ[a]!.push(b);
  };
  for (const own of exec.byHost) for (let k = 1; k < own.length; k++) add(own[k - 1]!, own[k]!);
  if (exec.messages.length > 0) {
    for (const m of exec.messages) for (const r of m.receiveEvents) add(m.sendEvent, r);
    return succ;
  }
  for (const f of exec.events) {
    const own = exec.byHost[f.host]!;
    const p = f.index > 1 ? own[f.index - 2]! : -1;
    const fresh = exec.events.filter((g) => g.host !== f.host && knows(exec, g.id, f.id) && (p < 0 || !knows(exec, g.id, p)));
    for (const g of fresh) if (!fresh.some((h) => knows(exec, g.id, h.id))) add(g.id, f.id);
  }
  return succ;
}

/** Every causal path (non-empty), in no particular order. */
export function allCausalPaths(exec: Execution): number[][] {
  const succ = successorsByDefinition(exec);
  const paths: number[][] = [];
  const extend = (path: number[]): void => {
    paths.push(path);
    for (const s of succ[path[path.length - 1]!]!) extend([...path, s]);
  };
  for (const e of exec.events) extend([e.id]);
  return paths;
}

/** True when each event of the path is an immediate causal successor of the one before. */
export function isCausalPath(exec: Execution, path: readonly number[]): boolean {
  const succ = successorsByDefinition(exec);
  return path.length > 0 && path.every((e, i) => i === 0 || succ[path[i - 1]!]!.includes(e));
}
