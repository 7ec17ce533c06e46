import type { Argv } from 'yargs';
import type { ExitCode } from '../exit.js';
import type { CliIo } from '../io.js';

/** One CLI command: its yargs definition and a run function that returns the exit code (never exits itself). */
export interface Command<A = Record<string, unknown>> {
  readonly command: string;
  readonly describe: string;
  builder(y: Argv): Argv;
  /** Shown under Examples in the command's --help: [command line, what it does]. */
  readonly examples?: readonly (readonly [command: string, meaning: string])[];
  run(args: A, io: CliIo): Promise<ExitCode>;
}
