/**
 * Colour for verdicts on a terminal. On when standard output is a terminal, off with `--no-color` or a non-empty
 * `NO_COLOR` (https://no-color.org), forced on with `--color` or a `FORCE_COLOR` other than `0`. Only the verdict
 * word is coloured; JSON and files are never coloured.
 */
import type { CliIo } from './io.js';
import { lastSwitch } from './options.js';

/** How a verdict reads: green when it holds, red when it is violated, yellow when it could not be decided. */
export type Tone = 'good' | 'bad' | 'unknown';

const CODES: Record<Tone, string> = { good: '\u001b[32m', bad: '\u001b[1;31m', unknown: '\u001b[33m' };
const RESET = '\u001b[0m';

/** `text` in the tone's colour when `io` is coloured, else unchanged. */
export function paint(io: CliIo, tone: Tone, text: string): string {
  return io.colour === true ? `${CODES[tone]}${text}${RESET}` : text;
}

/**
 * Whether output is coloured: the last of `--color` / `--no-color` (and `--color=true|false`) on the command line
 * wins; else `NO_COLOR` turns it off and `FORCE_COLOR` on; else a terminal on standard output turns it on.
 */
export function colourWanted(argv: readonly string[], env: NodeJS.ProcessEnv, stdoutIsTerminal: boolean): boolean {
  const flag = lastSwitch(argv, ['--color', '--color=true', '--colour'], ['--no-color', '--color=false', '--no-colour']);
  if (flag !== undefined) return flag;
  if ((env['NO_COLOR'] ?? '') !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return stdoutIsTerminal;
}

/** The tone of a verdict word: `holds`, `linearizable`, `valid` and `true` are good; `unknown` is unknown; the rest bad. */
export function toneOf(verdict: string | boolean): Tone {
  if (verdict === true || verdict === 'holds' || verdict === 'linearizable' || verdict === 'valid') return 'good';
  if (verdict === 'unknown') return 'unknown';
  return 'bad';
}
