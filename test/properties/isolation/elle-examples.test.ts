import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkIsolation, inferDependencies, readTransactionsEdn, type Transaction } from '../../../properties/isolation/index.js';

function transactions(file: string): Transaction[] {
  const read = readTransactionsEdn(readFileSync(new URL(`../../fixtures/jepsen/elle/${file}`, import.meta.url), 'utf8'), file, 'list-append');
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

/** `T1 ww T3` for every data edge (T-numbers from 1, by invoke order). */
function dependencyNames(txns: readonly Transaction[]): string[] {
  return inferDependencies(txns, { model: 'list-append' }).map((d) => `T${d.from + 1} ${d.kind} T${d.to + 1}`);
}

describe('the Elle paper example (test/fixtures/jepsen/elle/paper-example.edn)', () => {
  // Four transactions, each invoke directly followed by its completion, without :process (paired by shape):
  //   T1 appends 1 3 4 to key 253, 2 3 4 5 to 255, 1 2 to 256.
  //   T2 appends 8 to 255 and reads 253 = [1 3 4].
  //   T3 appends 4 to 256 and reads 255 = [2 3 4 5 8], 256 = [1 2 4], 253 = [1 3 4].
  //   T4 appends 10 to 250, reads 253 = [1 3 4] and 255 = [2 3 4 5], appends 3 to 256.
  // Version orders (longest reads): 253 [1 3 4] (all T1); 255 [2 3 4 5 8] (T1's, then T2's 8); 256 [1 2 4] (T1's,
  // then T3's 4), with T4's committed append of 3 in no read, so after 4; 250 is never read.
  // Edges: T1 ww T2 (255: 8 after 5), T1 ww T3 (256: 4 after 2), T3 ww T4 (256: 3 after 4);
  //        T1 wr T2, T1 wr T3, T1 wr T4 (253: [1 3 4]); T2 wr T3 (255 ends with 8); T1 wr T4 (255 ends with 5);
  //        T4 rw T2 (T4's [2 3 4 5] misses T2's 8). T3 read 256 as [1 2 4], ending with its own append: no wr/rw.
  // Cycle: T4 rw T2 wr T3 ww T4: one anti-dependency, so G-single: not serializable, as the paper says; nor snapshot
  // isolation nor repeatable read; read committed holds (no G0, G1).
  const txns = transactions('paper-example.edn');

  it('pairs the four invokes with their completions without :process', () => {
    expect(txns.map((t) => [t.type, t.index])).toEqual([['ok', 1], ['ok', 3], ['ok', 5], ['ok', 7]]);
  });

  it('infers the hand-worked dependencies', () => {
    expect(dependencyNames(txns)).toEqual(['T1 ww T2', 'T1 wr T2', 'T1 ww T3', 'T1 wr T3', 'T1 wr T4', 'T2 wr T3', 'T3 ww T4', 'T4 rw T2']);
  });

  it('is not serializable: a G-single cycle T4 → T2 → T3 → T4; read committed is the strongest model left', () => {
    const r = checkIsolation(txns, { model: 'list-append' });
    expect(r.valid).toBe(false);
    expect(r.anomalies.map((a) => a.name)).toEqual(['G-single']);
    expect(r.cycles[0]!.transactions).toEqual([3, 1, 2]);
    expect(r.cycles[0]!.steps.map((s) => s.kind)).toEqual(['rw', 'wr', 'ww']);
    expect(r.strongestModel).toBe('read-committed');
    expect(r.notSatisfied).toEqual(['strict-serializable', 'serializable', 'snapshot-isolation', 'repeatable-read']);
    expect(r.explanation).toContain('  T4 (index 7) → T2 (index 3) (rw): T4 (index 7) read key 255 as [2 3 4 5], which T2 (index 3)\'s append of 8 follows');
  });
});

describe("Elle's si-without-g-single.edn", () => {
  // T1 appends 2 to 9; T2 appends 1 to 8 and reads 9 = nil; T3 reads 6 = nil and 8 = nil and appends 5 to 9;
  // T4 appends 2 to 6 and reads 9 = [2]. Version orders: 9 [2] (T1), then T3's 5 (in no read); 8: T2's 1 (in no
  // read); 6: T4's 2 (in no read). The file's comments name exactly the edges inferred:
  //   T1 ww T3 on 9 (5 follows [2]), T1 wr T4 on 9, T2 rw T1 on 9 (nil, then 2), T3 rw T2 on 8, T3 rw T4 on 6,
  //   T4 rw T3 on 9 ([2], then 5).
  // Every cycle has two anti-dependencies (T1 ww T3 rw T2 rw T1; T3 rw T4 rw T3; ...), and none has exactly one:
  // G2-item without G-single, so snapshot isolation holds and serializability (and repeatable read) does not.
  const txns = transactions('si-without-g-single.edn');

  it('infers the dependencies the file names', () => {
    expect(dependencyNames(txns)).toEqual(['T1 ww T3', 'T1 wr T4', 'T2 rw T1', 'T3 rw T2', 'T3 rw T4', 'T4 rw T3']);
  });

  it('is G2-item but not G-single: snapshot isolation is the strongest model left', () => {
    const r = checkIsolation(txns, { model: 'list-append' });
    expect(r.valid).toBe(false);
    expect(r.anomalies.map((a) => a.name)).toEqual(['G2-item']);
    expect(r.cycles[0]!.steps.filter((s) => s.kind === 'rw').length).toBeGreaterThanOrEqual(2);
    expect(r.strongestModel).toBe('snapshot-isolation');
    expect(r.notSatisfied).toEqual(['strict-serializable', 'serializable', 'repeatable-read']);
    expect(checkIsolation(txns, { model: 'list-append', consistencyModel: 'snapshot-isolation' }).valid).toBe(true);
  });
});
