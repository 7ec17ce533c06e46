/** Issue #12, row 1: every output path is checked before the work, and written atomically. */
import { execFileSync } from 'node:child_process';
import { linkSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTextFile } from '../../cli/files.js';
import { checkOutputPath } from '../../formats/output-path.js';
import { runChild } from './child.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'dsim-out-'));

function fifo(): string {
  const path = join(scratch(), 'pipe');
  execFileSync('mkfifo', [path]);
  return path;
}

describe('outputs are checked before the work', () => {
  it('shrink --out under /proc (where mkdir -p loops forever) is one line, exit 2, before any shrink', () => {
    const dir = scratch();
    const schedule = join(dir, 'failing.json');
    expect(runChild(['run', 'ping-pong', '--bug', 'count-duplicates', '--seed', '1', '--schedule-out', schedule]).code).toBe(1);
    const r = runChild(['shrink', schedule, '--out', '/proc/nope/x.json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('error: --out /proc/nope/x.json: the folder /proc/nope cannot be created or written (ENOENT)');
    expect(r.stdout).toBe('');
  });

  it('fuzz --out under /proc is refused before any seed runs', () => {
    const r = runChild(['fuzz', 'ping-pong', '--bug', 'count-duplicates', '--seeds', '100000', '--out', '/proc/nope']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('error: --out /proc/nope: the folder /proc/nope cannot be created or written (ENOENT)');
  });

  it('fuzz --out naming a file is refused: a folder is wanted', () => {
    const file = join(scratch(), 'taken');
    writeFileSync(file, 'x');
    const r = runChild(['fuzz', 'ping-pong', '--seeds', '10', '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: --out ${file}: is a file; expected a folder to write files into`);
  });

  it('run --trace with no value, or naming a folder, is refused before the run (nothing on standard output)', () => {
    const empty = runChild(['run', 'ping-pong', '--trace']);
    expect(empty.code).toBe(2);
    expect(empty.stderr.trim()).toBe('error: --trace: needs a file path (e.g. out.json); it was given none');
    expect(empty.stdout).toBe('');
    const folder = scratch();
    const r = runChild(['run', 'ping-pong', '--trace', folder]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`error: --trace ${folder}: is a folder; expected a file to write`);
    expect(r.stdout).toBe('');
  });

  it('a FIFO as --shiviz (run) or --html (replay) is refused instead of blocking on it', () => {
    const pipe = fifo();
    const run = runChild(['run', 'ping-pong', '--shiviz', pipe]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: --shiviz ${pipe}: is a pipe, not a regular file`);
    const dir = scratch();
    const schedule = join(dir, 's.json');
    expect(runChild(['run', 'ping-pong', '--schedule-out', schedule]).code).toBe(0);
    const replay = runChild(['replay', schedule, '--html', pipe]);
    expect(replay.code).toBe(2);
    expect(replay.stderr).toContain(`error: --html ${pipe}: is a pipe, not a regular file`);
    expect(replay.stdout).toBe('');
  });

  it('a device as --schedule-out is refused', () => {
    const r = runChild(['run', 'ping-pong', '--schedule-out', '/dev/null']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --schedule-out /dev/null: is a device, not a regular file');
  });

  it('checkOutputPath creates the folder it needs and leaves no probe file behind', () => {
    const base = scratch();
    expect(checkOutputPath(join(base, 'a', 'b', 'out.json'), '--trace', 'file').ok).toBe(true);
    expect(readdirSync(join(base, 'a', 'b'))).toEqual([]);
    expect(checkOutputPath(join(base, 'c'), '--out', 'folder').ok).toBe(true);
    expect(readdirSync(join(base, 'c'))).toEqual([]);
  });
});

describe('outputs are written atomically', () => {
  it('a file is replaced by a rename, not rewritten in place: a hard link to the old file keeps the old text', () => {
    const dir = scratch();
    const target = join(dir, 'trace.json');
    writeFileSync(target, 'old');
    linkSync(target, join(dir, 'old-link'));
    expect(writeTextFile(target, 'new', 'trace').ok).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'old-link'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['old-link', 'trace.json']);
  });
});
