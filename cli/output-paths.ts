/**
 * The output flags of a command, checked before its work starts: a run of minutes must not end in "cannot write"
 * (or hang on a pipe). See `checkOutputPath` for what is refused.
 */
import { succeed, type Failable } from '../execution/failable.js';
import { checkOutputPath, type OutputKind } from '../formats/output-path.js';

/** Output flags of run and replay, each a file. */
export const RUN_OUTPUT_FLAGS = ['trace', 'shiviz', 'html', 'schedule-out'] as const;

/**
 * Checks every given output flag of `args` (`flags`: flag name → what it must be); flags not given are skipped, a
 * flag given with no value is refused. The first problem is the error, naming the flag and the path.
 */
export function checkOutputFlags(args: object, flags: Readonly<Record<string, OutputKind>>): Failable<void> {
  for (const [flag, kind] of Object.entries(flags)) {
    const value = (args as Record<string, unknown>)[flag];
    if (value === undefined) continue;
    const checked = checkOutputPath(value, `--${flag}`, kind);
    if (!checked.ok) return checked;
  }
  return succeed(undefined);
}

/** `{trace: 'file', shiviz: 'file', ...}` for the run-output flags a command has. */
export function fileFlags(flags: readonly string[]): Record<string, OutputKind> {
  return Object.fromEntries(flags.map((f) => [f, 'file' as const]));
}
