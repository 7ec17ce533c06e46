/**
 * Signals during `dsim fuzz`, so that nothing found is lost. A first SIGINT (Ctrl-C) stops handing out seeds; the
 * failures found are still written and shrunk. SIGTERM (what Kubernetes and CI send), SIGHUP and a second SIGINT
 * stop at once: a shrink under way stops, keeping its best run so far, the summary and every repro found are
 * written, and the command exits with the signal's code (128 + its number: 143, 129, 130). Each signal received is
 * one line on standard error saying what happens.
 */
import { constants } from 'node:os';
import type { ExitCode } from './exit.js';
import type { CliIo } from './io.js';

/** The signals a campaign answers. */
export const FUZZ_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type FuzzSignal = (typeof FUZZ_SIGNALS)[number];

/** The signal handlers of one campaign: `stop` and `halt` for `fuzz()`, and the signal that halted it, if any. */
export interface FuzzSignals {
  readonly stop: AbortSignal;
  readonly halt: AbortSignal;
  /** The signal that halted the campaign (its exit code is `signalExitCode` of it), else undefined. */
  halted(): FuzzSignal | undefined;
  /** Removes the handlers. */
  dispose(): void;
}

/** The exit code of a process stopped by `signal`: 128 + the signal's number, as a shell reports it. */
export function signalExitCode(signal: FuzzSignal): ExitCode {
  // ExitCode lists the codes of a command's verdict; a signal's code is outside it on purpose.
  return (128 + constants.signals[signal]) as ExitCode;
}

/** Installs the handlers of `FUZZ_SIGNALS` for one campaign. */
export function watchFuzzSignals(io: CliIo, outDir: string): FuzzSignals {
  const stop = new AbortController();
  const halt = new AbortController();
  let halting: FuzzSignal | undefined;
  const handlers = FUZZ_SIGNALS.map((signal) => {
    const handler = () => {
      if (halting !== undefined) {
        io.err(`dsim: ${signal}: already stopping; writing the summary and the repros found to ${outDir}`);
      } else if (signal === 'SIGINT' && !stop.signal.aborted) {
        stop.abort();
        io.err(`dsim: SIGINT: no more seeds are handed out; the failures found are written to ${outDir}, then shrunk (Ctrl-C again stops the shrinks, keeping what is written)`);
      } else {
        halting = signal;
        stop.abort();
        halt.abort();
        io.err(`dsim: ${signal}: stopping now; the summary and every repro found (unshrunk, or as far as its shrink got) are written to ${outDir}, then exit ${signalExitCode(signal)}`);
      }
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return {
    stop: stop.signal,
    halt: halt.signal,
    halted: () => halting,
    dispose: () => {
      for (const [signal, handler] of handlers) process.removeListener(signal, handler);
    },
  };
}
