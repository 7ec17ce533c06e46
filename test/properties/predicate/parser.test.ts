import { describe, expect, test } from 'vitest';
import { parsePredicate, type PredicateAst } from '../../../properties/predicate/index.js';

/** Fully parenthesised prefix form, so the tree's shape shows in one string. */
function sexpr(node: PredicateAst): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'string':
      return JSON.stringify(node.value);
    case 'boolean':
      return String(node.value);
    case 'field':
      return node.host === null ? `.${node.field}` : `${node.host.name}.${node.field}`;
    case 'negate':
      return `(neg ${sexpr(node.operand)})`;
    case 'not':
      return `(! ${sexpr(node.operand)})`;
    case 'arith':
    case 'compare':
      return `(${node.op} ${sexpr(node.left)} ${sexpr(node.right)})`;
    case 'and':
      return `(&& ${sexpr(node.left)} ${sexpr(node.right)})`;
    case 'or':
      return `(|| ${sexpr(node.left)} ${sexpr(node.right)})`;
    case 'aggregate':
      return `(${node.name} ${sexpr(node.argument)})`;
    case 'inTransit':
      return node.from === null ? '(inTransit)' : `(inTransit ${node.from.name} ${node.to!.name})`;
    case 'has':
      return `(has ${sexpr(node.field)})`;
  }
}

function tree(text: string): string {
  const parsed = parsePredicate(text);
  if (!parsed.ok) throw new Error(`unexpected error: ${JSON.stringify(parsed.error)}`);
  return (parsed.value.stable ? 'stable ' : '') + sexpr(parsed.value.body);
}

function error(text: string): { column: number | undefined; message: string } {
  const parsed = parsePredicate(text);
  if (parsed.ok) throw new Error(`expected an error for ${text}`);
  expect(parsed.error.source).toBe('predicate');
  return { column: parsed.error.column, message: parsed.error.message };
}

describe('parsePredicate: precedence and associativity', () => {
  test.each([
    ['1 + 2 * 3 == 7', '(== (+ 1 (* 2 3)) 7)'],
    ['(1 + 2) * 3 == 9', '(== (* (+ 1 2) 3) 9)'],
    ['10 - 3 - 2 > 0', '(> (- (- 10 3) 2) 0)'],
    ['p.x / 2 / 4 < 1', '(< (/ (/ p.x 2) 4) 1)'],
    ['-p.x * 2 >= - -3', '(>= (* (neg p.x) 2) (neg (neg 3)))'],
    ['p.a || p.b && p.c', '(|| p.a (&& p.b p.c))'],
    ['p.a && p.b && p.c', '(&& (&& p.a p.b) p.c)'],
    ['p.a || p.b || p.c', '(|| (|| p.a p.b) p.c)'],
    ['!p.x == 1', '(! (== p.x 1))'],
    ['!p.a && p.b', '(&& (! p.a) p.b)'],
    ['!!p.a', '(! (! p.a))'],
    ['(p.x > 1) == true', '(== (> p.x 1) true)'],
    ['(p.x > 1) == (p.y > 1)', '(== (> p.x 1) (> p.y 1))'],
    ['p1.x >= 2 * p2.y', '(>= p1.x (* 2 p2.y))'],
  ])('%s', (text, expected) => {
    expect(tree(text)).toBe(expected);
  });
});

describe('parsePredicate: operands', () => {
  test.each([
    ['sum(users) <= 100', '(<= (sum .users) 100)'],
    ['count(inCS == 1) <= 2', '(<= (count (== .inCS 1)) 2)'],
    ['max(load) - min(load) <= 3', '(<= (- (max .load) (min .load)) 3)'],
    ['all(ready) || any(x > p1.x)', '(|| (all .ready) (any (> .x p1.x)))'],
    ['sum(x * 2 + p.y) > 0', '(> (sum (+ (* .x 2) p.y)) 0)'],
    ['inTransit() == 0', '(== (inTransit) 0)'],
    ['inTransit(a, "b c") > inTransit(\'b c\', a)', '(> (inTransit a b c) (inTransit b c a))'],
    ['"node-1".x == \'it\\\'s\'', '(== node-1.x "it\'s")'],
    ['n.x == "a\\"b"', '(== n.x "a\\"b")'],
    ['p."odd field" > 1.5e2', '(> p.odd field 150)'],
    ['p.x > .5', '(> p.x 0.5)'],
    ['p.count > 1', '(> p.count 1)'],
    ['sum.x > 1', '(> sum.x 1)'],
    ['true', 'true'],
    ['stable: p.done', 'stable p.done'],
    ['p.ok', 'p.ok'],
    ['p.s < "b"', '(< p.s "b")'],
  ])('%s', (text, expected) => {
    expect(tree(text)).toBe(expected);
  });
});

