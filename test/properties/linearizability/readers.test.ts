import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatInputError } from '../../../execution/failable.js';
import type { History } from '../../../execution/history.js';
import { detectHistoryFormat, parseHistory, parseJepsenEdn, parseJepsenLog } from '../../../formats/jepsen.js';
import { checkHistoryFiles, formatDsimHistory, parseDsimHistory } from '../../../properties/linearizability/index.js';

function errorOf(result: { ok: boolean; error?: unknown }): { line?: number; message: string; source: string } {
  expect(result.ok).toBe(false);
  return result.error as { line?: number; message: string; source: string };
}

describe('Jepsen log reader', () => {
  it('reads tab- and space-separated lines, nil, integers, [a b] and keywords, skipping :nemesis', () => {
    const text = [
      'INFO  jepsen.util - 3\t:invoke\t:read\tnil',
      'INFO  jepsen.util - 3   :ok     :read   2',
      '',
      'INFO  jepsen.util - :nemesis\t:info\t:start\tnil',
      'INFO  jepsen.util - 12\t:invoke\t:cas\t[3 0]',
      'INFO  jepsen.util - 12\t:info\t:cas\t:timed-out',
    ].join('\n');
    const parsed = parseJepsenLog(text, 'h.log');
    expect(parsed).toEqual({
      ok: true,
      value: [
        { process: 3, type: 'invoke', f: 'read', value: null, line: 1 },
        { process: 3, type: 'ok', f: 'read', value: 2, line: 2 },
        { process: 12, type: 'invoke', f: 'cas', value: [3, 0], line: 5 },
        { process: 12, type: 'info', f: 'cas', value: ':timed-out', line: 6 },
      ],
    });
  });

  it('an :ok :read must carry the value read; an :invoke :read or an :info may leave it out (read as nil)', () => {
    const error = errorOf(parseJepsenLog('INFO  jepsen.util - 3\t:invoke\t:read\nINFO  jepsen.util - 3\t:ok\t:read\n', 'h.log'));
    expect(formatInputError(error as never)).toBe('h.log, line 2: an :ok :read must carry the value read (nil when there was none), found no value');
    const parsed = parseJepsenLog('3 :invoke :read\n3 :ok :read nil\n4 :invoke :write 1\n4 :info :write\n', 'h.log');
    expect(parsed.ok && parsed.value.map((e) => e.value)).toEqual([null, null, 1, null]);
  });

  it.each([
    ['INFO  jepsen.util - x\t:invoke\t:read\tnil', /process number/],
    ['INFO  jepsen.util - 1\t:begin\t:read\tnil', /:invoke, :ok, :fail or :info/],
    ['INFO  jepsen.util - 1\t:invoke\tread\tnil', /operation as a keyword/],
    ['INFO  jepsen.util - 1\t:invoke\t:cas\t[1 2', /unterminated `\[`: no `\]` closes it/],
    ['INFO  jepsen.util - 1\t:invoke\t:write\tfoo', /expected nil, an integer/],
    ['INFO  jepsen.util - 1', /expected `<process> :<type> :<f> <value>`/],
  ])('rejects %j with the line number', (bad, message) => {
    const text = `INFO  jepsen.util - 0\t:invoke\t:read\tnil\nINFO  jepsen.util - 0\t:ok\t:read\tnil\n${bad}\n`;
    const error = errorOf(parseJepsenLog(text, 'h.log'));
    expect(error.line).toBe(3);
    expect(error.source).toBe('h.log');
    expect(error.message).toMatch(message);
  });
});

describe('EDN reader', () => {
  it('reads maps with string keys and values, keywords and nil', () => {
    const parsed = parseJepsenEdn('{:process 4, :type :ok, :f :get, :key "3", :value "a \\"b\\""}\n', 'kv.txt');
    expect(parsed).toEqual({ ok: true, value: [{ process: 4, type: 'ok', f: 'get', key: '3', value: 'a "b"', line: 1 }] });
  });

  it('reads a missing :value as nil outside an :ok read, as Jepsen writes invokes and mutex operations', () => {
    const parsed = parseJepsenEdn('{:process 1, :type :invoke, :f :acquire, :index 0, :error {:why "x"}}\n', 'm.edn');
    expect(parsed).toEqual({ ok: true, value: [{ process: 1, type: 'invoke', f: 'acquire', value: null, line: 1 }] });
  });

  it.each([
    ['{:process 0, :type :invoke, :f :get, :key "1", :value nil', /unterminated `\{`: no `\}` closes it/],
    ['{:process 0, :type :begin, :f :get, :key "1", :value nil}', /:type to be :invoke/],
    ['{:process 0, :type :ok, :f :get, :key "1"}', /missing :value in an :ok :get/],
    ['{:process 0, :type :invoke, :f :get, :key "1", :value "x\\q"}', /unknown escape/],
    ['{:process -1, :type :invoke, :f :get, :value nil}', /:process to be a non-negative integer/],
    ['process 0', /expected an operation map/],
  ])('rejects %j with the line number', (bad, message) => {
    const text = `{:process 0, :type :invoke, :f :get, :key "1", :value nil}\n\n${bad}\n`;
    const error = errorOf(parseJepsenEdn(text, 'kv.txt'));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(message);
  });
});

