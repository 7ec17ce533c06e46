import { describe, expect, test } from 'vitest';
import { parsePoset } from '../../formats/poset.js';
import { parseShiViz } from '../../formats/shiviz.js';
import { clocksByHostName, countCutsBruteForce, err, fixture, ok } from './helpers.js';

const sizes: [string, number][] = [
  ['d-10', 10],
  ['d-50', 50],
  ['d-100', 100],
  ['d-300', 300],
  ['d-500', 500],
  ['d-10k', 10_000],
];

describe('parsePoset', () => {
  for (const [name, events] of sizes) {
    test(`${name}.txt has ${events} events of hosts p0..p9`, () => {
      const exec = ok(parsePoset(fixture(`posets/${name}.txt`), `posets/${name}.txt`));
      expect(exec.label).toBe(`${name}.txt`);
      expect(exec.hosts).toEqual(Array.from({ length: 10 }, (_, j) => `p${j}`));
      expect(exec.events).toHaveLength(events);
    });
  }

  test('d-10 has the README\'s 768 consistent cuts', () => {
    expect(countCutsBruteForce(ok(parsePoset(fixture('posets/d-10.txt'), 'd-10.txt')))).toBe(768);
  });

  for (const name of ['d-50', 'd-500']) {
    test(`${name}.txt and its GoVector twin ${name}.log have the same clocks`, () => {
      const poset = ok(parsePoset(fixture(`posets/${name}.txt`), `${name}.txt`));
      const [log] = ok(parseShiViz(fixture(`posets/${name}.log`), { source: `${name}.log` }));
      expect(clocksByHostName(log!)).toEqual(clocksByHostName(poset));
    });
  }

  test('malformed lines are named by line', () => {
    expect(err(parsePoset('0:(1,0)\n\nx:(0,1)\n', 'p.txt'))).toEqual({
      source: 'p.txt',
      line: 3,
      message: 'the line is not an event, expected an event as pid:(v0,...,vN-1), a process number and its vector clock',
    });
    expect(err(parsePoset('0:(1,0)\n1:(0,1,0)\n', 'p.txt'))).toMatchObject({ line: 2, message: 'the clock has 3 entries, expected 2 like line 1\'s' });
    expect(err(parsePoset('0:(1,0)\n2:(0,1)\n', 'p.txt'))).toMatchObject({ line: 2 });
    expect(err(parsePoset('0:(1,-1)\n', 'p.txt')).message).toContain('clock entry 2 is not a whole number');
    expect(err(parsePoset('\n\n', 'p.txt')).message).toBe('the file holds no event, expected lines pid:(v0,...,vN-1)');
  });

  test('clock rules apply as for logs', () => {
    expect(err(parsePoset('0:(1,0)\n0:(3,0)\n', 'p.txt'))).toMatchObject({ line: 2, column: 3 });
    expect(err(parsePoset('0:(1,2)\n1:(0,1)\n', 'p.txt')).message).toContain('counts 2 events of "p1", but "p1" logs only 1');
  });
});
