import { describe, expect, test } from 'vitest';
import { parseLabelPattern, type PatternAst } from '../../../properties/patterns/index.js';

function show(node: PatternAst): string {
  switch (node.kind) {
    case 'label':
      return node.name;
    case 'any':
      return '.';
    case 'concat':
      return `(${node.parts.map(show).join(' ')})`;
    case 'alt':
      return `(${node.options.map(show).join('|')})`;
    case 'repeat':
      return `${show(node.operand)}${node.op}`;
  }
}

function tree(text: string): string {
  const parsed = parseLabelPattern(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return show(parsed.value);
}

describe('parseLabelPattern', () => {
  test.each([
    ['send recv', '(send recv)'],
    ['send; recv;ack', '(send recv ack)'],
    ['a b | c', '((a b)|c)'],
    ['a (b | c)* d+', '(a (b|c)* d+)'],
    ['a?*', 'a?*'],
    ['. * lock-acquire', '(.* lock-acquire)'],
    ['.* "odd label" \'x.y\'', '(.* odd label x.y)'],
    ['p1:send@3', 'p1:send@3'],
  ])('%s', (text, expected) => {
    expect(tree(text)).toBe(expected);
  });

  test.each([
    ['', 1, 'the pattern is empty'],
    ['a |', 4, "expected a label, '.' or '(' after '|', found the end"],
    ['a ;', 4, "expected a label, '.' or '(' after ';', found the end"],
    ['(a b', 5, "expected ')' to close '(' at column 1, found the end"],
    ['a ) b', 3, "unexpected ')'"],
    ['*a', 1, "expected a label, '.' or '(' at the start, found '*'"],
    ['a | | b', 5, "expected a label, '.' or '(' after '|', found '|'"],
    ['a & b', 3, "unexpected character '&'"],
    ['a "b', 3, 'the label starting here has no closing "'],
    ['()', 2, "expected a label, '.' or '(' after '(', found ')'"],
  ])('error %j', (text, column, message) => {
    const parsed = parseLabelPattern(text);
    expect(parsed.ok ? null : parsed.error).toEqual({ source: 'pattern', column, message });
  });
});
