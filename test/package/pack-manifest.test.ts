/**
 * The published package carries no install script (scripts/pack-manifest.mjs, run by prepack/postpack): strip drops
 * prepare and the install scripts from package.json and keeps the original; restore puts it back byte for byte.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = resolve('scripts/pack-manifest.mjs');

describe('the manifest npm pack publishes', () => {
  it('has no prepare or install scripts, and package.json is restored after the pack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dsim-pack-'));
    const original = `${JSON.stringify({ name: 'x', version: '1.0.0', scripts: { build: 'tsc', prepare: 'tsc', postinstall: 'echo hi', prepack: 'tsc && strip', test: 'vitest' } }, null, 2)}\n`;
    writeFileSync(join(dir, 'package.json'), original);
    execFileSync(process.execPath, [SCRIPT, 'strip'], { cwd: dir });
    const published = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(Object.keys(published.scripts)).toEqual(['build', 'prepack', 'test']);
    expect(spawnSync(process.execPath, [SCRIPT, 'strip'], { cwd: dir, encoding: 'utf8' }).stderr).toMatch(/did not restore package\.json/);
    execFileSync(process.execPath, [SCRIPT, 'restore'], { cwd: dir });
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(original);
    expect(existsSync(join(dir, 'package.json.prepack'))).toBe(false);
  });

  it("this project's prepack strips and its postpack restores", () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['prepare']).toBeDefined(); // a clone's npm install still builds the CLI
    expect(pkg.scripts['prepack']).toMatch(/node scripts\/pack-manifest\.mjs strip$/);
    expect(pkg.scripts['postpack']).toBe('node scripts/pack-manifest.mjs restore');
  });
});
