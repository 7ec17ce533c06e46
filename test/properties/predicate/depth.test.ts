import { describe, expect, test } from 'vitest';
import { parseLabelPattern, PATTERN_DEPTH_MAX } from '../../../properties/patterns/label-pattern.js';
import { parsePredicate, PREDICATE_DEPTH_MAX } from '../../../properties/predicate/parser.js';

const chain = (n: number, op: string): string => Array.from({ length: n }, () => 'a.x').join(` ${op} `);

describe('predicates and patterns nest at most a named depth (never "Maximum call stack size exceeded")', () => {
  const shapes: [string, (n: number) => string][] = [
    ['parentheses', (n) => `${'('.repeat(n)}true${')'.repeat(n)}`],
    ["'!'", (n) => `${'!'.repeat(n)}true`],
    ["unary '-'", (n) => `${'-'.repeat(n)}1 > 0`],
    ['a chain of +', (n) => `${Array.from({ length: n }, () => '1').join('+')} > 0`],
    ['a chain of ||', (n) => chain(n, '||')],
    ['nested calls', (n) => `${'any('.repeat(n)}x == 1${')'.repeat(n)}`],
  ];
  for (const [name, make] of shapes) {
    test(`${name}: a little under the limit parses; far past it is one error naming PREDICATE_DEPTH_MAX`, () => {
      expect(parsePredicate(make(PREDICATE_DEPTH_MAX - 3)).ok).toBe(true);
      const deep = parsePredicate(make(100_000));
      expect(deep.ok).toBe(false);
      if (!deep.ok) {
        expect(deep.error.source).toBe('predicate');
        expect(deep.error.message).toMatch(new RegExp(`^the predicate nests more than ${PREDICATE_DEPTH_MAX} levels deep \\(PREDICATE_DEPTH_MAX;`));
      }
    });
  }

  test('the limit is exact for parentheses around a comparison: depth PREDICATE_DEPTH_MAX parses, one more does not', () => {
    const nested = (n: number) => `${'('.repeat(n)}a.x == 1${')'.repeat(n)}`;
    expect(parsePredicate(nested(PREDICATE_DEPTH_MAX)).ok).toBe(true);
    expect(parsePredicate(nested(PREDICATE_DEPTH_MAX + 1)).ok).toBe(false);
  });

  test('patterns: deep parentheses and stacked postfix operators are one error naming PATTERN_DEPTH_MAX', () => {
    expect(parseLabelPattern(`${'('.repeat(PATTERN_DEPTH_MAX)}a${')'.repeat(PATTERN_DEPTH_MAX)}`).ok).toBe(true);
    for (const text of [`${'('.repeat(100_000)}a${')'.repeat(100_000)}`, `a${'*'.repeat(100_000)}`]) {
      const deep = parseLabelPattern(text);
      expect(deep.ok).toBe(false);
      if (!deep.ok) expect(deep.error.message).toMatch(/^the pattern nests more than \d+ levels deep \(PATTERN_DEPTH_MAX;/);
    }
    expect(parseLabelPattern('a b c '.repeat(20_000)).ok).toBe(true); // a long flat sequence is not deep
  });
});
