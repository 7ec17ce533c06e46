import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/app.js';
import { bufferIo } from '../../cli/io.js';

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n'), stderrLines: io.stderr };
}

describe('dsim run / replay / list / fuzz', () => {
  it('run prints the verdict, the trace hash and the replay command; exit 0 when properties hold', async () => {
    const r = await cli('run', 'ping-pong', '--seed', '42');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ping-pong seed 42: ok/);
    expect(r.out).toMatch(/trace hash: [0-9a-f]{64}/);
    expect(r.out).toContain('replay: npx dsim run ping-pong --seed 42');
  });

  it('run --json has the documented shape, and the same seed gives the same hash', async () => {
    const a = JSON.parse((await cli('run', 'ping-pong', '--seed', '0x2a', '--json')).out);
    const b = JSON.parse((await cli('run', 'ping-pong', '--seed', '42', '--json')).out);
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['scenario', 'bug', 'seed', 'ok', 'violations', 'events', 'traceHash']));
    expect(a.seed).toBe(42);
    expect(a.traceHash).toBe(b.traceHash);
    expect(a.events).toBeGreaterThan(0);
  });

  it('a liveness property a limit stopped the run before is UNKNOWN, not violated: exit 1, the limit to raise', async () => {
    const r = await cli('run', 'safra', '--seed', '3', '--max-events', '20');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/safra seed 3: UNKNOWN, no property violated but not every one decided \(20 events/);
    expect(r.out).toMatch(/ {2}detects-termination: could not decide: the run stopped at tick \d+ \(events-limit\) before the deadline, tick \d+; raise the limit/);
    const json = JSON.parse((await cli('run', 'safra', '--seed', '3', '--max-events', '20', '--json')).out);
    expect(json.ok).toBe(true);
    expect(json.violations).toEqual([]);
    expect(json.undecided.map((u: { property: string }) => u.property)).toEqual(['detects-termination']);
    const dir = mkdtempSync(join(tmpdir(), 'dsim-cli-'));
    const fuzz = await cli('fuzz', 'safra', '--seeds', '4', '--workers', '1', '--max-events', '20', '--out', dir, '--json');
    expect(fuzz.code).toBe(0);
    const summary = JSON.parse(fuzz.out);
    expect(summary.failures).toEqual([]);
    expect(summary.undecidedByProperty['detects-termination']).toBe(4);
    const human = await cli('fuzz', 'safra', '--seeds', '4', '--workers', '1', '--max-events', '20', '--out', dir);
    expect(human.out).toContain('detects-termination: could not be decided on 4 seeds (a limit stopped the run or a search first)');
  });

  it('a violated property exits 1 and names the property; the schedule file replays to the same hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsim-cli-'));
    // Find a failing seed of the bug variant with fuzz, then run and replay it.
    const fuzz = await cli('fuzz', 'ping-pong', '--bug', 'count-duplicates', '--seeds', '50', '--out', dir, '--json');
    expect(fuzz.code).toBe(1);
    const failures = JSON.parse(fuzz.out).failures as { seed: number; property: string }[];
    expect(failures.length).toBeGreaterThan(0);
    const seed = String(failures[0]!.seed);
    const schedule = join(dir, 'schedule.json');
    const run = await cli('run', 'ping-pong', '--bug', 'count-duplicates', '--seed', seed, '--schedule-out', schedule, '--json');
    expect(run.code).toBe(1);
    const verdict = JSON.parse(run.out);
    expect(verdict.ok).toBe(false);
    expect(verdict.violations.map((v: { property: string }) => v.property)).toContain(failures[0]!.property);
    const replay = await cli('replay', schedule, '--json');
    expect(replay.code).toBe(1);
    const replayed = JSON.parse(replay.out);
    expect(replayed.hashMatches).toBe(true);
    expect(replayed.traceHash).toBe(verdict.traceHash);
  });

  it('--swarm draws another fault mix from the seed, and its schedule file replays it exactly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsim-cli-'));
    const schedule = join(dir, 'swarm.json');
    const plain = JSON.parse((await cli('run', 'raft-election', '--seed', '9', '--json')).out);
    const swarm = await cli('run', 'raft-election', '--seed', '9', '--swarm', '--schedule-out', schedule, '--json');
    const swarmed = JSON.parse(swarm.out);
    expect(swarmed.traceHash).not.toBe(plain.traceHash);
    expect(JSON.parse(readFileSync(schedule, 'utf8')).swarm).toBe(true);
    const replayed = JSON.parse((await cli('replay', schedule, '--json')).out);
    expect(replayed.hashMatches).toBe(true);
    expect((await cli('run', 'raft-election', '--seed', '9', '--swarm')).out).toContain('--seed 9 --swarm');
  });

  it('list --json lists ping-pong with its bugs and properties', async () => {
    const r = await cli('list', '--json');
    expect(r.code).toBe(0);
    const { scenarios } = JSON.parse(r.out);
    const pingPong = scenarios.find((s: { name: string }) => s.name === 'ping-pong');
    expect(pingPong.protocol).toBe('ping-pong');
    expect(pingPong.bugs).toContain('count-duplicates');
    expect(pingPong.properties.length).toBeGreaterThan(0);
  });

  it('writes a trace and a ShiViz log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsim-cli-'));
    const r = await cli('run', 'ping-pong', '--seed', '3', '--trace', join(dir, 't.json'), '--shiviz', join(dir, 't.log'));
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 't.json'), 'utf8')).format).toBe('dsim-trace');
    expect(readFileSync(join(dir, 't.log'), 'utf8').split('\n')[0]).toContain('(?<host>');
  });
});

describe('bad input: one line on stderr, exit 2, no stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown scenario', ['run', 'nope', '--seed', '1'], /unknown scenario "nope"; expected one of: .*ping-pong/],
    ['bad seed', ['run', 'ping-pong', '--seed', 'abc'], /--seed/],
    ['seed above 32 bits', ['run', 'ping-pong', '--seed', '4294967296'], /--seed/],
    ['negative seed', ['run', 'ping-pong', '--seed', '-1'], /--seed/],
    ['unknown bug', ['run', 'ping-pong', '--bug', 'nope'], /nope.*count-duplicates/],
    ['unknown flag', ['run', 'ping-pong', '--frobnicate'], /frobnicate/],
    ['unknown command', ['frobnicate'], /frobnicate/],
    ['bad node count', ['run', 'ping-pong', '--nodes', 'three'], /--nodes/],
    ['too few nodes', ['run', 'ping-pong', '--nodes', '1'], /nodes/],
    ['missing schedule file', ['replay', '/nonexistent/s.json'], /\/nonexistent\/s\.json.*cannot be read/],
    ['bad seeds count', ['fuzz', 'ping-pong', '--seeds', '-5'], /--seeds/],
  ];
  for (const [name, argv, pattern] of cases) {
    it(name, async () => {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.stderrLines).toHaveLength(1);
      expect(r.err).toMatch(/^error: /);
      expect(r.err).toMatch(pattern);
      expect(r.err).not.toMatch(/\n\s+at /);
    });
  }

  it('a schedule file that is not JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsim-cli-'));
    const path = join(dir, 'bad.json');
    writeFileSync(path, '{"format": "dsim-schedule", oops');
    const r = await cli('replay', path);
    expect(r.code).toBe(2);
    expect(r.stderrLines).toHaveLength(1);
    expect(r.err).toContain(path);
  });
});