describe('dsim JSON history', () => {
  const history: History = [
    { process: 0, type: 'invoke', f: 'write', value: 1, timeTicks: 5 },
    { process: 1, type: 'invoke', f: 'read', value: null, timeTicks: 6 },
    { process: 0, type: 'ok', f: 'write', value: 1, timeTicks: 9 },
    { process: 1, type: 'ok', f: 'read', value: 1, timeTicks: 12 },
  ];

  it('round-trips, with each event on its own line', () => {
    const text = formatDsimHistory(history);
    expect(detectHistoryFormat(text)).toBe('dsim-json');
    const parsed = parseDsimHistory(text, 'h.json');
    expect(parsed).toEqual({ ok: true, value: history.map((e, i) => ({ ...e, line: i + 2 })) });
  });

  it('names the line of a bad event, of a JSON syntax error, and a wrong header', () => {
    const bad = formatDsimHistory(history).replace('"type":"ok","f":"write"', '"type":"done","f":"write"');
    const error = errorOf(parseDsimHistory(bad, 'h.json'));
    expect(error).toMatchObject({ line: 4, message: 'history[2]: expected "type" to be "invoke", "ok", "fail" or "info"' });
    const broken = formatDsimHistory(history).replace('"timeTicks":9}', '"timeTicks":9');
    expect(errorOf(parseDsimHistory(broken, 'h.json')).message).toMatch(/^not valid JSON/);
    expect(errorOf(parseDsimHistory('{"format": "other", "version": 1, "history": []}', 'h.json')).message).toMatch(/dsim-history/);
    expect(errorOf(parseDsimHistory('{"format": "dsim-history", "version": 2, "history": []}', 'h.json')).message).toMatch(/version 2/);
  });
});

describe('format detection and checkHistoryFiles errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dsim-lin-'));
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('detects the three formats and rejects anything else at its first line', () => {
    expect(detectHistoryFormat('\nINFO  jepsen.util - 0\t:invoke\t:read\tnil')).toBe('jepsen-log');
    expect(detectHistoryFormat('{:process 0, :type :invoke}')).toBe('jepsen-edn');
    expect(detectHistoryFormat('{\n "format": "dsim-history"}')).toBe('dsim-json');
    const error = errorOf(parseHistory('\n\nhello world\n', 'x.txt'));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/cannot tell the history format/);
  });

  it('reports an unreadable file, a malformed line, and histories that do not pair up or fit the model', () => {
    expect(errorOf(checkHistoryFiles([join(dir, 'missing.log')], 'register'))).toMatchObject({ message: 'the file cannot be read (ENOENT)' });
    const unpaired = write('unpaired.log', '0 :invoke :read nil\n1 :ok :read 3\n');
    expect(formatInputError(errorOf(checkHistoryFiles([unpaired], 'register')) as never)).toBe(
      `${unpaired}, line 2: process 1 completes \`read\` (:ok) without an outstanding invoke`,
    );
    const twice = write('twice.log', '0 :invoke :read nil\n0 :invoke :write 1\n');
    expect(errorOf(checkHistoryFiles([twice], 'register'))).toMatchObject({ line: 2, message: expect.stringMatching(/line 1 has not completed/) });
    const mismatch = write('mismatch.log', '0 :invoke :read nil\n0 :ok :write 1\n');
    expect(errorOf(checkHistoryFiles([mismatch], 'register'))).toMatchObject({ line: 2, message: expect.stringMatching(/invoked `read`/) });
    const casInRegister = write('cas.log', '0 :invoke :cas [1 2]\n0 :ok :cas [1 2]\n');
    expect(errorOf(checkHistoryFiles([casInRegister], 'register'))).toMatchObject({ line: 2, message: expect.stringMatching(/no operation `cas`/) });
    const noKey = write('nokey.txt', '{:process 0, :type :invoke, :f :get, :value nil}\n');
    expect(errorOf(checkHistoryFiles([noKey], 'kv'))).toMatchObject({ line: 1, message: 'a get needs a key' });
    const badCas = write('badcas.log', '0 :invoke :cas 3\n0 :ok :cas 3\n');
    expect(errorOf(checkHistoryFiles([badCas], 'cas-register'))).toMatchObject({ line: 2, message: expect.stringMatching(/pair \[from to\]/) });
  });
});
