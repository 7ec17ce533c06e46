import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/app.js';
import { bufferIo } from '../../cli/io.js';

/** A safety net only: a hang is killed after this long and the test fails on the exit code, not on the time. */
const CHILD_TIMEOUT_MS = 60_000;
const BUILT_CLI = 'dist/cli/main.js';

/** Runs the built CLI in a child process (a hang or a crash must not take the test runner with it). */
function child(...argv: string[]) {
  const r = spawnSync(process.execPath, [BUILT_CLI, ...argv], { encoding: 'utf8', timeout: CHILD_TIMEOUT_MS });
  return { code: r.status, stderrLines: r.stderr.split('\n').filter((l) => l !== ''), stdout: r.stdout };
}

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout.join('\n'), stderrLines: io.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'dsim-bounded-')), name);
  writeFileSync(path, content);
  return path;
}

const TINY = ['a {"a":1}', 'start x=1', 'b {"b":1}', 'start x=5', 'a {"a":2}', 'send x=2', 'b {"a":2, "b":2}', 'recv x=6', ''].join('\n');

describe('nothing hangs, nothing is lost (dsim check on hostile input)', () => {
  it('a parser regex that backtracks exponentially, (a+)+b on a line of 31 as, ends at once: exit 2, one line', () => {
    const log = file('aaa.log', `${'a'.repeat(31)}\n${'a'.repeat(31)}\n`);
    const r = child('check', log, '--count-cuts', '--parser', String.raw`(?<host>(a+)+)b (?<clock>.*)\n(?<event>.*)`);
    expect(r.code).toBe(2);
    expect(r.stderrLines).toEqual([`error: ${log}, line 1: the parser regex matched no event in execution "aaa.log", expected at least one`]);
  });

  it('a regex only a backtracking engine can run is refused by name', async () => {
    const r = await cli('check', file('t.log', TINY), '--count-cuts', '--parser', String.raw`(?<host>\S*) (?<clock>{.*})\n(?<event>(.)\4*)`);
    expect(r.code).toBe(2);
    expect(r.stderrLines).toEqual(["error: --parser: the parser regex uses a backreference (\\4), which dsim's linear-time matcher cannot run"]);
  });

  it('/dev/zero is refused before it is read: exit 2, one line, no RangeError', () => {
    const r = child('check', '/dev/zero', '--count-cuts');
    expect(r.code).toBe(2);
    expect(r.stderrLines).toEqual(['error: /dev/zero: the file is a character device, expected a regular file']);
  });

  it('a directory is refused with one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsim-dir-'));
    const r = await cli('check', dir, '--count-cuts');
    expect(r.code).toBe(2);
    expect(r.stderrLines).toEqual([`error: ${dir}: the file is a directory, expected a regular file`]);
  });

  it('invalid UTF-8 is refused at its line and column', async () => {
    const bytes = Buffer.concat([Buffer.from('a {"a":1}\nstart é'), Buffer.from([0xff]), Buffer.from('\n')]);
    const log = file('bad-utf8.log', bytes);
    const r = await cli('check', log, '--count-cuts');
    expect(r.code).toBe(2);
    expect(r.stderrLines).toEqual([`error: ${log}, line 2, column 8: the text is not valid UTF-8 (byte 0xff), expected UTF-8 text`]);
  });

  it('--label-field naming a field no event has is an input error naming it', async () => {
    const log = file('t.log', TINY);
    const r = await cli('check', log, '--kv', '--label-field', 'nosuch', '--pattern', '1 2');
    expect(r.code).toBe(2);
    expect(r.stderrLines).toEqual([`error: ${log}: no event has the field "nosuch" that --label-field names; its fields are x`]);
    expect((await cli('check', file('t.log', TINY), '--kv', '--label-field', 'x', '--pattern', '1 2')).code).toBe(0);
  });

  it('--count-cuts stopped by --cuts-max answers unknown with the count reached, exit 1', async () => {
    const r = await cli('check', file('t.log', TINY), '--count-cuts', '--cuts-max', '2');
    expect(r.code).toBe(1);
    expect(r.out).toBe('t.log: 2 hosts, 4 events, consistent cuts unknown: at least 2 (stopped: the limit of 2 cuts visited (cutsMax) was reached)');
    expect((await cli('check', file('t.log', TINY), '--count-cuts')).code).toBe(0);
  });
});

describe('deep predicates and patterns end in one line naming the limit, never a stack overflow', () => {
  const deep: [string, string[], RegExp][] = [
    ['1,000 parentheses', ['--possibly', `${'('.repeat(1000)}a.x == 1${')'.repeat(1000)}`], /PREDICATE_DEPTH_MAX/],
    ["100,000 '!'", ['--possibly', `${'!'.repeat(100_000)}true`], /PREDICATE_DEPTH_MAX/],
    ['1+1+... with 5,000 terms', ['--possibly', `${Array.from({ length: 5000 }, () => '1').join('+')} > 0`], /PREDICATE_DEPTH_MAX/],
    ['a sequence step 1,000 parentheses deep', ['--sequence', `a.x == 1; ${'('.repeat(1000)}a.x == 2${')'.repeat(1000)}`], /^error: sequence, column \d+: the predicate nests/],
    ['a pattern 50,000 parentheses deep', ['--pattern', `${'('.repeat(50_000)}a${')'.repeat(50_000)}`], /PATTERN_DEPTH_MAX/],
  ];
  for (const [name, extra, pattern] of deep) {
    it(`${name}: exit 2, one line`, () => {
      const r = child('check', file('t.log', TINY), '--kv', ...extra);
      expect(r.code).toBe(2);
      expect(r.stderrLines).toHaveLength(1);
      expect(r.stderrLines[0]).toMatch(pattern);
      expect(r.stderrLines[0]).not.toMatch(/call stack/);
    });
  }
});

describe('usage mistakes yargs words badly or lets through', () => {
  it('dsim --versoin: an unknown option, with the near one', async () => {
    const r = await cli('--versoin');
    expect(r.code).toBe(2);
    expect(r.stderrLines).toEqual(['error: unknown option --versoin (did you mean --version?) (see dsim --help)']);
  });

  it('a switch given a value that is not a boolean is a usage error; true and false stay accepted', async () => {
    const r = await cli('run', 'ping-pong', '--swarm=maybe');
    expect(r.code).toBe(2);
    expect(r.stderrLines).toEqual(['error: --swarm is a switch, expected --swarm or --no-swarm, not the value "maybe" (see dsim --help)']);
    expect((await cli('check', file('t.log', TINY), '--count-cuts', '--kv=true')).code).toBe(0);
  });
});
