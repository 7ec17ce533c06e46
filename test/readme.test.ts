/**
 * The README's tour, and the docs' examples, are real output, kept true: every `$ command` in their text blocks is run (the built CLI, in a
 * fresh folder that sees this repository's test/ as its own), and every line shown under it must appear in the
 * output, in order. `...` stands for lines left out. Only what depends on the machine is blanked before comparing:
 * speeds (seeds/s), times (ms) and the worker count.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');

interface Shown {
  readonly command: string;
  readonly lines: readonly string[];
  /** From a `(exit N)` line under the command: the exit code it must have. */
  readonly exit?: number;
}

/** The commands of the README's text blocks, each with the lines shown under it. */
function shownCommands(readme: string): Shown[] {
  const out: Shown[] = [];
  for (const block of readme.matchAll(/```text\n([\s\S]*?)```/g)) {
    const lines = block[1]!.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith('$ ')) continue;
      let command = lines[i]!.slice(2);
      while (command.endsWith('\\')) command = `${command.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
      const shown: string[] = [];
      while (i + 1 < lines.length && !lines[i + 1]!.startsWith('$ ')) shown.push(lines[++i]!);
      const exit = shown.map((l) => /^\(exit (\d+)\)$/.exec(l.trim())).find((m) => m !== null);
      const expected = shown.filter((l) => l.trim() !== '' && l.trim() !== '...' && !/^\(exit \d+\)$/.test(l.trim()));
      out.push({ command, lines: expected, ...(exit === undefined || exit === null ? {} : { exit: Number(exit[1]) }) });
    }
  }
  return out;
}

/** What differs from machine to machine, blanked. */
function steady(line: string): string {
  return line
    .replace(/\d+ seeds\/s/g, 'N seeds/s')
    .replace(/\d+(\.\d+)? ms\b/g, 'N ms')
    .replace(/on \d+ workers?/g, 'on N workers')
    .trimEnd();
}

/** The documents whose text blocks show commands and their output. */
const DOCUMENTS = ['README.md', 'docs/jepsen-checkers.md', 'docs/isolation.md', 'docs/shrinking.md'];

describe.each(DOCUMENTS)('%s shows real output', (document) => {
  const commands = shownCommands(readFileSync(join(ROOT, document), 'utf8'));
  const folder = mkdtempSync(join(tmpdir(), 'dsim-readme-'));
  symlinkSync(join(ROOT, 'test'), join(folder, 'test'));

  it('has commands to check', () => {
    expect(commands.length).toBeGreaterThanOrEqual(document === 'README.md' ? 6 : 1);
  });

  // In order: a later command reads what an earlier one wrote (fuzz writes the repro that cat and replay read).
  it.each(commands.map((c) => [c.command, c]))('$ %s', (_command, shown) => {
    const shell = shown.command.replace(/^npx dsim\b/, `node ${JSON.stringify(CLI)}`);
    const run = spawnSync('sh', ['-c', shell], { cwd: folder, encoding: 'utf8', timeout: 300_000, env: { ...process.env, NO_COLOR: '1' } });
    if (shown.exit !== undefined) expect(run.status, `exit code of: ${shown.command}`).toBe(shown.exit);
    // An error is one line on standard error: a shown `error:` line is looked for there.
    const actual = `${run.stdout}${run.stderr}`.split('\n').map(steady);
    let at = 0;
    for (const line of shown.lines.map(steady)) {
      const found = actual.indexOf(line, at);
      expect(found, `README line not in the output (after line ${at}):\n${line}\n--- output:\n${actual.join('\n')}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  }, 300_000);
});
