import yargs, { type Argv } from 'yargs';
import { STDIN_ARG } from '../formats/read-text.js';
import { COMMANDS } from './commands/index.js';
import { ExitCode, printJson, UsageError } from './exit.js';
import { colourWanted } from './style.js';
import { lastSwitch, singleValued } from './options.js';
import type { CliIo } from './io.js';
import { knownOptions, rejectSwitchValues, unknownOptionWithoutCommand } from './usage-checks.js';
import { DSIM_VERSION } from '../sim/version.js';

/** Builds the yargs parser with every command; `setExit` receives each command's exit code. */
export function buildParser(argv: readonly string[], io: CliIo, setExit: (code: ExitCode) => void): Argv {
  let parser = yargs([...argv])
    .scriptName('dsim')
    .usage('$0 <command> [options]\n\nDeterministic simulation of distributed protocols, and predicates over consistent cuts.')
    .strict()
    .demandCommand(1, 'name a command: run, replay, fuzz, shrink, merge, check, check-history or list')
    .recommendCommands()
    .exitProcess(false)
    .version(DSIM_VERSION)
    .option('color', {
      type: 'boolean',
      global: true,
      describe: 'Colour verdicts (default: on a terminal, unless NO_COLOR is set); --no-color turns it off',
    })
    .option('config', {
      type: 'string',
      global: true,
      describe: 'Your scenarios: a dsim.config.ts (.mts, .js, .mjs); default: the one in this folder',
    })
    .help()
    .completion('completion', 'Print a bash or zsh completion script: dsim completion >> ~/.bashrc')
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .middleware((): void => rejectSwitchValues(argv, knownOptions(parser).booleans), true)
    .fail((message: string | undefined, error: Error | undefined) => {
      const unknown = unknownOptionWithoutCommand(argv, knownOptions(parser).names);
      throw new UsageError(unknown ?? message ?? error?.message ?? 'invalid arguments');
    });
  for (const command of COMMANDS) {
    parser = parser.command(
      command.command,
      command.describe,
      // Every command: a flag that takes one value, given twice, is a usage error (not its last value silently).
      (y: Argv) => singleValued((command.examples ?? []).reduce((b, [line, meaning]) => b.example(line, meaning), command.builder(y))),
      async (args) => setExit(await command.run(args as never, io)),
    );
  }
  return parser;
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and answers the exit code. Never throws: a usage error is
 * one line on standard error (exit 2); an unexpected exception is a dsim bug (exit 3) and says so in one line.
 */
export async function runCli(argv: readonly string[], terminal: CliIo): Promise<ExitCode> {
  const io = withErrorRecord({ ...terminal, colour: terminal.colour ?? colourWanted(argv, {}, false) });
  const code = await runParsed(argv, io);
  // With --json, a failure that printed no JSON of its own still answers one JSON document on standard output.
  if (jsonWanted(argv) && !io.wroteOut && io.errors.length > 0) {
    printJson(terminal, { error: io.errors[0], ...(io.errors.length > 1 ? { errors: io.errors } : {}), exitCode: code });
  }
  return code;
}

async function runParsed(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = ExitCode.Ok;
  try {
    // yargs drops a bare `-`; a file argument of `-` means standard input (formats/read-text.ts).
    const args = argv.map((a) => (a === '-' ? STDIN_ARG : a));
    await buildParser(args, io, (c) => (code = c)).parseAsync();
    return code;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`error: ${oneLine(error.message)} (see dsim --help)`);
      return ExitCode.Usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`internal error: ${oneLine(message)} (this is a bug in dsim; please report it with the command line)`);
    return ExitCode.Internal;
  }
}

/** True when the command line asks for JSON (the last of --json / --no-json wins). */
function jsonWanted(argv: readonly string[]): boolean {
  return lastSwitch(argv, ['--json', '--json=true'], ['--no-json', '--json=false']) ?? false;
}

/** `io`, recording whether anything reached standard output and every `error: ` line written to standard error. */
function withErrorRecord(io: CliIo): CliIo & { readonly errors: string[]; readonly wroteOut: boolean } {
  const errors: string[] = [];
  let wroteOut = false;
  return {
    interactive: io.interactive,
    ...(io.colour === undefined ? {} : { colour: io.colour }),
    ...(io.status === undefined ? {} : { status: (text: string) => io.status?.(text) }),
    errors,
    get wroteOut() {
      return wroteOut;
    },
    out: (text) => {
      wroteOut = true;
      io.out(text);
    },
    err: (text) => {
      const error = /^(?:internal )?error: (.*)$/s.exec(text.replace(/\n$/, ''));
      if (error !== null) errors.push(error[1]!);
      io.err(text);
    },
  };
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, '; ').trim();
}
