/**
 * The faults that fired, as the CLI shows them: `dsim run` prints them by kind and by node and puts them in its JSON
 * and HTML report; `dsim fuzz` sums them over its seeds in its text, JSON, summary file and HTML report, and the sum
 * equals the runs' own counts added up here.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/app.js';
import { bufferIo } from '../../cli/io.js';
import { addFaultsFired, faultsFired, formatFaultCounts, noFaultsFired, sortedFaultsFired, type FaultsFired } from '../../search/strategies/faults-fired.js';
import { runScenario } from '../../sim/run.js';

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}
const scratch = () => mkdtempSync(join(tmpdir(), 'dsim-faults-'));
const SCENARIO = 'raft-election/partitions';

function firedOf(seed: number): FaultsFired {
  const r = runScenario(SCENARIO, { seed });
  if (!r.ok) throw new Error(r.error.message);
  return faultsFired(r.value);
}

describe('faults fired in the CLI', () => {
  it('dsim run prints them by kind and by node, and --json and --html carry them', async () => {
    const expected = firedOf(3);
    expect(Object.keys(expected.byKind).some((k) => k.startsWith('partition:'))).toBe(true);
    const text = await cli('run', SCENARIO, '--seed', '3');
    const lines = text.out.split('\n');
    const at = lines.indexOf(`faults fired: ${formatFaultCounts(expected.byKind)}`);
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 1 + 5)).toEqual(Object.entries(expected.byNode).map(([node, c]) => `  at ${node}: ${formatFaultCounts(c)}`));
    const html = join(scratch(), 'run.html');
    const json = await cli('run', SCENARIO, '--seed', '3', '--json', '--html', html);
    expect((JSON.parse(json.out) as { faultsFired: unknown }).faultsFired).toEqual(expected);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<section id="faults"><h2>Faults that fired</h2><table class="faults"><tr><th>fault</th><th>count</th><th>p0</th>');
    expect(page).toContain(`<tr><td>partition:isolate</td><td>${expected.byKind['partition:isolate']}</td>`);
  });

  it('dsim fuzz sums them over its seeds, in its text, JSON, summary file and HTML report', async () => {
    const out = scratch();
    const html = join(out, 'campaign.html');
    const args = ['fuzz', SCENARIO, '--seeds', '12', '--workers', '1', '--shrink-runs', '0', '--out', out];
    const r = await cli(...args, '--json', '--html', html);
    const parsed = JSON.parse(r.out) as { seedStart: number; explored: { faultsFired: FaultsFired } };
    const sum = noFaultsFired();
    for (let seed = parsed.seedStart; seed < parsed.seedStart + 12; seed++) addFaultsFired(sum, firedOf(seed));
    expect(parsed.explored.faultsFired).toEqual(sortedFaultsFired(sum));
    expect(Object.keys(sum.byNode)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    const summary = readdirSync(out).find((f) => f.startsWith('summary-'));
    expect(summary).toBeDefined();
    const file = JSON.parse(readFileSync(join(out, summary!), 'utf8')) as { explored: { faultsFired: FaultsFired } };
    expect(file.explored.faultsFired).toEqual(parsed.explored.faultsFired);
    expect(readFileSync(html, 'utf8')).toContain('<table class="faults"><tr><th>fault</th><th>count</th><th>p0</th><th>p1</th><th>p2</th><th>p3</th><th>p4</th></tr>');
    const text = await cli(...args.slice(0, -1), scratch());
    const lines = text.out.split('\n');
    const sorted = sortedFaultsFired(sum);
    const at = lines.indexOf(`faults fired: ${formatFaultCounts(sorted.byKind)}`);
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe(`  at p0: ${formatFaultCounts(sorted.byNode['p0']!)}`);
  });
});
