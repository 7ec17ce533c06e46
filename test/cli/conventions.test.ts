/**
 * The command line's conventions: JSON errors under --json on every command, colour on verdicts (on with --color or
 * FORCE_COLOR, off with --no-color or NO_COLOR, off when not a terminal), examples in every command's --help whose
 * flags the command knows, and shell completion.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/app.js';
import { COMMANDS } from '../../cli/commands/index.js';
import { bufferIo } from '../../cli/io.js';
import { colourWanted } from '../../cli/style.js';
import { runChild } from './child.js';

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const ESCAPE = '\u001b[';

describe('--json for errors', () => {
  it.each([
    [['run', 'no-such-scenario', '--json'], /unknown scenario "no-such-scenario"/],
    [['replay', '/no/such/file.json', '--json'], /\/no\/such\/file\.json: the file cannot be read/],
    [['fuzz', 'ping-pong', '--seeds', 'many', '--json'], /seeds/],
    [['shrink', '/no/such/repro.json', '--json'], /\/no\/such\/repro\.json/],
    [['merge', '/no/such/folder', '--json'], /\/no\/such\/folder/],
    [['run', '--json'], /Not enough non-option arguments/],
  ])('%j prints one JSON error object on standard output, the same sentence on standard error, exit 2', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as { error: string; exitCode: number };
    expect(json.exitCode).toBe(2);
    expect(json.error).toMatch(message);
    expect(r.err).toContain(json.error);
  });

  it('a command that prints its own JSON result with the error is not given a second document', async () => {
    const r = await cli('check', '/no/such/log', '--count-cuts', '--json');
    expect(r.code).toBe(2);
    expect(() => JSON.parse(r.out)).not.toThrow();
  });

  it('without --json an error is only the line on standard error', async () => {
    const r = await cli('run', 'no-such-scenario');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^error: .*unknown scenario/);
  });
});

describe('colour', () => {
  it('--color colours the verdict word and nothing else; --no-color and the default leave it plain', async () => {
    const coloured = await cli('run', 'ping-pong', '--seed', '42', '--color');
    expect(coloured.out.split('\n')[0]).toBe(`ping-pong seed 42: ${ESCAPE}32mok${ESCAPE}0m, every property holds (${/\((.*)\)/.exec(coloured.out)![1]})`);
    for (const argv of [['--no-color'], []]) {
      const plain = await cli('run', 'ping-pong', '--seed', '42', ...argv);
      expect(plain.out).not.toContain(ESCAPE);
      expect(plain.out.replace(/\s+$/, '')).toBe(coloured.out.split(`${ESCAPE}32m`).join('').split(`${ESCAPE}0m`).join(''));
    }
  });

  it('a violation is red, and JSON is never coloured', async () => {
    const bad = await cli('run', 'raft-election', '--bug', 'votedfor-not-persisted', '--seed', '143', '--color');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`${ESCAPE}1;31mVIOLATED${ESCAPE}0m`);
    const json = await cli('run', 'raft-election', '--bug', 'votedfor-not-persisted', '--seed', '143', '--color', '--json');
    expect(json.out).not.toContain(ESCAPE);
  });

  it('the flag decides over the environment, which decides over the terminal', () => {
    expect(colourWanted([], {}, true)).toBe(true);
    expect(colourWanted([], {}, false)).toBe(false);
    expect(colourWanted([], { NO_COLOR: '1' }, true)).toBe(false);
    expect(colourWanted([], { NO_COLOR: '' }, true)).toBe(true);
    expect(colourWanted([], { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colourWanted([], { FORCE_COLOR: '0' }, true)).toBe(true);
    expect(colourWanted([], { FORCE_COLOR: '0' }, false)).toBe(false);
    expect(colourWanted(['--color'], { NO_COLOR: '1' }, false)).toBe(true);
    expect(colourWanted(['--no-color'], { FORCE_COLOR: '1' }, true)).toBe(false);
    expect(colourWanted(['--no-color', '--color'], {}, false)).toBe(true);
  });

  it('a real process honours NO_COLOR and FORCE_COLOR', () => {
    const env = (extra: Record<string, string>) => runChild(['run', 'ping-pong', '--seed', '42'], undefined, extra).stdout;
    expect(env({ FORCE_COLOR: '1' })).toContain(`${ESCAPE}32mok`);
    expect(env({ FORCE_COLOR: '1', NO_COLOR: '1' })).not.toContain(ESCAPE);
  });
});

describe('--help examples', () => {
  it.each(COMMANDS.map((c) => [c.command.split(' ')[0]!, c] as const))('dsim %s shows examples whose flags it knows', (name, command) => {
    const help = runChild([name, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    const known = new Set([...help.stdout.matchAll(/^\s+(?:-\w, )?--([\w-]+)/gm)].map((m) => m[1]!));
    expect(command.examples?.length ?? 0).toBeGreaterThan(0);
    for (const [line] of command.examples ?? []) {
      expect(line).toMatch(new RegExp(`(^|\\| )dsim ${name}( |$)`));
      const quoted = line.replace(/'[^']*'/g, "''");
      for (const flag of quoted.matchAll(/ --(?:no-)?([\w-]+)/g)) expect(known, `${line}: --${flag[1]}`).toContain(flag[1]);
    }
  });
});

describe('dsim completion', () => {
  it('prints a completion script, and completes command names', () => {
    const script = runChild(['completion']);
    expect(script.code).toBe(0);
    expect(script.stdout).toContain('###-begin-dsim-completions-###');
    const words = runChild(['--get-yargs-completions', 'dsim', 'ch']).stdout.split('\n');
    expect(words).toEqual(expect.arrayContaining(['check', 'check-history']));
  });
});

describe('progress of a long check on a terminal', () => {
  const log = 'test/fixtures/posets/d-100.log';
  const parser = String.raw`(?<host>\S*) (?<clock>{.*})\n(?<event>.*)`;

  it('shows the cuts visited every 2^20 cuts as a status line, clears it, and prints the same answer', async () => {
    const statuses: string[] = [];
    const io = { ...bufferIo(), interactive: true, status: (text: string) => statuses.push(text) };
    const code = await runCli(['check', log, '--parser', parser, '--count-cuts'], io);
    expect(code).toBe(0);
    expect(statuses).toEqual(['d-100.log: 1,048,576 cuts visited...', '']);
    const plain = await cli('check', log, '--parser', parser, '--count-cuts');
    expect(io.stdout).toEqual(plain.out.split('\n'));
    expect(plain.out).toContain('1177996 consistent cuts');
  });
});

describe('progress of a long check-history on a terminal', () => {
  it('shows the search steps every 2^20 steps as a status line, clears it, and prints the same answer', async () => {
    const file = 'test/fixtures/linearizability/kv/c50-ok.txt';
    const statuses: string[] = [];
    const io = { ...bufferIo(), interactive: true, status: (text: string) => statuses.push(text) };
    const code = await runCli(['check-history', file, '--model', 'kv', '--json'], io);
    expect(code).toBe(0);
    expect(statuses.at(-1)).toBe('');
    expect(statuses.slice(0, -1).length).toBeGreaterThan(0);
    for (const s of statuses.slice(0, -1)) expect(s).toMatch(/^check-history: \d{1,3}(,\d{3})+ search steps\.\.\.$/);
    const plain = await cli('check-history', file, '--model', 'kv', '--json');
    const strip = (text: string) => text.replace(/"ms": [\d.]+/g, '"ms": 0');
    expect(strip(io.stdout.join('\n'))).toBe(strip(plain.out));
  });
});
