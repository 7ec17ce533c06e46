import { describe, expect, it } from 'vitest';
import { countCuts } from '../../../properties/lattice/lexical.js';
import { readShiVizFixture } from './shiviz-fixture.js';

describe('cut counts of the larger real logs (lexical enumeration)', () => {
  const known: [string, number[]][] = [
    ['chord.log', [530_195]],
    ['simpledb.log', [1_541_953]],
    ['ewd998.log', [1_119_780, 159_577, 27_420_311]],
  ];
  for (const [file, counts] of known) {
    it(`${file}: ${counts.join(' / ')}`, () => {
      const execs = readShiVizFixture(file);
      expect(execs.map((e) => countCuts(e))).toEqual(counts.map((count) => ({ verdict: 'complete', count, cutsVisited: count })));
    });
  }
});
