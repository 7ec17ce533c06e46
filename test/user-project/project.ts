/**
 * A user's project, set up as a user sets one up: dsim packed with `npm pack`, installed from the tarball into a
 * copy of test/fixtures/user-project (its own package.json, dsim.config.ts, scenarios and vitest test), and driven
 * through its installed `dsim` binary. The copy lives under test-artifacts/ inside this repository, so that the
 * project's vitest and typescript (which the fixture does not install) resolve from here, as a monorepo's would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'user-project');

/** What a command printed and how it ended. */
export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The installed project: its folder and how to run things in it. */
export interface UserProject {
  readonly dir: string;
  /** Runs the project's own `dsim` (node_modules/.bin/dsim), as `npx dsim ...` would. */
  dsim(...args: string[]): Ran;
  /** Runs a command line in the project folder through the shell (a printed replay command, say). */
  shell(command: string): Ran;
  /** Runs a tool of this repository (vitest, tsc) in the project folder. */
  tool(name: 'vitest' | 'tsc', ...args: string[]): Ran;
  write(file: string, text: string): void;
}

function ran(result: ReturnType<typeof spawnSync>): Ran {
  return { code: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Packs dsim, copies the fixture to a fresh folder and installs the tarball there. */
export function installUserProject(name: string): UserProject {
  const dir = join(ROOT, 'test-artifacts', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(FIXTURE, dir, { recursive: true });
  const packed = execFileSync('npm', ['pack', ROOT, '--ignore-scripts', '--pack-destination', dir, '--silent'], { cwd: dir, encoding: 'utf8' });
  const tarball = join(dir, packed.trim().split('\n').pop()!);
  const manifest = join(dir, 'package.json');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('DSIM_TARBALL', tarball));
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent'], { cwd: dir, stdio: 'pipe' });
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', DSIM_SEEDS: '', DSIM_SEED_START: '' };
  const run = (file: string, args: string[]) => ran(spawnSync(file, args, { cwd: dir, env, encoding: 'utf8', timeout: 300_000 }));
  return {
    dir,
    dsim: (...args) => run(join(dir, 'node_modules', '.bin', 'dsim'), args),
    shell: (command) => ran(spawnSync('sh', ['-c', command], { cwd: dir, env: { ...env, PATH: `${join(dir, 'node_modules', '.bin')}:${env['PATH']}` }, encoding: 'utf8', timeout: 300_000 })),
    tool: (tool, ...args) => run(join(ROOT, 'node_modules', '.bin', tool), args),
    write: (file, text) => writeFileSync(join(dir, file), text),
  };
}
