/**
 * Old schedules keep their meaning: schedule files written before issue 14's targeted faults (partition shapes,
 * node sets, budgets, clogs; test/fixtures/old-schedules/, from commit 7677a78) replay to the trace they recorded,
 * and a fresh run from their seed draws exactly the choices they list. They cover random crashes, restarts, pauses,
 * every one of the old random partition shapes (isolate, split, one-way link), heals, and swarm plans.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readScheduleFile } from '../../sim/schedule-file.js';
import { replaySchedule, runScenario } from '../../sim/run.js';

const FOLDER = join(import.meta.dirname, '..', 'fixtures', 'old-schedules');
const files = readdirSync(FOLDER).filter((f) => f.endsWith('.json')).sort();

describe('schedules recorded before targeted faults', () => {
  test('cover the old random partition shapes and swarm plans', () => {
    expect(files.length).toBe(7);
    const all = files.map((f) => readFileSync(join(FOLDER, f), 'utf8')).join('\n');
    for (const kind of ['fault:partition-shape', 'fault:split-side', 'fault:partition-peer', 'fault:heal', 'fault:crash-node', 'fault:pause-node', 'swarm:crash']) {
      expect(all).toContain(`"${kind}"`);
    }
  });

  test.each(files)('%s replays to its recorded trace, and its seed draws the same choices', (file) => {
    const text = readFileSync(join(FOLDER, file), 'utf8');
    const replayed = replaySchedule(text, file);
    if (!replayed.ok) throw new Error(replayed.error.message);
    expect(replayed.value.fallbackCount).toBe(0);
    expect(replayed.value.hashMatches).toBe(true);
    const f = readScheduleFile(text, file);
    if (!f.ok) throw new Error(f.error.message);
    const fresh = runScenario(f.value.scenario, { seed: f.value.seed, nodes: f.value.nodes, eventsMax: f.value.maxEvents, swarm: f.value.swarm });
    if (!fresh.ok) throw new Error(fresh.error.message);
    expect(fresh.value.schedule.map((c) => [c.kind, c.value])).toEqual(f.value.choices.map((c) => [c.kind, c.value]));
    expect(fresh.value.traceHash).toBe(f.value.traceHash);
  });
});
