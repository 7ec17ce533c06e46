/**
 * The README's tour is real output, kept true: every `$ command` in its text blocks is run (the built CLI, in a
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
      out.push({ command, lines: shown.filter((l) => l.trim() !== '' && l.trim() !== '...') });
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

const commands = shownCommands(readFileSync(join(ROOT, 'README.md'), 'utf8'));
const folder = mkdtempSync(join(tmpdir(), 'dsim-readme-'));
symlinkSync(join(ROOT, 'test'), join(folder, 'test'));

describe('the README shows real output', () => {
  it('has commands to check', () => {
    expect(commands.length).toBeGreaterThanOrEqual(6);
  });

  // In order: a later command reads what an earlier one wrote (fuzz writes the repro that cat and replay read).
  it.each(commands.map((c) => [c.command, c]))('$ %s', (_command, shown) => {
    const shell = shown.command.replace(/^npx dsim\b/, `node ${JSON.stringify(CLI)}`);
    const run = spawnSync('sh', ['-c', shell], { cwd: folder, encoding: 'utf8', timeout: 300_000, env: { ...process.env, NO_COLOR: '1' } });
    const actual = `${run.stdout}`.split('\n').map(steady);
    let at = 0;
    for (const line of shown.lines.map(steady)) {
      const found = actual.indexOf(line, at);
      expect(found, `README line not in the output (after line ${at}):\n${line}\n--- output:\n${actual.join('\n')}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  }, 300_000);
});
