/**
 * The predicate language: text such as `p1.x >= 2 * p2.y` or `count(inCS == 1) <= 2`, parsed (never evaluated as
 * code) and compiled against an execution into a `CutPredicate`. Grammar and semantics: docs/predicate-language.md.
 */
export type { AggregateName, ArithmeticOp, CompareOp, HostName, ParsedPredicate, PredicateAst } from './ast.js';
export { compileParsedPredicate, compilePredicate } from './compile.js';
export type { CompileOptions } from './compile.js';
export { parseLocalCondition, tabulateLocalCondition } from './local.js';
export { compareValues } from './compile-condition.js';
export { parsePredicate } from './parser.js';
export { conjunctsOf } from './shape.js';
