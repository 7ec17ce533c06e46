/**
 * The user project's own vitest test (test/fixtures/user-project/test/scenarios.test.ts), run as the user runs it:
 * `fuzz()` on 2 worker threads finds the bug variant, the failure message gives the shrunk figures and the shell
 * command that replays it, and that command, pasted into the shell, reproduces the run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { installUserProject, type Ran, type UserProject } from './project.js';

let project: UserProject;
let tests: Ran;

beforeAll(() => {
  project = installUserProject('user-project-vitest');
  tests = project.tool('vitest', 'run', '--reporter=verbose');
}, 300_000);

describe("the user's vitest test", () => {
  it('passes the correct scenarios and fails the bug variant, shrunk', () => {
    const out = tests.stdout + tests.stderr;
    expect(tests.code).toBe(1);
    expect(out).toMatch(/✓ .*the token keeps mutual exclusion/);
    expect(out).toMatch(/✓ .*primary-backup holds on 300 seeds/);
    expect(out).toMatch(/× .*commit-on-first-ack is found on 2 workers/);
    expect(out).toContain('expected every property to hold on scenario primary-backup (bug commit-on-first-ack), 2000 seeds, but:');
    const shrunk = /seed \d+, committed-everywhere, shrunk: (\d+) → (\d+) events/.exec(out);
    expect(shrunk).not.toBeNull();
    expect(Number(shrunk![2])).toBeLessThan(Number(shrunk![1]));
    expect(out).toMatch(/✓ .*defineConfig, writeReport, checkHistoryFiles/);
    expect(out).toMatch(/✓ .*shrink by hand, and replay the shrunk run/);
    expect(out).toMatch(/✓ .*the arbitraries, on a user scenario/);
    expect(out).toMatch(/✓ .*the polynomial builders/);
    expect(out).toMatch(/Tests {2}1 failed \| 6 passed/);
    expect(readFileSync(join(project.dir, 'token-mutex-report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('the replay command in the failure message works from the shell', () => {
    const command = /replay: (npx dsim replay \S+)/.exec(tests.stdout + tests.stderr)![1]!;
    const replay = project.shell(command);
    expect(replay.stderr).toBe('');
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain('primary-backup --bug commit-on-first-ack seed');
    expect(replay.stdout).toContain('the trace hash matches the schedule file: the run is reproduced exactly');
  });
});
