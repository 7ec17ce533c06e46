import { describe, expect, test } from 'vitest';
import { fieldValue, formatKeyValue, neutralizeKeyValues, parseKeyValues } from '../../formats/kv.js';
import { parseShiViz } from '../../formats/shiviz.js';
import { fixture, ok } from './helpers.js';

describe('field typing', () => {
  test('finite decimal numbers become numbers', () => {
    expect(fieldValue('42')).toBe(42);
    expect(fieldValue('-1.5')).toBe(-1.5);
    expect(fieldValue('1e3')).toBe(1000);
    expect(fieldValue('.5')).toBe(0.5);
  });

  test('everything else stays a string', () => {
    for (const text of ['', ' 1', '0x10', 'Infinity', 'NaN', '24.22.130.14', '1,000', 'TRUE', '1e999']) {
      expect(fieldValue(text)).toBe(text);
    }
  });
});

describe('key=value pairs', () => {
  test('plain, quoted and typed values, anywhere in the text', () => {
    expect(parseKeyValues('GET /timeline uid=alice n=3 ok=true x="two words" pi=3.5 empty= q="7"')).toEqual([
      ['uid', 'alice'],
      ['n', 3],
      ['ok', true],
      ['x', 'two words'],
      ['pi', 3.5],
      ['empty', ''],
      ['q', '7'],
    ]);
  });

  test('quoted keys and escapes; a pair must start a word', () => {
    expect(parseKeyValues('"my key"="a \\"b\\"" f(x=1) a=b=c')).toEqual([
      ['my key', 'a "b"'],
      ['a', 'b=c'],
    ]);
  });

  test('formatKeyValue quotes whatever would not read back as itself', () => {
    const cases: [string, string | number | boolean][] = [
      ['k', 'plain'],
      ['k', 'two words'],
      ['k', '42'],
      ['k', 'true'],
      ['k', ''],
      ['k', '"quoted"'],
      ['k', 'line\nbreak\u2028'],
      ['odd key', -0],
      ['k', 1e21],
      ['k', false],
    ];
    for (const [key, value] of cases) {
      const text = formatKeyValue(key, value);
      expect(text).not.toMatch(/[\n\u2028]/);
      expect(parseKeyValues(text)).toEqual([[key, value]]);
    }
  });

  test('neutralizeKeyValues leaves no pair to read', () => {
    for (const text of ['x=1 y="a b"', '"a b=c"=1', 'set x=5 then y==2', 'a=b=c d']) {
      expect(parseKeyValues(neutralizeKeyValues(text))).toEqual([]);
    }
    expect(neutralizeKeyValues('f(x=1) x=2')).toBe('f(x=1) x:2');
  });

  test('kv: true adds the pairs of facebook.log\'s event text to the named-group fields', () => {
    const parser = String.raw`(?<ip>(\d{1,3}\.){3}\d{1,3}) (?<date>(\d{1,2}/){2}\d{4} (\d{2}:){2}\d{2} (AM|PM)) (?<action>(INFO|GET|POST)) (?<event>.*)\n(?<host>\w*) (?<clock>.*)`;
    const [exec] = ok(parseShiViz(fixture('shiviz-logs/facebook.log'), { source: 'facebook.log', parser, kv: true }));
    const post = exec!.events.find((e) => e.label.startsWith('status='))!;
    expect(post.fields).toEqual({
      ip: '24.22.130.14',
      date: '5/27/2013 10:55:03 AM',
      action: 'POST',
      status: '“Breakfast”',
      uid: 'alice',
      location: 'kansas',
    });
    const [plain] = ok(parseShiViz(fixture('shiviz-logs/facebook.log'), { source: 'facebook.log', parser }));
    expect(plain!.events.find((e) => e.label.startsWith('status='))!.fields).not.toHaveProperty('uid');
  });

  test('a named group wins over a pair of the same name', () => {
    const text = 'a {"a":1}\n7 n=1 tag=x';
    const parser = String.raw`(?<host>\S*) (?<clock>{.*})\n(?<event>(?<n>\d+).*)`;
    const [exec] = ok(parseShiViz(text, { source: 't.log', parser, kv: true }));
    expect(exec!.events[0]!.fields).toEqual({ n: 7, tag: 'x' });
  });
});
