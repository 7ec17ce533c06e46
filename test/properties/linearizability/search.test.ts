import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHistory } from '../../../formats/jepsen.js';
import type { History } from '../../../execution/history.js';
import { checkHistory, formatExplanation } from '../../../properties/linearizability/index.js';
import { fixturePath } from './fixtures.js';

function load(relative: string): History {
  const parsed = parseHistory(readFileSync(fixturePath(relative), 'utf8'), relative);
  if (!parsed.ok) throw new Error(`fixture ${relative} unreadable`);
  return parsed.value;
}

function check(text: string, model: 'register' | 'cas-register') {
  const history = parseHistory(text, 't.log');
  if (!history.ok) throw new Error(history.error.message);
  const result = checkHistory(history.value, model);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('limits give unknown, never a wrong verdict', () => {
  it('a step limit stops an unsplit 10-client kv search with the count reached', () => {
    const result = checkHistory(load('kv/c10-bad.txt'), 'kv', { split: false, stepsMax: 10_000 });
    expect(result.ok && result.value).toMatchObject({ verdict: 'unknown', steps: 10_000, stoppedBy: 'search steps limit (10000) reached' });
  });

  it('a cache limit stops it too', () => {
    const result = checkHistory(load('kv/c10-ok.txt'), 'kv', { split: false, cacheEntriesMax: 500 });
    expect(result.ok && result.value).toMatchObject({ verdict: 'unknown', stoppedBy: 'cache entries limit (500) reached' });
  });

  it('with splitting, a violation in an easy key is found even when the budget could not exhaust a hard one', () => {
    const result = checkHistory(load('kv/c50-bad.txt'), 'kv', { stepsMax: 200_000 });
    expect(result.ok && result.value.verdict).toBe('not-linearizable');
  });

  it('is deterministic: the same history and limits give the same counts', () => {
    const a = checkHistory(load('etcd/etcd_000.log'), 'cas-register');
    const b = checkHistory(load('etcd/etcd_000.log'), 'cas-register');
    expect(a).toEqual(b);
  });
});

describe('semantics of :info, :fail and explanations', () => {
  it('a :fail write did not happen; an :info write may have happened, at any time after its invoke', () => {
    const failed = '0 :invoke :write 1\n0 :fail :write 1\n1 :invoke :read nil\n1 :ok :read 1\n';
    expect(check(failed, 'register').verdict).toBe('not-linearizable');
    const info = '0 :invoke :write 1\n0 :info :write :timed-out\n1 :invoke :read nil\n1 :ok :read 1\n1 :invoke :read nil\n1 :ok :read nil\n';
    expect(check(info, 'register').verdict).toBe('not-linearizable'); // read 1 then nil: the write cannot be undone
    const late = '0 :invoke :write 1\n0 :info :write :timed-out\n1 :invoke :read nil\n1 :ok :read nil\n1 :invoke :read nil\n1 :ok :read 1\n';
    expect(check(late, 'register').verdict).toBe('linearizable');
  });

  it('an :info cas takes effect only where its comparison holds, or not at all', () => {
    const text = '0 :invoke :cas [1 2]\n0 :info :cas :timed-out\n1 :invoke :read nil\n1 :ok :read nil\n1 :invoke :read nil\n1 :ok :read 2\n';
    expect(check(text, 'cas-register').verdict).toBe('not-linearizable');
    const ok = `1 :invoke :write 1\n1 :ok :write 1\n${text}`;
    expect(check(ok.replace('1 :ok :read nil', '1 :ok :read 1'), 'cas-register').verdict).toBe('linearizable');
  });

  it('explains a stale read: the prefix, the state after it, and the read that cannot be placed, with its lines', () => {
    const text = [
      'INFO  jepsen.util - 0\t:invoke\t:write\t1',
      'INFO  jepsen.util - 0\t:ok\t:write\t1',
      'INFO  jepsen.util - 1\t:invoke\t:write\t2',
      'INFO  jepsen.util - 1\t:ok\t:write\t2',
      'INFO  jepsen.util - 2\t:invoke\t:read\tnil',
      'INFO  jepsen.util - 2\t:ok\t:read\t1',
    ].join('\n');
    const result = check(text, 'register');
    expect(result.verdict).toBe('not-linearizable');
    expect(result.explanation).toEqual({
      prefix: ['p0 write 1 (line 1)', 'p1 write 2 (line 3)'],
      stateAfterPrefix: 'value 2',
      blocked: { process: 2, description: 'p2 read → 1 (line 5)', line: 5, returnLine: 6 },
    });
    expect(formatExplanation(result.explanation as never)).toEqual([
      'longest linearizable prefix (2 operations):',
      '  p0 write 1 (line 1)',
      '  p1 write 2 (line 3)',
      'state after it: value 2',
      'cannot be placed next: p2 read → 1 (line 5), returned at line 6',
    ]);
  });
});
