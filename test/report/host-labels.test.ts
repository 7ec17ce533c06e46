import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostLabels } from '../../report/host-labels.js';

describe('host labels of the report', () => {
  it('ten voldemort threads keep their beginning and their distinguishing ends', () => {
    const hosts = Array.from({ length: 10 }, (_, i) => `42795@jvoldemortThread[voldemort-server-t${i + 1}]`);
    const labels = hostLabels(hosts);
    expect(labels[0]).toBe('42795@jvoldemortThre\u2026erver-t1]');
    expect(labels[9]).toBe('42795@jvoldemortThr\u2026erver-t10]');
    expect(new Set(labels).size).toBe(10);
  });

  it('names that fit are shown whole', () => {
    expect(hostLabels(['main', 'main-thread1', 'nio-client2'])).toEqual(['main', 'main-thread1', 'nio-client2']);
  });

  it('labels fit, short names are unchanged, and names told apart by their ends get distinct labels', () => {
    const word = fc.stringMatching(/^[a-z0-9\-\[\]@]{0,50}$/);
    fc.assert(
      fc.property(word, fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.integer({ min: 12, max: 40 }), (prefix, ends, max) => {
        const hosts = ends.map((e) => prefix + e);
        const labels = hostLabels(hosts, max);
        labels.forEach((label, h) => {
          expect(label.length).toBeLessThanOrEqual(max);
          if (hosts[h]!.length <= max) expect(label).toBe(hosts[h]);
        });
        const tails = new Set(hosts.map((n) => n.slice(-(max - 1))));
        if (tails.size === hosts.length && hosts.every((n, i) => hosts.every((m, j) => i === j || !m.endsWith(n)))) {
          expect(new Set(labels).size).toBe(hosts.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});
