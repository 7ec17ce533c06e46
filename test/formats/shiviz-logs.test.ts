import { describe, expect, test } from 'vitest';
import { isShiVizUploadFormat, parseShiViz } from '../../formats/shiviz.js';
import { clocksByHostName, countCutsBruteForce, fixture, ok } from './helpers.js';

interface ManifestEntry {
  readonly file: string;
  readonly parser: string;
  readonly delimiter?: string;
}

const manifest = JSON.parse(fixture('shiviz-logs/manifest.json')) as { logs: ManifestEntry[] };

/** The README's table: hosts and events per execution, and consistent cuts where small enough to count here. */
const expected: Record<string, { hosts: number[]; events: number[]; cuts?: number[] }> = {
  'RpcClientServer.log': { hosts: [2], events: [10], cuts: [13] },
  'simple-reliable-broadcast.log': { hosts: [3], events: [39], cuts: [382] },
  'facebook.log': { hosts: [4], events: [47], cuts: [123] },
  'facebook-multiple.log': { hosts: [4, 4], events: [47, 41], cuts: [123, 111] },
  'multiple-comparison.log': { hosts: [2, 2, 2, 2, 2], events: [8, 8, 8, 8, 8], cuts: [10, 10, 10, 10, 10] },
  'chord.log': { hosts: [8], events: [1235] },
  'simpledb.log': { hosts: [5], events: [509] },
  'ewd998.log': { hosts: [7, 5, 7], events: [77, 248, 665] },
  'voldemort-simple-threadnames.log': { hosts: [19], events: [863] },
  'tsviz_shared_var_4_threads.log': { hosts: [4], events: [5000] },
  'tsviz_fslock_24t_4sp.log': { hosts: [30], events: [2001] },
};

function load(entry: ManifestEntry) {
  const options = { source: entry.file, parser: entry.parser, ...(entry.delimiter ? { delimiter: entry.delimiter } : {}) };
  return ok(parseShiViz(fixture(`shiviz-logs/${entry.file}`), options));
}

describe('the ShiViz example logs', () => {
  test('the manifest lists every log of the table', () => {
    expect(manifest.logs.map((l) => l.file).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const entry of manifest.logs) {
    test(`${entry.file} gives the README's executions, hosts and events`, () => {
      const executions = load(entry);
      const want = expected[entry.file]!;
      expect(executions.map((e) => e.hosts.length)).toEqual(want.hosts);
      expect(executions.map((e) => e.events.length)).toEqual(want.events);
      if (want.cuts) expect(executions.map(countCutsBruteForce)).toEqual(want.cuts);
    });
  }

  test('RpcClientServer.log is detected as the upload format and read with its own header', () => {
    const text = fixture('shiviz-logs/RpcClientServer.log');
    expect(isShiVizUploadFormat(text)).toBe(true);
    const [exec] = ok(parseShiViz(text, { source: 'logs/RpcClientServer.log' }));
    expect(exec!.label).toBe('RpcClientServer.log');
    expect(exec!.hosts).toEqual(['client', 'server']);
    expect(clocksByHostName(exec!)['client']).toEqual([
      { client: 1 },
      { client: 2 },
      { client: 3, server: 3 },
      { client: 4, server: 3 },
      { client: 5, server: 5 },
    ]);
    expect(exec!.events.map((e) => e.kind).filter((k) => k === 'receive')).toHaveLength(4);
    const serverReceive = exec!.events.find((e) => e.host === 1 && e.index === 2)!;
    expect(serverReceive.kind).toBe('receive');
    expect(serverReceive.label).toBe('Received RPC request');
  });

  test('chord.log keeps every clock exactly as written (checked against a separate line-pair reading)', () => {
    const text = fixture('shiviz-logs/chord.log').trim().split('\n');
    const written: Record<string, Record<string, number>[]> = {};
    for (let i = 0; i + 1 < text.length; i += 2) {
      const space = text[i]!.indexOf(' ');
      const host = text[i]!.slice(0, space);
      const clock = JSON.parse(text[i]!.slice(space + 1)) as Record<string, number>;
      for (const k of Object.keys(clock)) if (clock[k] === 0) delete clock[k];
      (written[host] ??= [])[clock[host]! - 1] = clock;
    }
    const [exec] = load(manifest.logs.find((l) => l.file === 'chord.log')!);
    expect(clocksByHostName(exec!)).toEqual(written);
  });

  test('multi-execution logs take their labels from the trace group', () => {
    const executions = load(manifest.logs.find((l) => l.file === 'facebook-multiple.log')!);
    expect(executions.map((e) => e.label)).toEqual(['Execution #1', 'Execution #2']);
  });

  test('fields: named groups, numbers typed as numbers and text as strings', () => {
    const [fb] = load(manifest.logs.find((l) => l.file === 'facebook.log')!);
    expect(fb!.events[0]!.fields).toEqual({ ip: '24.22.130.14', date: '5/27/2013 10:53:39 AM', action: 'GET' });
    const [ts] = load(manifest.logs.find((l) => l.file === 'tsviz_shared_var_4_threads.log')!);
    const first = ts!.events.find((e) => e.label.startsWith('Read 0x7fef50805200 from __wt_session.connection'));
    expect(first?.fields).toEqual({ timestamp: 256824341944726 });
    expect(ts!.hosts[first!.host]).toBe('thread5');
  });

  test('ewd998.log: TLA+ escaped quotes in clocks, and its state fields', () => {
    const executions = load(manifest.logs.find((l) => l.file === 'ewd998.log')!);
    expect(executions[0]!.label).toBe('78 actions (EWD998Chan!EWD998!terminationDetected)');
    const first = executions[0]!.events[0]!;
    expect(first.label).toBe('SendMsg');
    expect(executions[0]!.hosts[first.host]).toBe('n6');
    expect(Array.from(first.clock).filter((v) => v > 0)).toEqual([1]);
    expect(first.fields['counter']).toBe('(n1 :> 0 @@ n2 :> 0 @@ n3 :> 0 @@ n4 :> 0 @@ n5 :> 0 @@ n6 :> 1 @@ n7 :> 0)');
  });
});
