/**
 * Output paths, checked before the work that fills them, and written atomically. `checkOutputPath` refuses what a
 * write would fail on (or block on) only after minutes of work: an empty path, a folder where a file is wanted or a
 * file where a folder is, a special file (a pipe or a device: opening one for writing can wait forever), a parent
 * that cannot be created or written (probed by creating the folder and a temporary file in it, then removing the
 * file). `writeFileAtomic` writes a temporary file beside the target and renames it over the target, so a reader
 * (or a process killed half-way) never sees half a file.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fail, succeed, type Failable } from '../execution/failable.js';

/** What an output path must be: a file to write, or a folder to write files into. */
export type OutputKind = 'file' | 'folder';

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}

function existing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function special(stats: Stats): string | undefined {
  if (stats.isFIFO()) return 'a pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return stats.isFile() || stats.isDirectory() ? undefined : 'a special file';
}

/**
 * Creates `folder` and its missing parents, one at a time. Not `mkdirSync(path, { recursive: true })`: under /proc,
 * where mkdir answers ENOENT below an existing folder, that loops forever. Throws the first error.
 */
export function makeFolder(folder: string): void {
  const missing: string[] = [];
  for (let at = resolve(folder); ; at = dirname(at)) {
    const stats = existing(at);
    if (stats !== undefined) {
      if (!stats.isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' });
      break;
    }
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
    }
  }
}

/** Creates `folder` (and its parents) and a probe file in it, then removes the probe: an error code, or undefined. */
function probeFolder(folder: string): string | undefined {
  const probe = join(folder, `.dsim-probe-${process.pid}`);
  try {
    makeFolder(folder);
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
    return undefined;
  } catch (e) {
    return errorCode(e);
  }
}

/**
 * Checks that `path` (the value of `flag`) can be written as a `kind`, before any work: creates the folder it needs
 * (for a folder, the folder itself). An error is one sentence naming the flag and the path.
 */
export function checkOutputPath(path: unknown, flag: string, kind: OutputKind): Failable<string> {
  if (typeof path !== 'string' || path.trim() === '') {
    return fail({ source: flag, message: `needs a ${kind} path${kind === 'file' ? ' (e.g. out.json)' : ''}; it was given none` });
  }
  const refuse = (message: string) => fail<string>({ source: `${flag} ${path}`, message });
  const stats = existing(path);
  const odd = stats === undefined ? undefined : special(stats);
  if (odd !== undefined) return refuse(`is ${odd}, not a regular ${kind}; writing it could block or lose the output`);
  if (kind === 'file' && stats?.isDirectory() === true) return refuse('is a folder; expected a file to write');
  if (kind === 'folder' && stats?.isFile() === true) return refuse('is a file; expected a folder to write files into');
  if (kind === 'file' && (path.endsWith('/') || path.endsWith('\\'))) return refuse('ends with a path separator; expected a file to write');
  const folder = kind === 'folder' ? path : dirname(path);
  const probed = probeFolder(folder);
  if (probed !== undefined) return refuse(`the folder ${folder} cannot be created or written (${probed})`);
  return succeed(path);
}

/** Writes `text` to `path` atomically (a temporary file beside it, renamed over it), creating its folder. Throws. */
export function writeFileAtomic(path: string, text: string): void {
  const folder = dirname(path);
  makeFolder(folder);
  const temp = join(folder, `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
