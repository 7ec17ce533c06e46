import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/app.js';
import { bufferIo } from '../../cli/io.js';
import { fuzz } from '../../search/fuzz/fuzz.js';
import { SCENARIOS } from '../../scenarios/index.js';
import { replaySchedule } from '../../sim/run.js';
import { scheduleToJson } from '../../sim/schedule-file.js';
import { firstFailure } from './helpers.js';

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout.join('\n'), stderr: io.stderr };
}

describe('dsim shrink', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dsim-shrink-'));

  it('shrinks a schedule file, writes the shrunk repro, and the repro replays to its hash and failure', async () => {
    const failing = firstFailure('ping-pong', 'count-duplicates', 'pongs-match-rounds');
    const input = join(dir, 'failing.json');
    writeFileSync(input, scheduleToJson(failing));
    const r = await cli('shrink', input, '--json');
    expect(r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.out).toBe(join(dir, 'failing.shrunk.json'));
    expect(out.property).toBe('pongs-match-rounds');
    expect(out.stats.eventsAfter).toBeLessThan(out.stats.eventsBefore);
    const replay = replaySchedule(readFileSync(out.out, 'utf8'), out.out);
    expect(replay.ok).toBe(true);
    if (!replay.ok) return;
    expect(replay.value.hashMatches).toBe(true);
    expect(replay.value.traceHash).toBe(out.traceHash);
    expect(replay.value.violations.map((v) => v.property)).toContain('pongs-match-rounds');
    const replayed = await cli('replay', out.out);
    expect(replayed.code).toBe(1);
    expect(replayed.out).toContain('the trace hash matches');
  });

  it('prints before/after figures and the replay command', async () => {
    const failing = firstFailure('ping-pong', 'no-retry', 'all-rounds-done');
    const input = join(dir, 'no-retry.json');
    writeFileSync(input, scheduleToJson(failing, { property: 'all-rounds-done' }));
    const r = await cli('shrink', input, '--out', join(dir, 'small.json'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/shrunk: \d+ → \d+ events, \d+ → \d+ faults, \d+ → \d+ choices/);
    expect(r.out).toContain(`replay: npx dsim replay ${join(dir, 'small.json')}`);
    // The scripted crash and restart are left out, and the file says so; it replays to its hash and failure.
    const text = readFileSync(join(dir, 'small.json'), 'utf8');
    expect(JSON.parse(text).scriptedFaultsSkipped).toEqual([0, 1]);
    const replay = replaySchedule(text, 'small.json');
    expect(replay.ok && replay.value.hashMatches).toBe(true);
    expect(replay.ok && replay.value.violations.map((v) => v.property)).toContain('all-rounds-done');
  });

  it('bad inputs exit 2 with one line', async () => {
    const notRepro = join(dir, 'not-a-repro.json');
    writeFileSync(notRepro, '{"hello": 1}');
    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, 'hello');
    const passing = join(dir, 'passing.json');
    const ok = firstFailure('ping-pong', 'count-duplicates', 'pongs-match-rounds');
    writeFileSync(passing, scheduleToJson({ ...ok, bug: undefined, schedule: [] }));
    const badSkip = join(dir, 'bad-skip.json');
    writeFileSync(badSkip, scheduleToJson({ ...ok, scriptedFaultsSkipped: [9] }));
    for (const argv of [
      ['shrink', join(dir, 'missing.json')],
      ['shrink', notRepro],
      ['shrink', notJson],
      ['shrink', passing],
      ['shrink', badSkip],
      ['shrink', notRepro, '--time-budget', 'soon'],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr.length, argv.join(' ')).toBe(1);
      expect(r.stderr[0]).toMatch(/^error: /);
      expect(r.out).toBe('');
    }
  });
});

describe('fuzz writes shrunk repros', () => {
  it('each repro carries its shrink figures and replays to the recorded hash and failure', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'dsim-fuzz-shrink-'));
    const result = await fuzz({ scenario: SCENARIOS['ping-pong'], bug: 'count-duplicates', seeds: 16, seedStart: 1, workers: 2, outDir });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.repros.length).toBeGreaterThan(0);
    for (const repro of result.value.repros) {
      expect(repro.shrunk).not.toBeNull();
      expect(repro.shrunk!.eventsAfter).toBeLessThanOrEqual(repro.shrunk!.eventsBefore);
      const text = readFileSync(repro.path, 'utf8');
      expect(JSON.parse(text).shrunk.eventsAfter).toBe(repro.shrunk!.eventsAfter);
      const replay = replaySchedule(text, repro.path);
      expect(replay.ok).toBe(true);
      if (!replay.ok) continue;
      expect(replay.value.hashMatches).toBe(true);
      expect(replay.value.events).toBe(repro.shrunk!.eventsAfter);
      expect(replay.value.violations.map((v) => v.property)).toContain(repro.property);
    }
  });
});
