/**
 * `dsim check-history --html <file>`: writes one page with a section per file (the verdicts and exit code as
 * without it); a path that cannot be written is refused before any work (exit 2); isolation models refuse the flag.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/app.js';
import { bufferIo } from '../../../cli/io.js';

const dir = mkdtempSync(join(tmpdir(), 'dsim-check-history-html-'));
const knossos = (p: string) => fileURLToPath(new URL(`../../fixtures/jepsen/knossos/cas-register/${p}`, import.meta.url));
const BAD = knossos('bad/rethink-fail-minimal.edn');
const GOOD = knossos('good/cas-register-bug.edn');

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(['check-history', ...argv], io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('dsim check-history --html', () => {
  it('writes one page, a section per file, with the same verdicts and exit code', async () => {
    const out = join(dir, 'nested', 'page.html');
    const r = await cli(BAD, GOOD, '--model', 'cas-register', '--html', out);
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(/rethink-fail-minimal\.edn: not-linearizable/);
    const page = readFileSync(out, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect([...page.matchAll(/<section class="history-file" data-file="(\d)" data-verdict="([a-z-]+)"/g)].map((m) => m[2])).toEqual(['not-linearizable', 'linearizable']);
    expect(page).toContain('<title>dsim check-history: 2 histories</title>');
  });

  it('a folder as --html is refused before checking, naming the flag (exit 2)', async () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const r = await cli(GOOD, '--model', 'cas-register', '--html', folder);
    expect(r).toMatchObject({ code: 2, out: [], err: [`error: --html ${folder}: is a folder; expected a file to write`] });
  });

  it('an isolation model refuses --html (exit 2) and writes nothing', async () => {
    const history = join(dir, 'append.edn');
    writeFileSync(history, '{:process 0, :type :invoke, :f :txn, :value [[:append :x 1]]}\n{:process 0, :type :ok, :f :txn, :value [[:append :x 1]]}\n');
    const out = join(dir, 'iso.html');
    const r = await cli(history, '--model', 'list-append', '--html', out);
    expect(r).toMatchObject({ code: 2, out: [], err: ['error: --html: draws linearizability checks only; it is not supported for --model list-append (transactional isolation)'] });
    expect(existsSync(out)).toBe(false);
  });
});
