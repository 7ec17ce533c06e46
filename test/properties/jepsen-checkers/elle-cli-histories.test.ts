/**
 * elle-cli's own test histories (test/fixtures/jepsen/jepsen-checkers/, from ligurio/elle-cli) with the verdicts its
 * test.sh asserts for Jepsen's checkers, in EDN and JSON; and its etcd mutex history, which Knossos rejects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHistory } from '../../../formats/jepsen.js';
import { checkJepsenFile, type JepsenCheckerName } from '../../../properties/jepsen-checkers/index.js';
import { checkHistory } from '../../../properties/linearizability/index.js';
import { MODELS } from '../../../properties/linearizability/models/registry.js';
import { valueOf } from './helpers.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'jepsen', 'jepsen-checkers');
const text = (file: string): string => readFileSync(join(DIR, file), 'utf8');

describe("elle-cli's histories get elle-cli's verdicts", () => {
  it.each<[string, JepsenCheckerName, boolean, Record<string, unknown>]>([
    ['counter.json', 'counter', true, {}],
    ['set.edn', 'set', true, {}],
    ['set_full.edn', 'set-full', false, {}],
    ['bank-neg.edn', 'bank', true, {}],
    ['bank-negative-balances.json', 'bank', false, {}],
    ['long-fork.edn', 'long-fork', false, { groupSize: 3 }],
  ])('%s with %s: valid %s', (file, name, valid, options) => {
    const r = valueOf(checkJepsenFile(text(file), file, name, options));
    expect(r.valid).toBe(valid);
  });

  it('bank-negative-balances.json: the negative balance of account 7 at line 4; allowed, the history is valid', () => {
    const r = valueOf(checkJepsenFile(text('bank-negative-balances.json'), 'b.json', 'bank'));
    expect(r.explanation[1]).toBe('negative-value: the read at line 4 (process 0) has account 7 at -1');
    expect(valueOf(checkJepsenFile(text('bank-negative-balances.json'), 'b.json', 'bank', { negativeBalances: true })).valid).toBe(true);
  });

  it('set_full.edn: its adds are of pairs [0 i] but its read returns bare integers, so every element is lost', () => {
    const r = valueOf(checkJepsenFile(text('set_full.edn'), 's.edn', 'set-full'));
    if (r.checker !== 'set-full') throw new Error('set-full');
    expect([r.attemptCount, r.lostCount, r.stableCount]).toEqual([r.lostCount, r.lostCount, 0]);
    expect(r.lost[0]).toEqual([0, 0]);
    expect(r.explanation[0]).toBe('lost: [0 0] was known from line 2; no read ever saw it; the read invoked at line 587 lacked it and no later read saw it');
  });

  it("mutex-etcd.edn (Jepsen's :acquire/:release, invokes without :value): not linearizable for dsim's mutex model", () => {
    const h = valueOf(parseHistory(text('mutex-etcd.edn'), 'etcd.edn'));
    expect(h.every((e) => e.f === 'acquire' || e.f === 'release')).toBe(true);
    const r = valueOf(checkHistory(h, MODELS.mutex));
    expect(r.verdict).toBe('not-linearizable');
  });
});