describe('parsePredicate: errors name the column', () => {
  test.each([
    ['', 1, 'the predicate is empty'],
    ['p.x > 1 &&', 11, "expected an operand after '&&', found the end"],
    ['p.x > 1 && )', 12, "expected an operand after '&&', found ')'"],
    ['p.x > 1 ||| p.y', 11, "'|' is not an operator; did you mean '||'?"],
    ['p.x = 1', 5, "'=' is not an operator; did you mean '=='?"],
    ['p.x & p.y', 5, "'&' is not an operator; did you mean '&&'?"],
    ['p.x # 1', 5, "unexpected character '#'"],
    ["p.x > 'abc", 7, "the string starting here has no closing '"],
    ['(p.x > 1', 9, "expected ')' to close '(' at column 1, found the end"],
    ['1 < p.x < 3', 9, 'comparisons do not chain: write (a < b) && (b < c)'],
    ['x > 1', 1, "field 'x' needs a host: write host.x (bare field names work only inside sum, min, max, count, all, any)"],
    ['p.x + 1', 1, 'a predicate needs a condition (true or false), but this is a value: compare it, e.g. with > or =='],
    ['p.x > 1 && 2', 12, "'&&' needs a condition (true or false), but this is a value: compare it, e.g. with > or =="],
    ['3 || p.x', 1, "'||' needs a condition (true or false), but this is a value: compare it, e.g. with > or =="],
    ['foo(x) > 1', 1, 'unknown function \'foo\'; the functions are sum, min, max, count, all, any, inTransit, has'],
    ['sum(p.x > 1) > 0', 5, 'sum(...) needs a value, but this is a condition (true or false)'],
    ['count(x + 1) > 0', 7, 'count(...) needs a condition (true or false), but this is a value: compare it, e.g. with > or =='],
    ['sum() > 0', 5, 'sum(...) needs an argument'],
    ['sum(x > 0', 10, "expected ')' to close sum( at column 1, found the end"],
    ['p. > 1', 4, "expected a field name after 'p.', found '>'"],
    ['p.x > 1 p.y', 9, "expected an operator or the end, found 'p'"],
    ['inTransit(a) > 0', 12, "expected ',' between the two hosts of inTransit(from, to), found ')'"],
    ['inTransit(a, 3) > 0', 14, "expected a host name as inTransit's second argument, found '3'"],
    ["'a' + 1 > 0", 1, "'+' needs numbers, but this is the string 'a'"],
    ['-"a" < 1', 2, "'-' needs numbers, but this is the string 'a'"],
    ['p.x == !p.y', 8, "expected an operand after '==', found '!' ('!' binds looser than comparisons and arithmetic: write (!x))"],
    ['3.x > 0', 1, 'a host name cannot be a bare number: write "3".field'],
    ['(p.x > 1) + 1 > 0', 2, "'+' needs a value, but this is a condition (true or false)"],
    ['(p.x > 1) < true', 2, "'<' needs a value, but this is a condition (true or false)"],
    ['! 5', 3, "'!' needs a condition (true or false), but this is a value: compare it, e.g. with > or =="],
    ['p.x > 1 == true', 9, 'comparisons do not chain: write (a > b) && (b == c)'],
    ['stable:', 8, 'expected an operand after \':\', found the end'],
  ])('%j', (text, column, message) => {
    expect(error(text)).toEqual({ column, message });
  });
});
