/** Where a command writes: standard output for results, standard error for the one-line error of a failure. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when standard error is a terminal (progress bars are drawn only then). */
  readonly interactive: boolean;
  /** True when verdicts are coloured (cli/style.ts decides it from the flags, the environment and the terminal). */
  readonly colour?: boolean;
  /** Shows a transient status line on the terminal, replacing the last one; `''` clears it. Only when interactive. */
  status?(text: string): void;
}

/** The real terminal. */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
  status: (text) => process.stderr.write(`\r\u001b[K${text}`),
};

/** Collects output in memory: for tests and for callers that want the text. */
export function bufferIo(): CliIo & { readonly stdout: string[]; readonly stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    interactive: false,
    out: (text) => stdout.push(text.replace(/\n$/, '')),
    err: (text) => stderr.push(text.replace(/\n$/, '')),
  };
}
