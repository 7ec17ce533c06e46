/**
 * The CLI reference (docs/cli.md), generated from the yargs definitions by running each command's `--help`, so the
 * document is exactly what users see. `npm run docs:cli` rewrites it; a test fails when it is out of date.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from './commands/index.js';

/** Runs the built CLI with `argv` and answers its standard output. */
export type HelpRunner = (argv: readonly string[]) => string;

/** Runs `dist/cli/main.js` (the build of this folder) in a child process with a fixed terminal width. */
export const builtCliHelp: HelpRunner = (argv) =>
  execFileSync(process.execPath, [fileURLToPath(new URL('./main.js', import.meta.url)), ...argv], {
    encoding: 'utf8',
    env: { ...process.env, COLUMNS: '110', FORCE_COLOR: '0' },
  });

/** The reference as Markdown: the top-level help, then each command's. */
export function renderCliReference(help: HelpRunner): string {
  const sections = [
    '# dsim command-line reference',
    '',
    'Generated from the yargs definitions by `npm run docs:cli`; a test fails when this file is out of date.',
    'Exit codes: 0 every property holds; 1 a property is violated, a history is not linearizable, or a check could',
    'not be decided within its limits (verdict `unknown`); 2 usage or input error (one line on standard error);',
    '3 an internal error of dsim.',
    '',
    '```text',
    help(['--help']).trimEnd(),
    '```',
  ];
  for (const command of COMMANDS) {
    const name = command.command.split(' ')[0]!;
    sections.push('', `## dsim ${name}`, '', command.describe + '.', '', '```text', help([name, '--help']).trimEnd(), '```');
  }
  return `${sections.join('\n')}\n`;
}
