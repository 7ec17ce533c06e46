/**
 * The lock of a `--out` folder: `DIR/.dsim-fuzz.lock`, created with O_EXCL and holding the campaign's pid, so two
 * campaigns never write one folder at once (the second is refused up front, naming the first's pid). A lock whose
 * pid is no longer running (a campaign killed with SIGKILL, say) is stale: it is taken over, with a note.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fail, succeed, type Failable } from '../../execution/failable.js';

/** The lock file's name inside the folder. */
export const OUT_LOCK_FILE = '.dsim-fuzz.lock';

/** A held lock: `release` removes it; `note` says when a stale lock was taken over. */
export interface OutLock {
  readonly path: string;
  readonly note: string | undefined;
  release(): void;
}

/** True when a process with this pid runs (or exists but is not ours to signal). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

function create(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if ((e as { code?: string }).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Takes the lock of `dir` (which exists: see `checkOutputPath`), or answers why not in one sentence. */
export function lockOutDir(dir: string): Failable<OutLock> {
  const path = join(dir, OUT_LOCK_FILE);
  let note: string | undefined;
  try {
    for (let attempt = 0; !create(path); attempt++) {
      const text = readFileSync(path, 'utf8').trim();
      const pid = /^\d+$/.test(text) ? Number(text) : undefined;
      if (pid !== undefined && running(pid)) {
        return fail({
          source: `--out ${dir}`,
          message: `another fuzz campaign (pid ${pid}) is writing this folder; wait for it, or give another --out (or remove ${path} if no campaign runs)`,
        });
      }
      if (attempt > 0) return fail({ source: `--out ${dir}`, message: `the lock ${path} cannot be taken over` });
      note = `note: took over the stale lock ${path} of ${pid === undefined ? 'an unreadable pid' : `pid ${pid}, which no longer runs`}`;
      rmSync(path, { force: true });
    }
  } catch (e) {
    return fail({ source: `--out ${dir}`, message: `the lock ${path} cannot be created (${(e as { code?: string }).code ?? String(e)})` });
  }
  return succeed({ path, note, release: () => rmSync(path, { force: true }) });
}
