import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHistory } from '../../../formats/jepsen.js';
import { checkHistory, checkHistoryFiles } from '../../../properties/linearizability/index.js';
import { fixturePath, readVerdicts } from './fixtures.js';

const etcdVerdicts = readVerdicts('etcd/verdicts.json');
const kvVerdicts = readVerdicts('kv/verdicts.json');

describe('Jepsen etcd histories (cas-register)', () => {
  const ids = Object.keys(etcdVerdicts).sort();

  it('has the 102 known verdicts: 23 linearizable, 79 not', () => {
    expect(ids).toHaveLength(102);
    expect(ids.filter((id) => etcdVerdicts[id] === 'linearizable')).toHaveLength(23);
  });

  it('gives every history its known verdict', () => {
    const paths = ids.map((id) => fixturePath(`etcd/etcd_${id}.log`));
    const checked = checkHistoryFiles(paths, 'cas-register');
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const got = Object.fromEntries(checked.value.results.map((r, i) => [ids[i], r.verdict]));
    expect(got).toEqual(etcdVerdicts);
    for (const r of checked.value.results) {
      if (r.verdict !== 'not-linearizable') continue;
      expect(r.explanation?.blocked.line).toBeGreaterThan(0);
    }
  });

  it('rejects the empty etcd_095.log (no verdict given) as an input error naming the file, as dsim check rejects an empty log', () => {
    const path = fixturePath('etcd/etcd_095.log');
    const checked = checkHistoryFiles([path], 'cas-register');
    expect(checked).toEqual({ ok: false, error: { source: path, message: 'the history is empty: expected at least one client operation event' } });
  });
});

describe('key-value histories (kv)', () => {
  const names = Object.keys(kvVerdicts).sort();

  it.each(names)('%s with per-key splitting', (name) => {
    const checked = checkHistoryFiles([fixturePath(`kv/${name}.txt`)], 'kv');
    expect(checked.ok && checked.value.results[0]?.verdict).toBe(kvVerdicts[name]);
  });

  it.each(['c01-ok', 'c01-bad'])('%s without splitting agrees', (name) => {
    const checked = checkHistoryFiles([fixturePath(`kv/${name}.txt`)], 'kv', { split: false });
    expect(checked.ok && checked.value.results[0]?.verdict).toBe(kvVerdicts[name]);
  });

  it('explains c01-bad: the prefix, the state, and the get that cannot be placed, with its lines', () => {
    const history = parseHistory(readFileSync(fixturePath('kv/c01-bad.txt'), 'utf8'), 'c01-bad.txt');
    if (!history.ok) throw new Error('fixture unreadable');
    const result = checkHistory(history.value, 'kv');
    if (!result.ok) throw new Error('check failed');
    expect(result.value.verdict).toBe('not-linearizable');
    const explanation = result.value.explanation;
    expect(explanation?.partition).toBe('7');
    expect(explanation?.blocked).toMatchObject({ process: 0, line: 59, returnLine: 60 });
    expect(explanation?.blocked.description).toBe('p0 get "7" → "x 0 0 y" (line 59)');
    // With one client the history is sequential: every earlier op on key 7 is in the prefix.
    const earlierOnKey7 = history.value.filter((e) => e.key === '7' && e.type === 'invoke' && (e.line ?? 0) < 59);
    expect(explanation?.prefix).toHaveLength(earlierOnKey7.length);
  });
});
