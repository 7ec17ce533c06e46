import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/app.js';
import { bufferIo } from '../../cli/io.js';

const LOGS = 'test/fixtures/shiviz-logs';
const HISTORIES = 'test/fixtures/linearizability';

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n'), stderrLines: io.stderr };
}

/** A GoVector log of two hosts, each setting x; b's second event receives from a's first. */
function tinyLog(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dsim-check-'));
  const path = join(dir, 'tiny.log');
  writeFileSync(
    path,
    ['a {"a":1}', 'start x=1', 'b {"b":1}', 'start x=5', 'a {"a":2}', 'send x=2', 'b {"a":2, "b":2}', 'recv x=6', ''].join('\n'),
  );
  return path;
}

describe('dsim check', () => {
  it('--pattern: a regular pattern over labels on a causal path, with the path; a syntax error names its column', async () => {
    const log = `${LOGS}/RpcClientServer.log`;
    const rpc = "'Making RPC call' 'Received RPC request' 'Sending response to RPC request' 'Received RPC Call response from server'";
    const r = await cli('check', log, '--pattern', rpc, '--pattern', "'Making RPC call' 'Making RPC call'");
    expect(r.code).toBe(1); // the second pattern fails: two calls are never consecutive labels on a path
    expect(r.out).toContain(`pattern(${rpc}): holds [automaton-dag (clocks), 0 cuts visited]`);
    expect(r.out).toContain('causal path: client:2 server:2 server:3 client:3 (labels: "Making RPC call" "Received RPC request"');
    expect(r.out).toContain("pattern('Making RPC call' 'Making RPC call'): fails");
    const json = JSON.parse((await cli('check', log, '--pattern', "'Making RPC call' .* 'Received RPC Call response from server'", '--json')).out);
    expect(json.executions[0].results[0]).toMatchObject({ verdict: 'holds', path: ['client:2', 'client:3'] });
    const bad = await cli('check', log, '--pattern', "'Making RPC call' ( x");
    expect(bad.code).toBe(2);
    expect(bad.stderrLines).toEqual(["error: pattern, column 22: expected ')' to close '(' at column 19, found the end"]);
  });

  it('--pattern --label-field labels events by a field; events without it are passed through unlabelled', async () => {
    const r = await cli('check', tinyLog(), '--kv', '--label-field', 'x', '--pattern', '1 2 6', '--pattern', '5 2');
    expect(r.out).toMatch(/pattern\(1 2 6\): holds/);
    expect(r.out).toContain('causal path: a:1 a:2 b:2 (labels: 1 2 6)');
    expect(r.out).toMatch(/pattern\(5 2\): fails/);
  });

  it('counts cuts and answers possibly/definitely with witnesses as host → count (the README ground truth)', async () => {
    const r = await cli(
      'check', `${LOGS}/RpcClientServer.log`, '--count-cuts', '--json',
      '--possibly', 'count(true) >= 0',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.executions).toHaveLength(1);
    expect(json.executions[0]).toMatchObject({ hosts: 2, events: 10, cuts: 13 });
  });

  it('Possibly holds and Definitely fails for a predicate true at one concurrent cut only', async () => {
    const log = tinyLog();
    // a.x == 1 && b.x == 5 holds only at cut {a:1, b:1}; an observation can skip it (a runs ahead first).
    const r = await cli('check', log, '--kv', '--json', '--possibly', 'a.x == 1 && b.x == 5', '--definitely', 'a.x == 1 && b.x == 5');
    expect(r.code).toBe(1);
    const [possibly, definitely] = JSON.parse(r.out).executions[0].results;
    expect(possibly).toMatchObject({ modality: 'possibly', verdict: 'holds', witness: { a: 1, b: 1 } });
    expect(possibly.algorithm).toBe('weak-conjunctive');
    expect(definitely).toMatchObject({ modality: 'definitely', verdict: 'fails' });
  });

  it('a general predicate is enumerated; --fast-paths=false enumerates conjunctions too', async () => {
    const log = tinyLog();
    const r = await cli('check', log, '--kv', '--json', '--no-fast-paths', '--possibly', 'sum(x) == 7');
    const [result] = JSON.parse(r.out).executions[0].results;
    expect(result).toMatchObject({ verdict: 'holds', algorithm: 'lexical', witness: { a: 2, b: 1 } });
  });

  it('sequences: Pos and Def', async () => {
    const log = tinyLog();
    const pos = JSON.parse((await cli('check', log, '--kv', '--json', '--sequence', 'a.x == 1; b.x == 6', '--pos')).out);
    expect(pos.executions[0].results[0]).toMatchObject({ modality: 'sequence-pos', verdict: 'holds' });
    const def = JSON.parse((await cli('check', log, '--kv', '--json', '--sequence', 'a.x == 2; [a.x == 1] b.x == 5', '--def')).out);
    expect(def.executions[0].results[0]).toMatchObject({ modality: 'sequence-def', verdict: 'fails' });
  });

  it('a limit answers unknown with the counts reached', async () => {
    const r = await cli('check', `${LOGS}/facebook.log`, '--json', '--cuts-max', '5', '--count-cuts',
      '--parser', String.raw`(?<ip>(\d{1,3}\.){3}\d{1,3}) (?<date>(\d{1,2}/){2}\d{4} (\d{2}:){2}\d{2} (AM|PM)) (?<action>(INFO|GET|POST)) (?<event>.*)\n(?<host>\w*) (?<clock>.*)`,
      '--possibly', 'count(action == "NOPE") >= 1');
    expect(r.code).toBe(1);
    const e = JSON.parse(r.out).executions[0];
    expect(e.cuts).toBeNull();
    expect(e.results[0].verdict).toBe('unknown');
    expect(e.results[0].stoppedBy).toMatch(/5/);
  });

  const bad: [string, string[], RegExp][] = [
    ['predicate syntax error names the column', ['--possibly', 'a.x == 1 && '], /^error: predicate, column \d+: expected an operand after '&&'/],
    ['unknown host', ['--possibly', 'zz.x == 1'], /zz/],
    ['bad regex', ['--count-cuts', '--parser', '(?<host>\\S*'], /^error: --parser/],
    ['nothing to check', [], /nothing to check/],
    ['bad --cuts-max', ['--cuts-max', 'lots', '--count-cuts'], /--cuts-max/],
    ['sequence with an unclosed guard', ['--sequence', 'a.x == 1; [b.x == 2 a.x == 2'], /^error: sequence, column 11/],
  ];
  for (const [name, extra, pattern] of bad) {
    it(`bad input: ${name} → exit 2, one line`, async () => {
      const r = await cli('check', tinyLog(), '--kv', ...extra);
      expect(r.code).toBe(2);
      expect(r.stderrLines).toHaveLength(1);
      expect(r.err).toMatch(pattern);
    });
  }

  it('a malformed log names the line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsim-check-'));
    const path = join(dir, 'bad.log');
    writeFileSync(path, ['a {"a":1}', 'one', 'a {"a":3}', 'three', ''].join('\n'));
    const r = await cli('check', path, '--count-cuts');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.log, line 3/);
  });
});

