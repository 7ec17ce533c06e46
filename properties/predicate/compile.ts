import { type Failable, succeed } from '../../execution/failable.js';
import type { Execution } from '../../execution/types.js';
import type { CutPredicate } from '../predicate-types.js';
import type { ParsedPredicate } from './ast.js';
import { compileCondition } from './compile-condition.js';
import type { CompileContext } from './compile-expr.js';
import { FieldTables } from './field-tables.js';
import { InTransitCounter } from './in-transit.js';
import { parsePredicate } from './parser.js';
import { resolveNames } from './resolve.js';
import { detectShape } from './shape.js';

/** Options of `compilePredicate`. */
export interface CompileOptions {
  /**
   * Fields the execution's source declares (a protocol's `fields`): a declared field that no event sets is unset
   * at every host, not an unknown name. Default: none (a field must be set by some event of the execution).
   */
  readonly fieldsDeclared?: readonly string[] | undefined;
  /** Ends the sentence of an unknown field, e.g. how to declare a field that only some runs set. */
  readonly unknownFieldHint?: string | undefined;
}

/**
 * Compiles predicate text against an execution: parses it, checks its host and field names, and builds a closure
 * over precomputed per-host tables (no syntax-tree walk and no allocation per evaluation).
 *
 * `evaluate(cut)` reads host h's accumulated state after its first cut[h] events. It expects a consistent cut
 * (inTransit counts rely on it).
 */
export function compilePredicate(text: string, exec: Execution, options: CompileOptions = {}): Failable<CutPredicate> {
  const parsed = parsePredicate(text);
  if (!parsed.ok) return parsed;
  return compileParsedPredicate(parsed.value, exec, options);
}

/** Compiles an already parsed predicate against an execution (see `compilePredicate`). */
export function compileParsedPredicate(parsed: ParsedPredicate, exec: Execution, options: CompileOptions = {}): Failable<CutPredicate> {
  const ctx = resolveContext(parsed, exec, options);
  if (!ctx.ok) return ctx;
  const evaluate = compileCondition(parsed.body, ctx.value, -1);
  return succeed({ text: parsed.text, evaluate, shape: detectShape(parsed, ctx.value) });
}

/** Checks a parsed predicate's names against `exec` and makes what its closures are compiled with. */
export function resolveContext(parsed: ParsedPredicate, exec: Execution, options: CompileOptions = {}): Failable<CompileContext> {
  const fields = new FieldTables(exec, options.fieldsDeclared);
  const resolved = resolveNames(parsed.body, exec, fields, options.unknownFieldHint);
  if (!resolved.ok) return resolved;
  const hostIndex = new Map<string, number>();
  exec.hosts.forEach((name, i) => {
    if (!hostIndex.has(name)) hostIndex.set(name, i);
  });
  let counter: InTransitCounter | null = null;
  return succeed({
    hostCount: exec.hosts.length,
    hostIndex: (name) => hostIndex.get(name)!,
    fields,
    inTransit: () => (counter ??= new InTransitCounter(exec)),
  });
}
