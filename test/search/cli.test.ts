/**
 * `dsim fuzz --strategy` from the command line: bad strategies and depths are one-line usage errors (exit 2), a
 * strategy shows in the summary's name and JSON, `--html` writes a campaign report with the coverage curve as a plot,
 * and `dsim merge` refuses to merge campaigns of different strategies.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/app.js';
import { bufferIo } from '../../cli/io.js';

async function cli(...argv: string[]) {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const scratch = () => mkdtempSync(join(tmpdir(), 'dsim-strategy-'));
const CAMPAIGN = ['fuzz', 'ping-pong', '--bug', 'count-duplicates', '--seeds', '24', '--workers', '1', '--shrink-runs', '0'];

describe('dsim fuzz --strategy', () => {
  it('an unknown strategy, a depth without pct and a bad depth are usage errors naming the flag', async () => {
    const out = scratch();
    const unknown = await cli(...CAMPAIGN, '--out', out, '--strategy', 'greedy');
    expect(unknown.code).toBe(2);
    expect(unknown.err.trim()).toBe('error: --strategy: unknown strategy "greedy"; expected one of: random, pct, pos, coverage');
    const stray = await cli(...CAMPAIGN, '--out', out, '--strategy', 'pos', '--depth', '2');
    expect(stray.code).toBe(2);
    expect(stray.err.trim()).toBe('error: --depth: --depth is an option of --strategy pct, not of pos');
    const bad = await cli(...CAMPAIGN, '--out', out, '--strategy', 'pct', '--depth', '0');
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toBe('error: --depth: "0" is not a bug depth; expected an integer from 1 to 64');
  });

  it('names the strategy in the output, the JSON and the summary file, and --html draws the curve', async () => {
    const out = scratch();
    const html = join(out, 'report.html');
    const r = await cli(...CAMPAIGN, '--out', out, '--strategy', 'pct', '--depth', '2', '--html', html);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toMatch(/^ping-pong --bug count-duplicates: 24 seeds from 1, strategy pct \(depth 2\), \d+ events/);
    expect(r.out).toMatch(/^explored: \d+ abstract states, \d+ coverage keys, \d+ run shapes$/m);
    expect(r.out).toMatch(/^faults fired: .*duplicated \d+/m);
    expect(readdirSync(out)).toContain('summary-ping-pong-count-duplicates-pct-d2-seeds-1-24.json');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<svg');
    expect(page.match(/<polyline /g)).toHaveLength(2);
    expect(page).toContain('strategy pct (depth 2); 24 seeds from 1');
    // Failures counted by property, as the JSON counts them, and the campaign's speed.
    const counted = JSON.parse((await cli(...CAMPAIGN, '--out', scratch(), '--strategy', 'pct', '--depth', '2', '--json')).out) as { failuresByProperty: Record<string, number> };
    for (const [property, n] of Object.entries(counted.failuresByProperty)) expect(page).toContain(`<tr><td>${property}</td><td>${n}</td></tr>`);
    expect(Object.keys(counted.failuresByProperty).length).toBeGreaterThan(0);
    expect(page).toMatch(/\d+ seeds\/s on 1 workers/);
    const json = await cli(...CAMPAIGN, '--out', scratch(), '--strategy', 'coverage', '--json');
    const parsed = JSON.parse(json.out) as { strategy: { name: string }; explored: { runs: number; curve: { runs: number }[] } };
    expect(parsed.strategy.name).toBe('coverage');
    expect(parsed.explored.runs).toBe(24);
    expect(parsed.explored.curve.at(-1)!.runs).toBe(24);
  });

  it('merge refuses summaries of different strategies', async () => {
    const a = scratch();
    const b = scratch();
    expect((await cli(...CAMPAIGN, '--out', a)).code).toBe(1);
    expect((await cli(...CAMPAIGN, '--seed-start', '25', '--out', b, '--strategy', 'pos')).code).toBe(1);
    const merged = await cli('merge', a, b);
    expect(merged.code).toBe(2);
    expect(merged.err).toMatch(/this summary is of ping-pong --bug count-duplicates --strategy pos, but .* is of ping-pong --bug count-duplicates; merge summaries of one campaign/);
  });
});
