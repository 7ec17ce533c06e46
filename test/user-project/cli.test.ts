/**
 * A user's own scenarios are first-class: from a separate project that installs the packed package, every command
 * runs the scenarios of its dsim.config.ts as it runs the built-in ones (test/fixtures/user-project).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { installUserProject, type UserProject } from './project.js';

let project: UserProject;

beforeAll(() => {
  project = installUserProject('user-project-cli');
}, 240_000);

function json(text: string): Record<string, unknown> {
  return JSON.parse(text) as Record<string, unknown>;
}

describe('the CLI on a user project', () => {
  it('type-checks the user code against the packed types', () => {
    const tsc = project.tool('tsc', '-p', '.');
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  });

  it('dsim list shows the config’s scenarios beside the built-in ones', () => {
    const list = project.dsim('list');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('primary-backup  (primary-backup, 3 nodes, from dsim.config.ts)');
    expect(list.stdout).toContain('--bug commit-on-first-ack:');
    expect(list.stdout).toContain('token-mutex  (token-ring, 3 nodes, from dsim.config.ts)');
    expect(list.stdout).toContain('raft-election  (raft-election, 5 nodes)');
  });

  it('fuzz on 2 workers finds the bug and writes a shrunk repro that replay reproduces, with an HTML report', () => {
    const fuzz = project.dsim('fuzz', 'primary-backup', '--bug', 'commit-on-first-ack', '--seeds', '2000', '--workers', '2', '--out', 'found');
    expect(fuzz.stderr).not.toMatch(/error|warning/); // progress lines only
    expect(fuzz.code).toBe(1);
    expect(fuzz.stdout).toMatch(/^primary-backup --bug commit-on-first-ack: 2000 seeds from 1, \d+ events, \d+ seeds\/s on 2 workers/);
    const shrunk = /shrunk: (\d+) → (\d+) events/.exec(fuzz.stdout)!;
    expect(Number(shrunk[2])).toBeLessThan(Number(shrunk[1]));
    const file = /replay: npx dsim replay (\S+)/.exec(fuzz.stdout)![1]!;
    const repro = json(readFileSync(join(project.dir, file), 'utf8'));
    expect(repro).toMatchObject({ scenario: 'primary-backup', config: 'dsim.config.ts', bug: 'commit-on-first-ack', property: 'committed-everywhere' });
    expect(repro['definitionHash']).toMatch(/^[0-9a-f]{64}$/);

    const replay = project.dsim('replay', file, '--html', 'report.html');
    expect(replay.stderr).toBe('');
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain(`trace hash: ${String(repro['traceHash'])}`);
    expect(replay.stdout).toContain('the trace hash matches the schedule file: the run is reproduced exactly');
    const html = readFileSync(join(project.dir, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('primary-backup --bug commit-on-first-ack seed');

    const again = project.dsim('shrink', file, '--out', 'again.json', '--json');
    expect(again.code).toBe(0);
    expect(json(again.stdout)['traceHash']).toBe(repro['traceHash']);
  });

  it('run, --trace, --shiviz and --swarm work on a user scenario', () => {
    const run = project.dsim('run', 'token-mutex', '--seed', '7', '--swarm', '--trace', 't.json', '--shiviz', 't.log');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('token-mutex seed 7: ok, every property holds');
    expect(run.stdout).toContain('replay: npx dsim run token-mutex --seed 7 --swarm');
    expect(existsSync(join(project.dir, 't.json')) && existsSync(join(project.dir, 't.log'))).toBe(true);
    const hash = /trace hash: (\w+)/.exec(run.stdout)![1];
    expect(project.dsim('run', 'token-mutex', '--seed', '7', '--swarm').stdout).toContain(`trace hash: ${hash}`);
  });

  it('a shard pair is the whole campaign, merged', () => {
    const args = ['fuzz', 'primary-backup', '--bug', 'commit-on-first-ack', '--seeds', '120', '--shrink-runs', '0', '--json'];
    const whole = json(project.dsim(...args, '--out', 'whole').stdout);
    project.dsim(...args, '--shard', '1/2', '--out', 'shard-1');
    project.dsim(...args, '--shard', '2/2', '--out', 'shard-2');
    const merged = project.dsim('merge', 'shard-1', 'shard-2', '--json');
    expect(merged.code).toBe(1);
    const m = json(merged.stdout);
    expect(m['seeds']).toBe(120);
    expect(m['failuresByProperty']).toEqual(whole['failuresByProperty']);
    const seeds = (r: Record<string, unknown>) => (r['failures'] as { seed: number }[]).map((f) => f.seed);
    expect(seeds(m)).toEqual(seeds(whole));
  });

  it('a correct scenario fuzzes clean, with a time budget too', () => {
    const fuzz = project.dsim('fuzz', 'token-mutex', '--seeds', '300', '--workers', '2');
    expect(fuzz.code).toBe(0);
    expect(fuzz.stdout).toContain('no failures');
    const budget = project.dsim('fuzz', 'token-mutex', '--time-budget', '1s', '--workers', '1', '--json');
    expect(budget.code).toBe(0);
    expect(json(budget.stdout)['stopReason']).toBe('time-budget');
  });
});
