import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileBounded, SEARCH_WINDOW_CHARS } from '../../formats/bounded-regex.js';
import type { BoundedRegex } from '../../formats/bounded-regex.js';
import { REGEX_NESTING_MAX } from '../../formats/regex-re2-syntax.js';
import { fixture } from './helpers.js';

const SEED = 1733444849;

function compiled(pattern: string): BoundedRegex {
  const r = compileBounded(pattern);
  if (typeof r === 'string') expect.fail(`${pattern}: ${r}`);
  return r;
}

/** Every match as JavaScript's RegExp (flags gmd) finds it: [index, end, groups, group starts]. */
function jsMatches(pattern: string, text: string): unknown[] {
  const regex = new RegExp(pattern, 'gmd');
  const out: unknown[] = [];
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) regex.lastIndex++;
    const starts = Object.fromEntries(Object.entries(m.indices!.groups ?? {}).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v![0]]));
    out.push([m.index, m.index + m[0].length, { ...m.groups }, starts]);
  }
  return out;
}

function boundedMatches(pattern: string, text: string): unknown[] {
  const regex = compiled(pattern);
  const out: unknown[] = [];
  for (let m = regex.exec(text, 0); m !== null; m = regex.exec(text, m.end === m.index ? m.end + 1 : m.end)) {
    out.push([m.index, m.end, { ...m.groups }, { ...m.groupStarts }]);
  }
  return out;
}

describe('compileBounded: user regexes on a linear-time engine', () => {
  const manifest = JSON.parse(fixture('shiviz-logs/manifest.json')) as { logs: { file: string; parser: string }[] };
  for (const { file, parser } of manifest.logs) {
    test(`${file}: the same matches, groups and group positions as JavaScript's RegExp`, () => {
      const text = fixture(`shiviz-logs/${file}`).replaceAll('\r\n', '\n');
      const want = jsMatches(parser, text);
      expect(want.length).toBeGreaterThan(0);
      expect(boundedMatches(parser, text)).toEqual(want);
    });
  }

  test('(a+)+b on a line of as (exponential for a backtracking engine) answers no match at once', () => {
    const regex = compiled(String.raw`(?<host>(a+)+)b (?<clock>.*)\n(?<event>.*)`);
    expect(regex.exec(`${'a'.repeat(5000)}\nx\n`, 0)).toBeNull();
  });

  test('JavaScript meanings RE2 spells differently: ., \\s, \\S, \\u, \\c, [\\b], [^], [], identity escapes', () => {
    const cases: [string, string][] = [
      ['a.b', 'a\rb a\u2028b axb'],
      [String.raw`x\sy`, 'x\u00a0y x\u000by x\u3000y x y'],
      [String.raw`[\S]+`, 'ab\u00a0cd\u2029e'],
      [String.raw`\u0041\x42\cJ`, 'AB\n'],
      [String.raw`[\b]`, 'a\bb'],
      ['[^]', 'a\nb'],
      ['x[]|y', 'xy'],
      [String.raw`\a\e\z\A\p\k`, 'aezApk'],
      [String.raw`[\d-z]+`, '1-z-2'],
      [String.raw`\0\101[\101-\103]`, '\0AB'],
      [String.raw`a{,2}b{2}`, 'a{,2}bb'],
      [String.raw`(?:^|\b)w`, 'w aw\nw'],
    ];
    for (const [pattern, text] of cases) expect(boundedMatches(pattern, text), pattern).toEqual(jsMatches(pattern, text));
  });

  test('a match spanning more lines than a search window still matches as in JavaScript', () => {
    const text = `${'x'.repeat(SEARCH_WINDOW_CHARS * 3)}\n`.repeat(4) + 'end';
    for (const pattern of [String.raw`x\n(?<a>x+)\nx+\nx+\nend`, String.raw`(?<a>[^e]+)end`, String.raw`x\s+e`]) {
      expect(boundedMatches(pattern, text), pattern).toEqual(jsMatches(pattern, text));
    }
  });

  test('what only a backtracking engine runs is refused by name', () => {
    expect(compileBounded(String.raw`(a)\1`)).toBe("uses a backreference (\\1), which dsim's linear-time matcher cannot run");
    expect(compileBounded(String.raw`(?<x>a)\k<x>`)).toMatch(/^uses a backreference \(\\k<\.\.\.>\)/);
    expect(compileBounded('a(?=b)')).toMatch(/^uses a lookahead \(\?=\.\.\.\)/);
    expect(compileBounded('(?<!a)b')).toMatch(/^uses a lookbehind \(\?<!\.\.\.\)/);
    expect(compileBounded('a{2000}')).toMatch(/^cannot run on dsim's linear-time matcher \(.*repeat count/);
    expect(compileBounded('('.repeat(REGEX_NESTING_MAX + 1) + ')'.repeat(REGEX_NESTING_MAX + 1))).toBe(
      `nests groups more than ${REGEX_NESTING_MAX} deep, which dsim's linear-time matcher cannot run`,
    );
    expect(compileBounded('x'.repeat(9000))).toMatch(/^has 9000 characters, more than the limit of \d+/);
    expect(compileBounded('(')).toMatch(/^is not a valid JavaScript regular expression/);
  });

  test('lines end only at \\n: ^ and $ do not match beside a lone \\r (as the module note says)', () => {
    expect(boundedMatches('^b|a$', 'a\rb')).toEqual([]);
    expect(jsMatches('^b|a$', 'a\rb')).toHaveLength(2);
  });

  test(`random regexes match as JavaScript's do (fast-check, seed ${SEED})`, () => {
    const atom = fc.constantFrom('a', 'b', '.', String.raw`\s`, String.raw`\S`, String.raw`\n`, '[ab]', '[^a]', String.raw`\w`, String.raw`\d`, '^', '$', String.raw`\b`, ' ');
    const quantified = fc.tuple(atom, fc.constantFrom('', '*', '+', '?', '*?', '{1,2}')).map(([a, q]) => (/^[$^]|^\\b$/.test(a) ? a : a + q));
    const sequence = fc.array(quantified, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));
    const pattern = fc.array(sequence, { minLength: 1, maxLength: 3 }).map((alts) => `(?<g>${alts.join('|')})`);
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '1', '\u00a0', '\r', '_'), maxLength: 40 });
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        fc.pre(!(/[$^]/.test(p) && t.includes('\r'))); // lines end only at \n (the test below)
        expect(boundedMatches(p, t)).toEqual(jsMatches(p, t));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
