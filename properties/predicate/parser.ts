import { fail, succeed, type Failable, type InputError } from '../../execution/failable.js';
import type { AggregateName, CompareOp, HostName, ParsedPredicate, PredicateAst } from './ast.js';
import { checkCategory } from './categories.js';
import { tokenize, type Token } from './lexer.js';

const COMPARE_OPS: readonly string[] = ['==', '!=', '<', '<=', '>', '>='];
const AGGREGATES: readonly string[] = ['sum', 'min', 'max', 'count', 'all', 'any'];
const FUNCTIONS = [...AGGREGATES, 'inTransit', 'has'];

/**
 * Deepest a predicate may nest: parentheses, `!`, unary `-` and function calls each open a level, and so does each
 * operator of a chain such as `1 + 1 + ...` or `a || b || ...` (the tree is that deep). Walking a deeper tree, here
 * or when compiling and evaluating it, could exhaust the call stack.
 */
export const PREDICATE_DEPTH_MAX = 256;

/** Thrown inside the parser only, caught by `parsePredicate` and returned as a value. */
class ParseFailure {
  constructor(readonly error: InputError) {}
}

function describe(token: Token): string {
  if (token.kind === 'end') return 'the end';
  if (token.kind === 'string') return `the string '${token.text}'`;
  return `'${token.text}'`;
}

/** Options of `parsePredicate`. */
export interface ParseOptions {
  /**
   * Parse a condition of one host, whose bare fields are that host's (`role == "leader"`), as the argument of an
   * aggregate is parsed; no `stable:` prefix. Default false: bare fields only inside aggregates.
   */
  readonly bareFields?: boolean;
}

/**
 * Parses predicate text (grammar in docs/predicate-language.md) into a syntax tree. Never evaluates anything; a
 * syntax error is returned with the column where the parser stopped.
 */
