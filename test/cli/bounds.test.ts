/** Issue #12, row 4: bounds on a run's size, repeated flags, seed ranges, summaries read back, undecided shrinks. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/app.js';
import { bufferIo } from '../../cli/io.js';
import { EVENTS_MAX_LIMIT, NODES_MAX_DEFAULT, VC_CELLS_MAX } from '../../sim/limits.js';
import { readScheduleFile } from '../../sim/schedule-file.js';
import { runChild } from './child.js';

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const scratch = () => mkdtempSync(join(tmpdir(), 'dsim-bounds-'));

describe('bounds of a run', () => {
  it('run --nodes 10000 is an input error naming the limit (it used to run out of time and memory)', () => {
    const r = runChild(['run', 'ping-pong', '--nodes', '10000']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`error: nodes: 10000 nodes is more than the limit NODES_MAX_DEFAULT (${NODES_MAX_DEFAULT}) of a run; lower --nodes`);
  });

  it('--max-events above its maximum, and events × nodes above the vector-clock limit, name the flag to lower', async () => {
    const events = await cli('run', 'ping-pong', '--max-events', String(EVENTS_MAX_LIMIT + 1));
    expect(events.code).toBe(2);
    expect(events.err).toContain(`error: --max-events: ${EVENTS_MAX_LIMIT + 1} is more than the limit EVENTS_MAX_LIMIT`);
    const cells = await cli('fuzz', 'ping-pong', '--nodes', '900', '--seeds', '2', '--workers', '1', '--out', scratch());
    expect(cells.code).toBe(2);
    expect(cells.err).toContain(`more than the limit VC_CELLS_MAX (${VC_CELLS_MAX}); lower --max-events (to ${Math.floor(VC_CELLS_MAX / 900)} at most) or --nodes`);
  });

  it('a schedule file of more choices than its limit is refused, naming the limit', () => {
    const text = JSON.stringify({ format: 'dsim-schedule', version: 1, dsimVersion: '0', scenario: 'ping-pong', bug: null, seed: 1, nodes: 3, maxEvents: 10, timeTicksMax: 10, traceHash: 'h', choices: [['delay', 1], ['delay', 2], ['delay', 3]] });
    expect(readScheduleFile(text, 's.json', 3).ok).toBe(true);
    const over = readScheduleFile(text, 's.json', 2);
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.error.message).toBe('"choices" has 3 entries, more than the limit SCHEDULE_CHOICES_MAX (2)');
  });
});

describe('flags', () => {
  it.each([
    [['run', 'ping-pong', '--seed', '1', '--seed', '2'], '--seed is given 2 times (1, 2)'],
    [['fuzz', 'ping-pong', '--seeds', '3', '--seeds', '4'], '--seeds is given 2 times (3, 4)'],
    [['replay', 'x.json', '--trace', 'a.json', '--trace', 'b.json'], '--trace is given 2 times (a.json, b.json)'],
    [['shrink', 'x.json', '--out', 'a.json', '--out', 'b.json'], '--out is given 2 times (a.json, b.json)'],
    [['merge', 'd', '--config', 'a.ts', '--config', 'b.ts'], '--config is given 2 times (a.ts, b.ts)'],
  ])('a repeated single-valued flag is a usage error naming it: %j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: ${message}; it takes one value (see dsim --help)`);
  });

  it('--seed-start 4294967290 --seeds 10 would run past the last seed: an input error, not a wrap to seed 0', async () => {
    const r = await cli('fuzz', 'ping-pong', '--seed-start', '4294967290', '--seeds', '10', '--out', scratch());
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: --seeds: 10 seeds from 4294967290 run past the last seed 4294967295; give --seeds 6 at most, or a lower --seed-start');
    expect((await cli('fuzz', 'ping-pong', '--seed-start', '4294967290', '--seeds', '6', '--workers', '1', '--out', scratch())).code).toBe(0);
  });
});

describe('summaries read back', () => {
  it.each([
    [(s: Record<string, any>) => (s['summary'].seedsRun = -5), '"summary.seedsRun" is -5; expected a whole number ≥ 0'],
    [(s: Record<string, any>) => (s['stopReason'] = 'bored'), '"stopReason" is "bored"; expected one of "done", "time-budget", "interrupted"'],
    [(s: Record<string, any>) => (s['summary'].failures[0].seed = 'x'), '"summary.failures[0].seed" is "x"; expected a seed (an unsigned 32-bit integer)'],
    [(s: Record<string, any>) => (s['repros'][0].file = '../../etc/passwd'), '"repros[0].file" is "../../etc/passwd"; expected a file name in the same folder'],
    [(s: Record<string, any>) => (s['summary'].seedsRun = 9999), '"summary.seedsRun" is 9999, more than the 20 seeds of "range"'],
  ])('merge refuses a summary with a bad field, naming the file and the field (%#)', async (spoil, message) => {
    const out = scratch();
    expect((await cli('fuzz', 'ping-pong', '--bug', 'count-duplicates', '--seeds', '20', '--workers', '1', '--shrink-runs', '0', '--out', out)).code).toBe(1);
    const path = join(out, 'summary-ping-pong-count-duplicates-seeds-1-20.json');
    const summary = JSON.parse(readFileSync(path, 'utf8'));
    spoil(summary);
    writeFileSync(path, JSON.stringify(summary));
    const r = await cli('merge', out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: ${path}: ${message}`);
  });
});

describe('shrink of an undecided replay', () => {
  it('says the replay is undecided (unknown), not that every property holds; exit 1', async () => {
    const schedule = join(scratch(), 'u.json');
    expect((await cli('run', 'safra', '--seed', '3', '--max-events', '20', '--schedule-out', schedule)).code).toBe(1);
    const r = await cli('shrink', schedule);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/violates no property but leaves detects-termination undecided \(unknown: the run stopped at tick \d+ \(events-limit\)/);
    expect(r.out).not.toMatch(/every property holds/);
  });
});
