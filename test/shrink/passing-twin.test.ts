/**
 * A run as ShiViz sees it (virtual ticks and violation markers as fields) and the failing/passing pair that
 * `dsim shrink --shiviz` writes for ShiViz's diff view.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/app.js';
import { bufferIo } from '../../cli/io.js';
import { runShiViz } from '../../formats/shiviz-run.js';
import { parseShiViz } from '../../formats/shiviz.js';
import { SCENARIOS } from '../../scenarios/index.js';
import { DEFAULT_CHOICE } from '../../search/shrink/candidate.js';
import { failingAndPassingShiViz, passingTwin } from '../../search/shrink/passing-twin.js';
import { runScenario, type RunReport } from '../../sim/run.js';

const raft = SCENARIOS['raft-election'];

function run(seed: number, schedule?: RunReport['schedule']): RunReport {
  const r = runScenario(raft, { seed, bug: 'votedfor-not-persisted', ...(schedule === undefined ? {} : { schedule }) });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function read(text: string) {
  const parsed = parseShiViz(text, { source: 'run.log', kv: true, uploadFormat: true });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe('a run as a ShiViz log', () => {
  const failing = run(143);

  it('every event carries its virtual tick, and the frontier of each witness cut its violated property', () => {
    expect(failing.ok).toBe(false);
    const [exec] = read(runShiViz(failing));
    const original = failing.execution;
    expect(exec!.events).toHaveLength(original.events.length);
    const marked = new Map<string, string>();
    const mark = (key: string, property: string) => marked.set(key, marked.has(key) ? `${marked.get(key)}, ${property}` : property);
    const last = original.events.at(-1)!;
    for (const v of failing.violations) {
      // A violation with a witness cut marks each host's last event in it; one without marks the run's last event.
      if (v.witness === undefined) mark(`${original.hosts[last.host]}#${last.index}`, v.property);
      else v.witness.cut.forEach((k, h) => k > 0 && mark(`${original.hosts[h]}#${k}`, v.property));
    }
    expect(marked.size).toBeGreaterThan(0);
    for (const e of exec!.events) {
      const source = original.events[original.byHost[original.hosts.indexOf(exec!.hosts[e.host]!)]![e.index - 1]!]!;
      expect(exec!.hostStates[e.host]![e.index]!['dsim_tick']).toBe(source.timeTicks);
      expect(exec!.hostStates[e.host]![e.index]!['dsim_violation']).toBe(marked.get(`${exec!.hosts[e.host]}#${e.index}`));
    }
  });

  it('a passing twin differs by one choice put back to its default, violates nothing, and replays', () => {
    const twin = passingTwin(failing)!;
    expect(twin).toBeDefined();
    expect(twin.report.violations).toEqual([]);
    const edited = failing.schedule.map((c, i) => (i === twin.changed.index ? DEFAULT_CHOICE : c));
    expect(run(143, edited).traceHash).toBe(twin.report.traceHash);
    expect(run(143, twin.report.schedule).traceHash).toBe(twin.report.traceHash);
    expect(failing.schedule[twin.changed.index]).toEqual({ kind: twin.changed.kind, value: twin.changed.value });
  });

  it('the pair is one two-execution log: the failing run marked, the passing one not', () => {
    const { text, twin } = failingAndPassingShiViz(failing);
    const [bad, good] = read(text);
    expect(bad!.label).toMatch(/^failing: raft-election --bug votedfor-not-persisted seed 143, violates /);
    expect(good!.label).toBe(`passing: the same schedule with choice ${twin!.changed.index} (${twin!.changed.kind} = ${twin!.changed.value}) at its default`);
    const violationsIn = (states: readonly (readonly Record<string, unknown>[])[]) => states.flat().filter((s) => s['dsim_violation'] !== undefined).length;
    expect(violationsIn(bad!.hostStates)).toBeGreaterThan(0);
    expect(violationsIn(good!.hostStates)).toBe(0);
  });
});

describe('dsim shrink --shiviz', () => {
  it('writes the shrunk failing run and its passing twin, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsim-twin-'));
    const schedule = join(dir, 'run.json');
    const io = bufferIo();
    await runCli(['run', 'raft-election', '--bug', 'votedfor-not-persisted', '--seed', '143', '--schedule-out', schedule], io);
    const shrink = bufferIo();
    const code = await runCli(['shrink', schedule, '--runs-max', '3000', '--shiviz', join(dir, 'diff.log')], shrink);
    expect(code).toBe(0);
    expect(shrink.stdout.at(-1)).toMatch(/^shiviz: .*diff\.log \(the failing run and a passing one with choice \d+ \(/);
    const executions = read(readFileSync(join(dir, 'diff.log'), 'utf8'));
    expect(executions.map((e) => e.label.split(':')[0])).toEqual(['failing', 'passing']);
  });

  it('a --shiviz path that cannot be written is refused before the shrink, exit 2', async () => {
    const io = bufferIo();
    expect(await runCli(['shrink', '/no/such/repro.json', '--shiviz', tmpdir()], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/--shiviz/);
  });
});

describe('dsim fuzz --shiviz', () => {
  it('writes beside each repro its run and a passing twin as one ShiViz log, and names them', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dsim-fuzz-twin-'));
    const io = bufferIo();
    const code = await runCli(['fuzz', 'raft-election', '--bug', 'votedfor-not-persisted', '--seeds', '150', '--workers', '1', '--shrink-runs', '400', '--out', out, '--shiviz', '--json'], io);
    expect(code).toBe(1);
    const json = JSON.parse(io.stdout.join('\n')) as { shiviz: string[]; failures: { repro: string | null }[] };
    const repros = json.failures.filter((f) => f.repro !== null).map((f) => f.repro!.replace(/^npx dsim replay /, ''));
    expect(repros.length).toBeGreaterThan(0);
    expect(json.shiviz).toEqual(repros.map((p) => p.replace(/\.json$/, '.shiviz.log')));
    for (const [i, log] of json.shiviz.entries()) {
      const [failing, passing] = read(readFileSync(log, 'utf8'));
      const replayed = bufferIo();
      await runCli(['replay', repros[i]!, '--json'], replayed);
      expect(failing!.events.length).toBe((JSON.parse(replayed.stdout.join('\n')) as { events: number }).events);
      expect(failing!.label).toMatch(/^failing: /);
      if (passing !== undefined) expect(passing.label).toMatch(/^passing: the same schedule with choice \d+/);
    }
  });
});
