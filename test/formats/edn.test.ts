/**
 * The EDN reader: hand-worked values, every shape of a Jepsen history, errors with line and column, limits, a
 * round trip against an independent printer (fast-check), and the Knossos cas-register histories (test/fixtures/jepsen)
 * read and checked with their folders' verdicts.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ednText, readEdn, type EdnValue } from '../../formats/edn.js';
import { detectHistoryFormat, parseHistory, parseJepsenEdn } from '../../formats/jepsen.js';
import { checkHistory } from '../../properties/linearizability/index.js';

function one(text: string): EdnValue {
  const r = readEdn(text, 't.edn');
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  expect(r.value).toHaveLength(1);
  return r.value[0]!;
}

function errorOf(text: string) {
  const r = readEdn(text, 't.edn', { depthMax: 5, valuesMax: 50 });
  if (r.ok) throw new Error(`expected an error for ${text}`);
  return r.error;
}

describe('EDN values', () => {
  test('atoms', () => {
    expect(one('nil')).toMatchObject({ kind: 'nil' });
    expect(one('true')).toMatchObject({ kind: 'boolean', value: true });
    expect(one('-12')).toMatchObject({ kind: 'number', value: -12, text: '-12' });
    expect(one('12345678901234567890N')).toMatchObject({ kind: 'number', text: '12345678901234567890N' });
    expect(one('1.5e3')).toMatchObject({ kind: 'number', value: 1500 });
    expect(one('1/4')).toMatchObject({ kind: 'number', value: 0.25 });
    expect(one('"a\\n\\"b\\u0041"')).toMatchObject({ kind: 'string', value: 'a\n"bA' });
    expect(one('\\newline')).toMatchObject({ kind: 'char', value: '\n' });
    expect(one('\\x')).toMatchObject({ kind: 'char', value: 'x' });
    expect(one(':jepsen.db/timed-out')).toMatchObject({ kind: 'keyword', name: 'jepsen.db/timed-out' });
    expect(one('foo')).toMatchObject({ kind: 'symbol', name: 'foo' });
  });

  test('collections, sets, tags, discards, comments and commas, with positions', () => {
    const v = one('; a comment\n{:a [1, 2 (3)] ,\n :b #{:x} :c #inst "2020-01-01" #_ :gone :d nil}');
    expect(ednText(v)).toBe('{:a [1 2 (3)], :b #{:x}, :c #inst "2020-01-01", :d nil}');
    expect(v.at).toEqual({ line: 2, column: 1 });
    if (v.kind !== 'map') throw new Error('not a map');
    expect(v.entries[1]![1].at).toEqual({ line: 3, column: 5 });
  });

  test.each([
    ['[1 2', 1, 1, /unterminated `\[`: no `\]` closes it/],
    ['{:a 1\n :b}', 2, 2, /the map opened at line 1, column 1 has a key with no value/],
    ['(1 2]', 1, 5, /`\]` closes `\(` opened at line 1, column 1; expected `\)`/],
    [')', 1, 1, /unexpected `\)` with nothing open/],
    ['"abc', 1, 1, /unterminated string/],
    ['\n  "a\\q"', 2, 6, /unknown escape `\\q`/],
    ['12abc', 1, 1, /`12abc` is not a number/],
    ['#_', 1, 1, /`#_` with no value to discard/],
    ['#1 2', 1, 1, /is not a tag/],
    ['[[[[[[[1]]]]]]]', 1, 7, /nested deeper than 5 levels/],
    [Array(60).fill('1').join(' '), 1, 101, /more than 50 values/],
  ])('%j: an error at line %i, column %i', (text, line, column, message) => {
    const e = errorOf(text);
    expect(e.message).toMatch(message);
    expect([e.line, e.column]).toEqual([line, column]);
  });

  test('depth is bounded without a stack overflow', () => {
    const deep = '['.repeat(100_000);
    const r = readEdn(deep, 'deep.edn');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/nested deeper than 200 levels/);
  });
});

/** An independent printer: a tree of plain values printed with random spacing, commas and comments between items. */
type Tree = null | boolean | number | string | { kw: string } | { vec: Tree[] } | { list: Tree[] } | { map: [Tree, Tree][] };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.string({ maxLength: 6 }),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,5}$/).map((kw) => ({ kw })),
    fc.array(tie('t'), { maxLength: 4 }).map((vec) => ({ vec })),
    fc.array(tie('t'), { maxLength: 4 }).map((list) => ({ list })),
    fc.array(fc.tuple(tie('t'), tie('t')), { maxLength: 3 }).map((map) => ({ map })),
  ),
})).t;

