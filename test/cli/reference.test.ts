import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCliReference } from '../../cli/reference.js';

const BUILT_CLI = 'dist/cli/main.js';

describe('docs/cli.md', () => {
  it.skipIf(!existsSync(BUILT_CLI))('is what the built CLI prints (run `npm run docs:cli` after changing a command)', () => {
    const help = (argv: readonly string[]) =>
      execFileSync(process.execPath, [BUILT_CLI, ...argv], { encoding: 'utf8', env: { ...process.env, COLUMNS: '110' } });
    const expected = renderCliReference(help);
    expect(readFileSync('docs/cli.md', 'utf8')).toBe(expected);
  });
});
