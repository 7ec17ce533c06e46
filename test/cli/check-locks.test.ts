import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/app.js';
import { bufferIo } from '../../cli/io.js';

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** Two threads, each taking lock A once, with no happened-before between them; `inA` says who is inside. */
function threadsLog(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dsim-locks-'));
  const path = join(dir, 'threads.log');
  const lines = ['t0 {"t0":1}', 'lock A inA=1', 't0 {"t0":2}', 'unlock A inA=0', 't1 {"t1":1}', 'lock A inA=1', 't1 {"t1":2}', 'unlock A inA=0'];
  writeFileSync(path, [...lines, ''].join('\n'));
  return path;
}

const LOCKS = ['--locks', '^lock (\\w+)', '^unlock (\\w+)'];

describe('dsim check --locks', () => {
  it('switches Possibly and Definitely to the lock-constrained searches', async () => {
    const log = threadsLog();
    const plain = await cli('check', log, '--kv', '--possibly', 'count(inA == 1) >= 2');
    expect(plain.out).toContain('possibly(count(inA == 1) >= 2): holds');
    const locked = await cli('check', log, '--kv', ...LOCKS, '--possibly', 'count(inA == 1) >= 2', '--definitely', 'count(inA == 1) == 1');
    expect(locked.code).toBe(1);
    expect(locked.out).toContain('possibly(count(inA == 1) >= 2): fails [lock-bfs, 8 cuts visited]');
    expect(locked.out).toContain('definitely(count(inA == 1) == 1): holds [lock-bfs');
    const json = JSON.parse((await cli('check', log, '--kv', ...LOCKS, '--definitely', 'count(inA == 1) == 2', '--json')).out);
    expect(json.executions[0].results[0]).toMatchObject({ verdict: 'fails', algorithm: 'lock-bfs', endsInDeadlock: false });
  });

  it('a bad lock regex is an input error naming --locks, exit 2', async () => {
    const r = await cli('check', threadsLog(), ...['--locks', '^lock (', '^unlock'], '--possibly', 'true');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--locks: the acquire regex is not a valid JavaScript regular expression/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
