/**
 * Mistakes in a user's config come back as one line naming the file (and line and column where there is one),
 * exit 2, never a stack trace: a TypeScript syntax error, a config that exports nothing, a scenario named like a
 * built-in one, a repro whose config moved.
 */
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { installUserProject, type Ran, type UserProject } from './project.js';

let project: UserProject;

beforeAll(() => {
  project = installUserProject('user-project-errors');
}, 240_000);

function expectOneLine(r: Ran, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr.trimEnd()).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('config mistakes', () => {
  it('a scenario file with a TypeScript syntax error names the file, line and column', () => {
    project.write('broken.ts', "import { defineScenario } from 'dsim';\nexport const s = defineScenario({\n  name: 'broken',,\n});\n");
    project.write('broken.config.ts', "import { defineConfig } from 'dsim';\nimport { s } from './broken.js';\nexport default defineConfig({ scenarios: [s] });\n");
    expectOneLine(project.dsim('list', '--config', 'broken.config.ts'), /^error: broken\.config\.ts: syntax error at broken\.ts:3:\d+: /);
  });

  it('a config that exports nothing says what to write', () => {
    project.write('empty.config.ts', 'export const unrelated = 1;\n');
    expectOneLine(
      project.dsim('run', 'primary-backup', '--config', 'empty.config.ts'),
      /^error: empty\.config\.ts: the file exports no scenarios; write export default defineConfig\(\{ scenarios: \[\.\.\.\] \}\)$/,
    );
  });

  it('a config whose default export is something else says so', () => {
    project.write('odd.config.ts', 'export default { scenario: 1 };\n');
    expectOneLine(project.dsim('list', '--config', 'odd.config.ts'), /^error: odd\.config\.ts: the default export is neither a config nor a scenario/);
  });

  it('a scenario named like a built-in one is a clash', () => {
    project.write(
      'clash.config.ts',
      "import { defineConfig } from 'dsim';\nimport { tokenMutex } from './src/token-mutex.js';\nexport default defineConfig({ scenarios: [{ ...tokenMutex, name: 'ping-pong' }] });\n",
    );
    expectOneLine(project.dsim('list', '--config', 'clash.config.ts'), /^error: clash\.config\.ts: scenario "ping-pong" has the name of a built-in scenario; give it another name$/);
  });

  it('a config file that does not exist', () => {
    expectOneLine(project.dsim('list', '--config', 'nope.config.ts'), /^error: nope\.config\.ts: the file does not exist$/);
  });

  it('a handler module that throws while loading names the throw and where', () => {
    project.write('throws.config.ts', "throw new Error('no database configured');\n");
    expectOneLine(project.dsim('list', '--config', 'throws.config.ts'), /^error: throws\.config\.ts: loading it threw Error at throws\.config\.ts:1:\d+: no database configured$/);
  });

  it('a repro whose config moved names the config and the way out; --config finds it', () => {
    const fuzz = project.dsim('fuzz', 'primary-backup', '--bug', 'commit-on-first-ack', '--seeds', '20', '--shrink-runs', '0', '--out', 'found');
    expect(fuzz.code).toBe(1);
    const file = /replay: npx dsim replay (\S+)/.exec(fuzz.stdout)![1]!;
    const config = readFileSync(join(project.dir, 'dsim.config.ts'), 'utf8');
    mkdirSync(join(project.dir, 'moved'), { recursive: true });
    renameSync(join(project.dir, 'dsim.config.ts'), join(project.dir, 'moved', 'dsim.config.ts'));
    try {
      expectOneLine(project.dsim('replay', file), /^error: found\/primary-backup-commit-on-first-ack-\d+\.json: scenario "primary-backup" comes from dsim\.config\.ts, which is not in .*; run from the folder the file was written in, or pass --config <file>$/);
      project.write('moved/dsim.config.ts', config.replaceAll("'./src/", "'../src/"));
      const replay = project.dsim('replay', file, '--config', 'moved/dsim.config.ts');
      expect(replay.stdout).toContain('the trace hash matches the schedule file');
    } finally {
      rmSync(join(project.dir, 'moved'), { recursive: true, force: true });
      project.write('dsim.config.ts', config);
    }
  });

  it('a repro of a scenario whose code changed since warns in one line and still replays', () => {
    const fuzz = project.dsim('fuzz', 'primary-backup', '--bug', 'commit-on-first-ack', '--seeds', '20', '--shrink-runs', '0', '--out', 'changed');
    const file = /replay: npx dsim replay (\S+)/.exec(fuzz.stdout)![1]!;
    const source = join('src', 'primary-backup.ts');
    const before = readFileSync(join(project.dir, source), 'utf8');
    project.write(source, before.replace('const VALUES_MAX = 3;', 'const VALUES_MAX = 4;'));
    try {
      const replay = project.dsim('replay', file);
      expect(replay.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(replay.stderr.trimEnd()).toMatch(/^warning: scenario "primary-backup" has changed since .* was written \(definition [0-9a-f]{12}…, now [0-9a-f]{12}…\): the replay may differ$/);
      expect(replay.code).toBe(1);
    } finally {
      project.write(source, before);
    }
  });
});
