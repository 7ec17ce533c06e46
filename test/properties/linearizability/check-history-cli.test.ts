/** `dsim check-history`: bad input is one line naming the file (exit 2); limits end in unknown with counts (exit 1). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCasHistory, formatJepsenLog } from '../../../bench/cas-register-history.js';
import { runCli } from '../../../cli/app.js';
import { bufferIo } from '../../../cli/io.js';

const dir = mkdtempSync(join(tmpdir(), 'dsim-check-history-'));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(['check-history', ...argv], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('dsim check-history input errors', () => {
  it('an empty file, or one of blank lines only, is an input error naming the file (check rejects an empty log too)', async () => {
    for (const text of ['', '\n  \n']) {
      const path = write('empty.log', text);
      const r = await cli(path, '--model', 'cas-register');
      expect(r).toMatchObject({ code: 2, out: [], err: [`error: ${path}: the history is empty: expected at least one client operation event`] });
    }
  });

  it('an :ok :read without the value read is an input error naming the file and line', async () => {
    const path = write('noval.log', 'INFO  jepsen.util - 0\t:invoke\t:read\tnil\nINFO  jepsen.util - 0\t:ok\t:read\n');
    const r = await cli(path, '--model', 'cas-register');
    expect(r).toMatchObject({ code: 2, err: [`error: ${path}, line 2: an :ok :read must carry the value read (nil when there was none), found no value`] });
  });

  it('a malformed --memory-max or --time-max names the flag', async () => {
    const path = write('one.log', '0 :invoke :write 1\n0 :ok :write 1\n');
    expect(await cli(path, '--model', 'register', '--memory-max', '12X')).toMatchObject({
      code: 2, err: ['error: --memory-max: "12X" is not a size such as 256M, 1G or 1.5G'],
    });
    expect((await cli(path, '--model', 'register', '--time-max', 'soon')).code).toBe(2);
  });
});

describe('dsim check-history limits', () => {
  const path = write('bad.log', formatJepsenLog(generateCasHistory({ operations: 300, seed: 5, impossibleRead: true })));

  it('--memory-max ends a hopeless search in unknown, with the counts reached', async () => {
    const r = await cli(path, '--model', 'cas-register', '--memory-max', '1M');
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(/: unknown \(\d+ operations, /);
    expect(r.out[1]).toMatch(/^ {2}stopped by memory limit \(1 MiB, estimated\) reached, after \d+ steps, \d+ cache entries, 1\.0 MiB held at most \(estimated\)$/);
  });

  it('--steps-max too, and --json carries the counts', async () => {
    const r = await cli(path, '--model', 'cas-register', '--steps-max', '5000', '--json');
    const [result] = JSON.parse(r.out.join('\n')).results;
    expect(result).toMatchObject({ verdict: 'unknown', stoppedBy: 'search steps limit (5000) reached' });
    expect(result.steps).toBeGreaterThanOrEqual(5000);
    expect(result.cacheEntries).toBeGreaterThan(0);
    expect(result.memoryBytesPeak).toBeGreaterThan(0);
  });

  it('with room enough (the default limits), the same history is not linearizable', async () => {
    const r = await cli(path, '--model', 'cas-register', '--time-max', '10m');
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(/: not-linearizable/);
  });
});