function print(t: Tree, gap: () => string): string {
  if (t === null) return 'nil';
  if (typeof t === 'boolean' || typeof t === 'number') return String(t);
  if (typeof t === 'string') return JSON.stringify(t);
  if ('kw' in t) return `:${t.kw}`;
  const items = 'vec' in t ? t.vec.map((x) => print(x, gap)) : 'list' in t ? t.list.map((x) => print(x, gap)) : t.map.flatMap(([k, v]) => [print(k, gap), print(v, gap)]);
  const [open, close] = 'vec' in t ? ['[', ']'] : 'list' in t ? ['(', ')'] : ['{', '}'];
  return `${open}${gap()}${items.join(` ${gap()}`)}${gap()}${close}`;
}

function plain(v: EdnValue): Tree {
  switch (v.kind) {
    case 'nil':
      return null;
    case 'boolean':
    case 'number':
    case 'string':
      return v.value;
    case 'keyword':
      return { kw: v.name };
    case 'vector':
      return { vec: v.items.map(plain) };
    case 'list':
      return { list: v.items.map(plain) };
    case 'map':
      return { map: v.entries.map(([k, x]) => [plain(k), plain(x)]) };
    default:
      throw new Error(`unexpected ${v.kind}`);
  }
}

describe('EDN round trip', () => {
  test('what an independent printer writes, with any spacing, commas and comments, reads back as the same tree', () => {
    const gaps = fc.array(fc.constantFrom('', ' ', ',', '\n', ' ; note\n', '\t'), { minLength: 64, maxLength: 64 });
    fc.assert(
      fc.property(tree, gaps, (t, g) => {
        let k = 0;
        const text = print(t, () => g[k++ % g.length]!);
        const read = readEdn(text, 't.edn');
        expect(read.ok).toBe(true);
        if (read.ok) expect(read.value.map(plain)).toEqual([t]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Jepsen histories in every EDN shape', () => {
  const maps = ['{:process 0, :type :invoke, :f :write, :value 1}', '{:process 0, :type :ok, :f :write, :value 1}', '{:process :nemesis, :type :info, :f :start, :value nil}'];
  test.each([
    ['one map per line', maps.join('\n')],
    ['a vector', `[${maps.join('\n ')}]`],
    ['a list with a comment first', `; history\n(${maps.join(' ')})`],
    ['maps over several lines', maps.map((m) => m.replace(/, /g, ',\n  ')).join('\n')],
  ])('%s', (_shape, text) => {
    expect(detectHistoryFormat(text)).toBe('jepsen-edn');
    const r = parseJepsenEdn(text, 'h.edn');
    expect(r.ok && r.value.map((e) => [e.process, e.type, e.f, e.value])).toEqual([
      [0, 'invoke', 'write', 1],
      [0, 'ok', 'write', 1],
    ]);
  });

  test('an element that is not a map is named with its line and column', () => {
    const r = parseJepsenEdn('[{:process 0, :type :invoke, :f :read, :value nil}\n 42]', 'h.edn');
    expect(r.ok ? undefined : r.error).toMatchObject({ line: 2, column: 2, message: expect.stringMatching(/expected an operation map .*found `42`/) });
  });
});

const KNOSSOS = join(import.meta.dirname, '..', 'fixtures', 'jepsen', 'knossos', 'cas-register');

describe('Knossos cas-register histories', () => {
  for (const folder of ['good', 'bad'] as const) {
    const files = readdirSync(join(KNOSSOS, folder)).sort();
    test(`every ${folder} file (${files.length}) loads and is ${folder === 'good' ? '' : 'not '}linearizable`, () => {
      expect(files.length).toBe(folder === 'good' ? 57 : 4);
      for (const f of files) {
        const parsed = parseHistory(readFileSync(join(KNOSSOS, folder, f), 'utf8'), f);
        if (!parsed.ok) throw new Error(`${f}: ${JSON.stringify(parsed.error)}`);
        expect(parsed.value.length, f).toBeGreaterThan(0);
        const checked = checkHistory(parsed.value, 'cas-register', {});
        expect(checked.ok && checked.value.verdict, f).toBe(folder === 'good' ? 'linearizable' : 'not-linearizable');
      }
    });
  }
});
