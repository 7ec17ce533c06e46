import { describe, expect, it } from 'vitest';
import type { Execution } from '../../../execution/types.js';
import { countCutsBfs } from '../../../properties/lattice/bfs-count.js';
import { countCuts } from '../../../properties/lattice/lexical.js';
import { checkModality } from '../../../properties/lattice/modality.js';
import type { CutPredicate } from '../../../properties/predicate-types.js';
import { twoIndependentProcesses } from '../../helpers/brute-force.js';
import { readShiVizFixture } from './shiviz-fixture.js';

describe('cut counts of real logs (small ones; see real-logs-large.test.ts for the rest)', () => {
  const known: [string, number[]][] = [
    ['RpcClientServer.log', [13]],
    ['simple-reliable-broadcast.log', [382]],
    ['facebook.log', [123]],
    ['facebook-multiple.log', [123, 111]],
    ['multiple-comparison.log', [10, 10, 10, 10, 10]],
  ];
  for (const [file, counts] of known) {
    it(`${file}: ${counts.join(' / ')}`, () => {
      const execs = readShiVizFixture(file);
      expect(execs.map((e) => countCuts(e).count)).toEqual(counts);
      expect(execs.map((e) => countCutsBfs(e).count)).toEqual(counts);
    });
  }
});

/** "host has done exactly k events" for each (host name, k), as a hand-built conjunction on cut counts. */
function exactly(exec: Execution, counts: Record<string, number>, shape: 'general' | 'conjunctive'): CutPredicate {
  const wanted = Object.entries(counts).map(([name, k]) => {
    const host = exec.hosts.indexOf(name);
    if (host < 0) throw new Error(`no host ${name}`);
    return { host, k };
  });
  const evaluate = (cut: Int32Array): boolean => wanted.every((w) => cut[w.host] === w.k);
  const text = wanted.map((w) => `${exec.hosts[w.host]}=${w.k}`).join(' and ');
  if (shape === 'general') return { text, evaluate, shape: { kind: 'general' } };
  const locals = wanted.map((w) => ({ host: w.host, holds: (k: number) => k === w.k }));
  return { text, evaluate, shape: { kind: 'conjunctive', locals } };
}

function verdicts(exec: Execution, counts: Record<string, number>): string[] {
  const out: string[] = [];
  for (const shape of ['general', 'conjunctive'] as const) {
    const pred = exactly(exec, counts, shape);
    out.push(`${shape} possibly ${checkModality(exec, 'possibly', pred).verdict}`);
    out.push(`${shape} definitely ${checkModality(exec, 'definitely', pred).verdict}`);
  }
  return out;
}

describe('worked examples', () => {
  it('RpcClientServer: client=2 and server=1 is Possibly and Definitely', () => {
    const [exec] = readShiVizFixture('RpcClientServer.log');
    expect(verdicts(exec!, { client: 2, server: 1 })).toEqual([
      'general possibly holds',
      'general definitely holds',
      'conjunctive possibly holds',
      'conjunctive definitely holds',
    ]);
  });

  it('RpcClientServer: client=1 and server=0 is Possibly, not Definitely', () => {
    const [exec] = readShiVizFixture('RpcClientServer.log');
    expect(verdicts(exec!, { client: 1, server: 0 })).toEqual([
      'general possibly holds',
      'general definitely fails',
      'conjunctive possibly holds',
      'conjunctive definitely fails',
    ]);
  });

  it('two independent processes of two events: 9 cuts; both-did-one Possibly not Definitely; p0-did-one Definitely', () => {
    const exec = twoIndependentProcesses();
    expect(countCuts(exec).count).toBe(9);
    expect(verdicts(exec, { p0: 1, p1: 1 })).toEqual([
      'general possibly holds',
      'general definitely fails',
      'conjunctive possibly holds',
      'conjunctive definitely fails',
    ]);
    expect(verdicts(exec, { p0: 1 })).toEqual([
      'general possibly holds',
      'general definitely holds',
      'conjunctive possibly holds',
      'conjunctive definitely holds',
    ]);
  });
});
