/**
 * Usage mistakes yargs lets through or words badly: an unknown option before any command (`dsim --versoin`, which
 * yargs answers with "name a command"), and a switch given a value that is not a boolean (`--swarm=maybe`, which
 * yargs reads as false).
 */
import { UsageError } from './exit.js';

/** The options a yargs parser knows now (its names and aliases), and which of them are switches. */
export function knownOptions(parser: unknown): { names: string[]; booleans: string[] } {
  // yargs has getOptions() at run time, but its type declarations leave it out.
  const options = (parser as { getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]>; boolean: string[] } }).getOptions();
  return { names: [...Object.keys(options.key), ...Object.values(options.alias).flat()], booleans: options.boolean };
}

/** Edit distance between `a` and `b` (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

function optionName(token: string): string | undefined {
  const match = /^--?([^=]+)/.exec(token);
  return token === '--' || match === null ? undefined : match[1];
}

/**
 * When `argv` names no command but holds an option the parser does not know (`known`: its option names and
 * aliases), the sentence for it, with the closest known option when one is near: `unknown option --versoin (did
 * you mean --version?)`. Undefined otherwise, and yargs' own message stands.
 */
export function unknownOptionWithoutCommand(argv: readonly string[], known: readonly string[]): string | undefined {
  if (argv.some((token) => !token.startsWith('-'))) return undefined;
  for (const token of argv) {
    const name = optionName(token);
    if (name === undefined || known.includes(name) || known.includes(name.replace(/^no-/, ''))) continue;
    const near = known.filter((k) => k.length > 1).sort((a, b) => distance(name, a) - distance(name, b))[0];
    const hint = near !== undefined && distance(name, near) <= 2 ? ` (did you mean --${near}?)` : '';
    return `unknown option ${token.split('=')[0]}${hint}`;
  }
  return undefined;
}

/** Throws a usage error when a switch (`booleans`: the parser's boolean options) is given `=value` other than true or false. */
export function rejectSwitchValues(argv: readonly string[], booleans: readonly string[]): void {
  for (const token of argv) {
    if (token === '--') return;
    const match = /^--(?:no-)?([^=]+)=(.*)$/s.exec(token);
    if (match === null || !booleans.includes(match[1]!) || ['true', 'false'].includes(match[2]!)) continue;
    const name = match[1]!;
    throw new UsageError(`--${name} is a switch, expected --${name} or --no-${name}, not the value "${match[2]}"`);
  }
}