export function parsePredicate(text: string, options: ParseOptions = {}): Failable<ParsedPredicate> {
  const lexed = tokenize(text);
  if (!lexed.ok) return lexed;
  const tokens = lexed.value;
  let at = 0;
  const bareFields = options.bareFields === true;
  let aggregateDepth = bareFields ? 1 : 0;

  const peek = (offset = 0): Token => tokens[Math.min(at + offset, tokens.length - 1)]!;
  const isOp = (token: Token, op: string): boolean => token.kind === 'operator' && token.text === op;
  const stop = (column: number, message: string): never => {
    throw new ParseFailure({ source: 'predicate', column, message });
  };
  const tooDeep = (column: number): never =>
    stop(column, `the predicate nests more than ${PREDICATE_DEPTH_MAX} levels deep (PREDICATE_DEPTH_MAX; each '(', '!', '-', call and each operator of a chain such as 1+1+... is a level)`);
  let nesting = 0;
  /** Parses a nested part, one level deeper. */
  const nested = (column: number, parse: () => PredicateAst): PredicateAst => {
    if (++nesting > PREDICATE_DEPTH_MAX) tooDeep(column);
    const node = parse();
    nesting--;
    return node;
  };
  const depths = new WeakMap<PredicateAst, number>();
  /** `node` with its depth (one more than its deepest child's) recorded and kept within the limit. */
  const built = <T extends PredicateAst>(node: T, ...children: PredicateAst[]): T => {
    const depth = 1 + Math.max(0, ...children.map((child) => depths.get(child) ?? 1));
    if (depth > PREDICATE_DEPTH_MAX) tooDeep(node.column);
    depths.set(node, depth);
    return node;
  };
  const check = (node: PredicateAst, wanted: 'condition' | 'value', role: string): PredicateAst => {
    const problem = checkCategory(node, wanted, role);
    return problem === null ? node : stop(node.column, problem);
  };

  function parseOr(): PredicateAst {
    let left = parseAnd();
    while (isOp(peek(), '||')) {
      check(left, 'condition', "'||'");
      at++;
      const right = check(parseAnd(), 'condition', "'||'");
      left = built({ kind: 'or', left, right, column: left.column }, left, right);
    }
    return left;
  }

  function parseAnd(): PredicateAst {
    let left = parseNot();
    while (isOp(peek(), '&&')) {
      check(left, 'condition', "'&&'");
      at++;
      const right = check(parseNot(), 'condition', "'&&'");
      left = built({ kind: 'and', left, right, column: left.column }, left, right);
    }
    return left;
  }

  function parseNot(): PredicateAst {
    if (!isOp(peek(), '!')) return parseComparison();
    const op = tokens[at++]!;
    const operand = check(nested(op.column, parseNot), 'condition', "'!'");
    return built({ kind: 'not', operand, column: op.column }, operand);
  }

  function parseComparison(): PredicateAst {
    const left = parseAdditive();
    const op = peek();
    if (op.kind !== 'operator' || !COMPARE_OPS.includes(op.text)) return left;
    const ordering = op.text !== '==' && op.text !== '!=';
    if (ordering) check(left, 'value', `'${op.text}'`);
    at++;
    const right = parseAdditive();
    if (ordering) check(right, 'value', `'${op.text}'`);
    const next = peek();
    if (next.kind === 'operator' && COMPARE_OPS.includes(next.text)) {
      stop(next.column, `comparisons do not chain: write (a ${op.text} b) && (b ${next.text} c)`);
    }
    return built({ kind: 'compare', op: op.text as CompareOp, left, right, column: left.column }, left, right);
  }

  function parseAdditive(): PredicateAst {
    let left = parseMultiplicative();
    while (isOp(peek(), '+') || isOp(peek(), '-')) {
      const op = tokens[at++]!;
      check(left, 'value', `'${op.text}'`);
      const right = check(parseMultiplicative(), 'value', `'${op.text}'`);
      left = built({ kind: 'arith', op: op.text as '+' | '-', left, right, column: left.column }, left, right);
    }
    return left;
  }

  function parseMultiplicative(): PredicateAst {
    let left = parseUnary();
    while (isOp(peek(), '*') || isOp(peek(), '/')) {
      const op = tokens[at++]!;
      check(left, 'value', `'${op.text}'`);
      const right = check(parseUnary(), 'value', `'${op.text}'`);
      left = built({ kind: 'arith', op: op.text as '*' | '/', left, right, column: left.column }, left, right);
    }
    return left;
  }

  function parseUnary(): PredicateAst {
    if (!isOp(peek(), '-')) return parsePrimary();
    const op = tokens[at++]!;
    const operand = check(nested(op.column, parseUnary), 'value', "'-'");
    return built({ kind: 'negate', operand, column: op.column }, operand);
  }

  function expectOperator(op: string, why: string): Token {
    const token = peek();
    if (!isOp(token, op)) stop(token.column, `expected '${op}' ${why}, found ${describe(token)}`);
    at++;
    return token;
  }

  function parseHostName(role: string): HostName {
    const token = peek();
    if (token.kind !== 'identifier' && token.kind !== 'string') {
      stop(token.column, `expected a host name ${role}, found ${describe(token)}`);
    }
    at++;
    return { name: token.text, column: token.column };
  }

  function parseFieldAfterDot(host: HostName): PredicateAst {
    at++; // the '.'
    const token = peek();
    if (token.kind !== 'identifier' && token.kind !== 'string') {
      stop(token.column, `expected a field name after '${host.name}.', found ${describe(token)}`);
    }
    at++;
    return { kind: 'field', host, field: token.text, fieldColumn: token.column, column: host.column };
  }

  function parseCall(name: Token): PredicateAst {
    if (!FUNCTIONS.includes(name.text)) {
      stop(name.column, `unknown function '${name.text}'; the functions are ${FUNCTIONS.join(', ')}`);
    }
    at++; // the '('
    if (name.text === 'inTransit') {
      if (isOp(peek(), ')')) {
        at++;
        return { kind: 'inTransit', from: null, to: null, column: name.column };
      }
      const from = parseHostName("as inTransit's first argument");
      expectOperator(',', 'between the two hosts of inTransit(from, to)');
      const to = parseHostName("as inTransit's second argument");
      expectOperator(')', 'to close inTransit(from, to)');
      return { kind: 'inTransit', from, to, column: name.column };
    }
    if (name.text === 'has') {
      const field = parsePrimary(); // host.field, or a bare field inside an aggregate
      if (field.kind !== 'field') stop(field.column, 'has(...) takes a field: host.field, or a bare field inside an aggregate');
      expectOperator(')', `to close has( at column ${name.column}`);
      return { kind: 'has', field: field as PredicateAst & { kind: 'field' }, column: name.column };
    }
    aggregateDepth++;
    if (isOp(peek(), ')')) stop(peek().column, `${name.text}(...) needs an argument`);
    const argument = nested(name.column, parseOr);
    aggregateDepth--;
    expectOperator(')', `to close ${name.text}( at column ${name.column}`);
    const aggregate = name.text as AggregateName;
    const wanted = aggregate === 'sum' || aggregate === 'min' || aggregate === 'max' ? 'value' : 'condition';
    check(argument, wanted, `${aggregate}(...)`);
    return built({ kind: 'aggregate', name: aggregate, argument, column: name.column }, argument);
  }

  function parsePrimary(): PredicateAst {
    const token = peek();
    const previous = at > 0 ? tokens[at - 1]! : null;
    if (token.kind === 'number') {
      at++;
      if (isOp(peek(), '.')) stop(token.column, `a host name cannot be a bare number: write "${token.text}".field`);
      return { kind: 'number', value: Number(token.text), column: token.column };
    }
    if (token.kind === 'string') {
      at++;
      if (isOp(peek(), '.')) return parseFieldAfterDot({ name: token.text, column: token.column });
      return { kind: 'string', value: token.text, column: token.column };
    }
    if (token.kind === 'identifier') {
      const next = peek(1);
      if (isOp(next, '.')) {
        at++;
        return parseFieldAfterDot({ name: token.text, column: token.column });
      }
      if (isOp(next, '(')) {
        at++;
        return parseCall(token);
      }
      at++;
      if (token.text === 'true' || token.text === 'false') {
        return { kind: 'boolean', value: token.text === 'true', column: token.column };
      }
      if (aggregateDepth === 0) {
        stop(
          token.column,
          `field '${token.text}' needs a host: write host.${token.text} (bare field names work only inside ${AGGREGATES.join(', ')})`,
        );
      }
      return { kind: 'field', host: null, field: token.text, fieldColumn: token.column, column: token.column };
    }
    if (isOp(token, '(')) {
      at++;
      const inner = nested(token.column, parseOr);
      expectOperator(')', `to close '(' at column ${token.column}`);
      return inner;
    }
    const after = previous === null ? 'at the start' : `after '${previous.text}'`;
    const hint = isOp(token, '!') ? " ('!' binds looser than comparisons and arithmetic: write (!x))" : '';
    if (token.kind === 'end' && previous === null) return stop(token.column, 'the predicate is empty');
    return stop(token.column, `expected an operand ${after}, found ${describe(token)}${hint}`);
  }

  try {
    let stable = false;
    if (!bareFields && peek().kind === 'identifier' && peek().text === 'stable' && isOp(peek(1), ':')) {
      stable = true;
      at += 2;
    }
    const body = parseOr();
    const end = peek();
    if (end.kind !== 'end') {
      stop(end.column, `expected an operator or the end, found ${describe(end)}`);
    }
    check(body, 'condition', 'a predicate');
    return succeed({ text, stable, body });
  } catch (e) {
    if (e instanceof ParseFailure) return fail(e.error);
    throw e;
  }
}
