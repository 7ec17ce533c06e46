import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectHistoryFormat, parseHistory, parseJepsenEdn } from '../../formats/jepsen.js';
import { parseJepsenJson } from '../../formats/jepsen-json.js';
import { checkIsolationFile } from '../../properties/isolation/index.js';
import { formatDsimHistory } from '../../properties/linearizability/index.js';

describe('Jepsen JSON histories (as elle-cli reads them)', () => {
  it('an array spread over lines: each operation keeps its line; "invoke" and ":invoke" alike; "nemesis" skipped', () => {
    const text = [
      '[{"process": 0, "type": "invoke", "f": "add", "value": 1, "index": 0},',
      ' {"process": "nemesis", "type": "info", "f": "start"},',
      ' {"process": 0, "type": ":ok", "f": ":add", "value": 1, "time": 1500},',
      ' {"process": 1, "type": "invoke", "f": "read"}]',
    ].join('\n');
    expect(detectHistoryFormat(text)).toBe('jepsen-json');
    expect(parseJepsenJson(text, 'h.json')).toEqual({
      ok: true,
      value: [
        { process: 0, type: 'invoke', f: 'add', value: 1, line: 1 },
        { process: 0, type: 'ok', f: 'add', value: 1, line: 3, timeNanos: 1500 },
        { process: 1, type: 'invoke', f: 'read', value: null, line: 4 },
      ],
    });
  });

  it('one object per line; objects are maps, booleans keywords', () => {
    const text = '{"process": 2, "type": "ok", "f": "read", "value": {"0": 10, "1": true}}\n\n{"process": 2, "type": "invoke", "f": "read"}\n';
    expect(detectHistoryFormat(text)).toBe('jepsen-json');
    const read = parseJepsenJson(text, 'h.jsonl');
    expect(read.ok && read.value[0]!.value).toEqual({ entries: [['0', 10], ['1', ':true']] });
    expect(read.ok && read.value[1]!.line).toBe(3);
  });

  it('reads the same history as the EDN it was written from, for the linearizability checker', () => {
    const ednText = '{:process 0, :type :invoke, :f :cas, :value [1 2]}\n{:process 0, :type :fail, :f :cas, :value [1 2]}\n{:process 1, :type :invoke, :f :read, :value nil}\n{:process 1, :type :ok, :f :read, :value 3}';
    const json = '[{"process":0,"type":"invoke","f":"cas","value":[1,2]},\n{"process":0,"type":"fail","f":"cas","value":[1,2]},\n{"process":1,"type":"invoke","f":"read","value":null},\n{"process":1,"type":"ok","f":"read","value":3}]';
    expect(parseHistory(json, 'h.json')).toEqual(parseJepsenEdn(ednText, 'h.edn'));
  });

  it("dsim's own JSON is still dsim's, however its first line looks", () => {
    const dsim = formatDsimHistory([{ process: 0, type: 'invoke', f: 'read', value: null }]);
    expect(detectHistoryFormat(dsim)).toBe('dsim-json');
    expect(detectHistoryFormat('{\n  "version": 1, "format": "dsim-history", "history": []}')).toBe('dsim-json');
    expect(detectHistoryFormat('{\n  "process": 0, "type": "invoke", "f": "read"}')).toBe('jepsen-json');
  });

  it.each([
    ['[{"process": 0, "type": "invoke", "f": "read"},\n {"process": 0, "type": "begin", "f": "read"}]', 2, /"type" to be "invoke"/],
    ['{"process": 0, "type": "invoke", "f": "read"}\n{"process": 0, "type": "ok", "f": "read"}', 2, /missing "value" in an ok read/],
    ['{"process": 0, "type": "invoke", "f": "read"}\n{"process": 0, "type": "ok", "f": "read", "value": 1', 2, /not valid JSON/],
    ['[{"process": -1, "type": "invoke", "f": "read"}]', 1, /"process" to be a non-negative integer/],
  ])('rejects %j naming the line', (text, line, message) => {
    const r = parseJepsenJson(text, 'bad.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.line).toBe(line);
    expect(r.error.message).toMatch(message);
  });

  it('a map value is an error for the linearizability checker, naming its line', () => {
    const r = parseHistory('[{"process": 0, "type": "invoke", "f": "read"},\n{"process": 0, "type": "ok", "f": "read", "value": {"a": 1}}]', 'b.json');
    expect(r).toEqual({ ok: false, error: { source: 'b.json', line: 2, message: 'a map is not a value of a register, key-value or collection history' } });
  });
});

describe('Jepsen JSON for the isolation checker', () => {
  it("elle-cli's JSON of the Elle paper's example (no \"f\") gets the verdict and anomalies of the EDN one", () => {
    const dir = new URL('../fixtures/jepsen/', import.meta.url);
    const json = checkIsolationFile(readFileSync(new URL('jepsen-checkers/elle-paper-example.json', dir), 'utf8'), 'p.json', { model: 'list-append' });
    const ednResult = checkIsolationFile(readFileSync(new URL('elle/paper-example.edn', dir), 'utf8'), 'p.edn', { model: 'list-append' });
    expect(json.ok && ednResult.ok).toBe(true);
    if (!json.ok || !ednResult.ok) return;
    expect([json.value.valid, json.value.anomalies.map((a) => a.name)]).toEqual([false, ednResult.value.anomalies.map((a) => a.name)]);
  });
});