describe('dsim check-history', () => {
  it('gives the known verdicts and explains a violation', async () => {
    const r = await cli('check-history', `${HISTORIES}/etcd/etcd_000.log`, `${HISTORIES}/etcd/etcd_002.log`, '--model', 'cas-register', '--json');
    expect(r.code).toBe(1);
    const { results } = JSON.parse(r.out);
    expect(results.map((x: { verdict: string }) => x.verdict)).toEqual(['not-linearizable', 'linearizable']);
    expect(results[0].explanation.join('\n')).toMatch(/cannot be placed/);
  });

  it('exit 0 when every history is linearizable; kv split per key', async () => {
    const r = await cli('check-history', `${HISTORIES}/kv/c10-ok.txt`, '--model', 'kv');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/linearizable/);
  });

  it('a malformed line: exit 2 naming the line, and the results before it are still reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsim-hist-'));
    const path = join(dir, 'bad.log');
    writeFileSync(path, 'INFO  jepsen.util - 0\t:invoke\t:read\tnil\nINFO  jepsen.util - zero\t:ok\t:read\tnil\n');
    const r = await cli('check-history', `${HISTORIES}/etcd/etcd_002.log`, path, '--model', 'cas-register', '--json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.log, line 2/);
    expect(JSON.parse(r.out).results).toHaveLength(1);
  });

  it('an unknown model', async () => {
    const r = await cli('check-history', `${HISTORIES}/etcd/etcd_002.log`, '--model', 'stack');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown model "stack"; expected one of: register, cas-register, kv, .*list-append/);
  });
});
