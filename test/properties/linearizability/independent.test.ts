/**
 * Jepsen `independent` histories (`:value [k v]`): hand-made good and bad ones, the detection rule, and a property:
 * an independent history of k keys gives each key the verdict of its own sub-history checked alone, which the
 * brute-force oracle (brute-force.ts, from the definition) confirms.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryEvent, HistoryValue } from '../../../execution/history.js';
import { checkHistory, checkHistoryFiles } from '../../../properties/linearizability/index.js';
import { bruteForceLinearizable } from './brute-force.js';
import { smallHistory } from './random-histories.js';

const dir = mkdtempSync(join(tmpdir(), 'dsim-independent-'));
let written = 0;

function write(text: string): string {
  const path = join(dir, `h${written++}.edn`);
  writeFileSync(path, text);
  return path;
}

function edn(value: HistoryValue): string {
  if (value === null) return 'nil';
  if (Array.isArray(value)) return `[${value.map(edn).join(' ')}]`;
  return typeof value === 'string' ? (value.startsWith(':') ? value : JSON.stringify(value)) : String(value);
}

function ednLines(events: readonly HistoryEvent[]): string {
  return events.map((e) => `{:process ${e.process}, :type :${e.type}, :f :${e.f}, :value ${edn(e.value)}}`).join('\n') + '\n';
}

const op = (process: number, f: string, invoke: string, type: string, done: string) =>
  `{:process ${process} :type :invoke :f :${f} :value ${invoke}}\n{:process ${process} :type :${type} :f :${f} :value ${done}}\n`;

describe('Jepsen independent histories', () => {
  it('splits per key, keys in order (integers, then strings), each checked as a cas-register history', () => {
    const path = write(
      op(0, 'write', '["b" 1]', 'ok', '["b" 1]') + op(1, 'cas', '[3 [nil 2]]', 'ok', '[3 [nil 2]]') + op(0, 'read', '[1 nil]', 'ok', '[1 nil]')
      + op(1, 'read', '[3 nil]', 'ok', '[3 2]') + op(2, 'read', '["b" nil]', 'ok', '["b" 1]'),
    );
    const checked = checkHistoryFiles([path], 'cas-register');
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.results.map((r) => [r.key, r.verdict, r.operations])).toEqual([
      [1, 'linearizable', 1], [3, 'linearizable', 2], ['b', 'linearizable', 2],
    ]);
  });

  it('a stale read of one key is a violation of that key alone, named in the result', () => {
    const path = write(op(0, 'write', '[1 5]', 'ok', '[1 5]') + op(1, 'write', '[2 7]', 'ok', '[2 7]') + op(0, 'read', '[2 nil]', 'ok', '[2 nil]'));
    const checked = checkHistoryFiles([path], 'cas-register');
    expect(checked.ok && checked.value.results.map((r) => [r.key, r.verdict])).toEqual([[1, 'linearizable'], [2, 'not-linearizable']]);
    if (!checked.ok) return;
    expect(checked.value.results[1]?.explanation?.blocked).toMatchObject({ process: 0, line: 5 });
  });

  it('a :cas history whose values are [old new] pairs is read as it stands: only that reading fits', () => {
    const path = write(op(0, 'cas', '[1 2]', 'fail', '[1 2]') + op(1, 'cas', '[0 2]', 'fail', '[0 2]'));
    const checked = checkHistoryFiles([path], 'cas-register');
    expect(checked.ok && checked.value.results.map((r) => [r.key, r.verdict])).toEqual([[undefined, 'linearizable']]);
  });

  it('--independent forces the reading: a value that is no tuple is an error naming the line; false never unpacks', () => {
    const path = write(op(0, 'write', '[1 5]', 'ok', '[1 5]') + op(0, 'read', 'nil', 'ok', '5'));
    expect(checkHistoryFiles([path], 'cas-register', { independent: true })).toMatchObject({ ok: false, error: { source: path, line: 3 } });
    const tuples = write(op(0, 'write', '[1 5]', 'ok', '[1 5]'));
    expect(checkHistoryFiles([tuples], 'cas-register', { independent: false })).toMatchObject({ ok: false, error: { line: 2 } });
    expect(checkHistoryFiles([tuples], 'cas-register')).toMatchObject({ ok: true, value: { results: [{ key: 1, verdict: 'linearizable' }] } });
  });

  it('a malformed sub-history is an error naming the key and the line; the CLI flag chooses the reading', async () => {
    const path = write(op(0, 'write', '[1 5]', 'ok', '[1 5]') + op(1, 'write', '["a" 1]', 'ok', '["a" 2]').replace(':f :write :value ["a" 2]', ':f :read :value ["a" 2]'));
    expect(checkHistoryFiles([path], 'cas-register')).toMatchObject({ ok: false, error: { source: path, line: 4, message: expect.stringMatching(/^key "a": /) } });
    const tuples = write(op(0, 'write', '[1 5]', 'ok', '[1 5]'));
    const { runCli } = await import('../../../cli/app.js');
    const { bufferIo } = await import('../../../cli/io.js');
    const forced = bufferIo();
    expect(await runCli(['check-history', tuples, '--model', 'cas-register', '--independent'], forced)).toBe(0);
    expect(forced.stdout[0]).toMatch(/ key 1: linearizable/);
    const plain = bufferIo();
    expect(await runCli(['check-history', tuples, '--model', 'cas-register', '--no-independent'], plain)).toBe(2);
    expect(plain.stderr[0]).toMatch(/line 2: a write takes nil, a number or a string, not \[1 5\]/);
  });

  it('property: k keys interleaved give each key the verdict of its sub-history alone (and of the brute-force oracle)', () => {
    const keyed = fc.array(smallHistory('cas-register', 5), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(keyed, fc.array(fc.nat(), { maxLength: 40 }), (subs, choices) => {
        // Each key's processes are its own (as Jepsen's independent generator gives each key its own threads).
        const queues = subs.map((sub, k) => sub.events.map((e) => ({ ...e, process: 100 * k + e.process, value: [k, e.value] as HistoryValue })));
        const events: HistoryEvent[] = [];
        for (let c = 0; queues.some((q) => q.length > 0); c++) {
          const open = queues.filter((q) => q.length > 0);
          events.push((open[(choices[c] ?? c) % open.length] as HistoryEvent[]).shift() as HistoryEvent);
        }
        const checked = checkHistoryFiles([write(ednLines(events))], 'cas-register', { independent: true });
        expect(checked.ok).toBe(true);
        if (!checked.ok) return;
        const present = subs.map((_, k) => k).filter((k) => (subs[k] as (typeof subs)[number]).events.length > 0);
        expect(checked.value.results.map((r) => r.key)).toEqual(present);
        checked.value.results.forEach((r) => {
          const sub = subs[r.key as number] as (typeof subs)[number];
          const alone = checkHistory(sub.events, 'cas-register');
          expect(alone.ok && alone.value.verdict).toBe(r.verdict);
          expect(r.verdict).toBe(bruteForceLinearizable('cas-register', sub.ops) ? 'linearizable' : 'not-linearizable');
        });
      }),
      { numRuns: 150 },
    );
  });
});
