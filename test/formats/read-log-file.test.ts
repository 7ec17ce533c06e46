import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { detectLogFormat, readLogFile } from '../../formats/index.js';
import { FIXTURES, err, ok } from './helpers.js';

describe('detectLogFormat and readLogFile', () => {
  test('tells the formats apart by content', () => {
    expect(detectLogFormat('{"format": "dsim-trace", "version": 1}')).toBe('dsim-trace');
    expect(detectLogFormat('{"format": "dsim-history"}')).toBe('govector');
    expect(detectLogFormat(String.raw`(?<host>\S*) (?<clock>{.*})\n(?<event>.*)` + '\n\na {"a":1}\nx')).toBe('shiviz-upload');
    expect(detectLogFormat('0:(1,0,0)\n')).toBe('poset');
    expect(detectLogFormat('a {"a":1}\nx')).toBe('govector');
  });

  test('reads an upload-format log, a poset and a plain GoVector log', async () => {
    const rpc = ok(await readLogFile(join(FIXTURES, 'shiviz-logs/RpcClientServer.log')));
    expect(rpc.map((e) => e.events.length)).toEqual([10]);
    const poset = ok(await readLogFile(join(FIXTURES, 'posets/d-50.txt')));
    expect(poset.map((e) => e.events.length)).toEqual([50]);
    const chord = ok(await readLogFile(join(FIXTURES, 'shiviz-logs/chord.log')));
    expect(chord.map((e) => e.hosts.length)).toEqual([8]);
  });

  test('passes parser, delimiter and kv on', async () => {
    const parser = String.raw`(?<ip>(\d{1,3}\.){3}\d{1,3}) (?<date>(\d{1,2}/){2}\d{4} (\d{2}:){2}\d{2} (AM|PM)) (?<action>(INFO|GET|POST)) (?<event>.*)\n(?<host>\w*) (?<clock>.*)`;
    const path = join(FIXTURES, 'shiviz-logs/facebook-multiple.log');
    const executions = ok(await readLogFile(path, { parser, delimiter: '^=== (?<trace>.*) ===$', kv: true }));
    expect(executions.map((e) => e.events.length)).toEqual([47, 41]);
    expect(executions[0]!.events[0]!.fields['uid']).toBe('alice');
  });

  test('a missing file is an error naming it', async () => {
    const path = join(FIXTURES, 'no-such.log');
    expect(err(await readLogFile(path))).toEqual({ source: path, message: 'the file cannot be read (ENOENT)' });
  });

  test('a dsim trace goes to the trace reader, never to the ShiViz reader', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'dsim-formats-')), 'run.json');
    writeFileSync(path, '{"format": "dsim-trace", "version": 1, "oops": ');
    const result = await readLogFile(path);
    expect(result.ok).toBe(false);
    const hasReader = existsSync(new URL('../../formats/trace.ts', import.meta.url));
    if (!hasReader) expect(err(result).message).toContain('no trace reader');
    else expect(err(result).message).not.toContain('parser regex');
  });
});
