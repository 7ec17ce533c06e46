/**
 * The built CLI (`node dist/cli/main.js`) in a child process, for what only a real process shows: signals, hangs on
 * special files, exit codes. The timeout is a safety net that kills a hang; tests assert exit codes, messages and
 * files, never times.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

export const BUILT_CLI = resolve('dist/cli/main.js');
/** A hang is killed after this long; the test then fails on the exit code. */
export const CHILD_TIMEOUT_MS = 55_000;

export interface Exited {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI to its end. */
export function runChild(argv: readonly string[], cwd?: string, env?: Readonly<Record<string, string>>): Exited {
  const r = spawnSync(process.execPath, [BUILT_CLI, ...argv], { encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, cwd, ...(env === undefined ? {} : { env: { ...process.env, ...env } }) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A CLI process under way: wait for a line on standard error, signal it, wait for its end. */
export interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves when standard error matches `pattern` (rejects if the process ends first). */
  stderrMatches(pattern: RegExp): Promise<void>;
  exited(): Promise<Exited>;
}

export function startChild(argv: readonly string[], cwd?: string): Running {
  const child = spawn(process.execPath, [BUILT_CLI, ...argv], { cwd });
  const killer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of waiters.splice(0)) if (w.pattern.test(stderr)) w.resolve();
    else waiters.push(w);
  });
  const ended = new Promise<Exited>((done) =>
    child.on('close', (code) => {
      clearTimeout(killer);
      done({ code, stdout, stderr });
    }),
  );
  return {
    child,
    stderrMatches: (pattern) =>
      pattern.test(stderr)
        ? Promise.resolve()
        : new Promise<void>((resolveWait, reject) => {
            waiters.push({ pattern, resolve: resolveWait });
            void ended.then((e) => reject(new Error(`the process ended (exit ${e.code}) before ${pattern}: ${e.stderr}`)));
          }),
    exited: () => ended,
  };
}

