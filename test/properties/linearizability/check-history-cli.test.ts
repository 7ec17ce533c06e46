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

describe('dsim check-history models: --model, --initial, --witness, the config’s models', () => {
  const casLog = write('cas.log', '1 :invoke :read nil\n1 :ok :read 0\n0 :invoke :cas [0 1]\n0 :ok :cas [0 1]\n');
  const config = write('models.config.ts', [
    "import { defineConfig, defineModel } from 'dsim';",
    "const mine = defineModel<number>({ name: 'my-counter', summary: 'adds', init: () => 0, initWith: (v) => Number(v),",
    "  step: (s, i, o) => (i.f === 'add' ? { ok: true, next: s + Number(i.value) } : { ok: o.kind === 'unknown' || o.value === s, next: s }) });",
    "const boom = defineModel({ name: 'boom', init: () => 0, step: () => { throw new Error('not today'); } });",
    'export default defineConfig({ models: [mine, boom] });',
  ].join('\n'));
  const counterLog = write('counter.log', '0 :invoke :add 2\n0 :ok :add 2\n1 :invoke :read nil\n1 :ok :read 2\n');

  it('an unknown model is one line listing the known ones', async () => {
    const r = await cli(casLog, '--model', 'stack');
    expect(r.code).toBe(2);
    expect(r.err).toEqual([expect.stringMatching(/^error: --model: unknown model "stack"; expected one of: register, cas-register, kv, set, queue, mutex, multi-register, counter, list-append, rw-register, set-full, bank, long-fork \(no dsim\.config\.ts here/)]);
  });

  it('--initial 0 makes a read of 0 then a cas 0→1 linearizable; --witness prints the order', async () => {
    expect((await cli(casLog, '--model', 'cas-register')).code).toBe(1);
    const r = await cli(casLog, '--model', 'cas-register', '--initial', '0', '--witness');
    expect(r).toMatchObject({ code: 0, out: [`${casLog}: linearizable (2 operations, ${r.out[0]!.split(', ')[1]}`, '  linearization (2 operations):', '    p1 read → 0 (line 1)', '    p0 cas 0→1 (line 3)'] });
    const json = JSON.parse((await cli(casLog, '--model', 'cas-register', '--initial', '0', '--json')).out.join('\n'));
    expect(json.results[0].witness).toEqual([{ operations: [
      { process: 1, description: 'p1 read → 0 (line 1)', event: 0, line: 1 },
      { process: 0, description: 'p0 cas 0→1 (line 3)', event: 2, line: 3 },
    ] }]);
  });

  it('bad --initial: not JSON, or a value the model cannot take, names the flag (exit 2)', async () => {
    expect(await cli(casLog, '--model', 'cas-register', '--initial', '{x')).toMatchObject({
      code: 2, out: [], err: ['error: --initial: "{x" is not JSON; give a JSON value such as 0, "x", [1, 2] or {"x": 1}'],
    });
    expect(await cli(casLog, '--model', 'mutex', '--initial', '"held"')).toMatchObject({
      code: 2, err: ['error: --initial: the mutex model\'s initial value is true (held) or false (free), not "held"'],
    });
  });

  it('--model finds a model of the config, with its --initial', async () => {
    expect((await cli(counterLog, '--model', 'my-counter', '--config', config)).code).toBe(0);
    expect((await cli(counterLog, '--model', 'my-counter', '--config', config, '--initial', '1')).code).toBe(1);
    const unknown = await cli(counterLog, '--model', 'nope', '--config', config);
    expect(unknown.err).toEqual(['error: --model: unknown model "nope"; expected one of: register, cas-register, kv, set, queue, mutex, multi-register, counter, list-append, rw-register, set-full, bank, long-fork, my-counter, boom']);
  });

  it('multi-register reads Jepsen EDN :txn micro-ops ([:w :x 1] [:r :x nil]): a stale read is refused', async () => {
    const txn = (p: number, type: string, mops: string) => `{:process ${p}, :type :${type}, :f :txn, :value [${mops}]}`;
    const ok = write('txn-ok.edn', [txn(0, 'invoke', '[:w :x 1] [:r :y nil]'), txn(0, 'ok', '[:w :x 1] [:r :y nil]'), txn(1, 'invoke', '[:r :x nil]'), txn(1, 'ok', '[:r :x 1]')].join('\n'));
    const stale = write('txn-stale.edn', [txn(0, 'invoke', '[:w :x 1]'), txn(0, 'ok', '[:w :x 1]'), txn(1, 'invoke', '[:r :x nil]'), txn(1, 'ok', '[:r :x nil]')].join('\n'));
    expect((await cli(ok, '--model', 'multi-register')).code).toBe(0);
    const r = await cli(stale, '--model', 'multi-register');
    expect(r.code).toBe(1);
    expect(r.out).toContain('  cannot be placed next: p1 txn [r ":x" nil] (line 3), returned at line 4');
  });

  it('dsim list shows the built-in models and the config’s, in text and JSON', async () => {
    const io = bufferIo();
    expect(await runCli(['list', '--config', config, '--json'], io)).toBe(0);
    const { models } = JSON.parse(io.stdout.join('\n'));
    expect(models.map((m: { name: string }) => m.name)).toEqual(['register', 'cas-register', 'kv', 'set', 'queue', 'mutex', 'multi-register', 'counter', 'my-counter', 'boom']);
    expect(models[8]).toEqual({ name: 'my-counter', summary: 'adds', config: expect.stringMatching(/models\.config\.ts$/) });
    const text = bufferIo();
    await runCli(['list', '--config', config], text);
    expect(text.stdout).toContain('  queue  a FIFO queue: enqueue v, dequeue (returns the front, or nil when empty); initially empty');
    expect(text.stdout.find((line) => line.startsWith('  my-counter  adds (from '))).toBeDefined();
  });

  it('a config model named like a built-in is an input error naming the file', async () => {
    const clash = write('clash.config.ts', "import { defineConfig } from 'dsim';\nexport default { models: [{ name: 'kv', init: () => 0, step: () => ({ ok: true, next: 0 }), equal: () => true, hash: () => 0, describe: () => '', describeState: () => '', validate: () => undefined, readOnly: () => false }] };\nvoid defineConfig;\n");
    const r = await cli(casLog, '--model', 'mine', '--config', clash);
    expect(r).toMatchObject({ code: 2, err: [expect.stringMatching(/clash\.config\.ts: model "kv" has the name of a built-in model; give it another name$/)] });
  });

  it('a config model whose step throws is one line naming the file, line, model and operation, exit 2', async () => {
    const r = await cli(counterLog, '--model', 'boom', '--config', config);
    expect(r).toMatchObject({ code: 2, out: [], err: [`error: ${counterLog}, line 1: model "boom": step on \`add 2 → 2\` threw Error: not today`] });
  });
});
