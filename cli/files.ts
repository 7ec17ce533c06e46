import { fail, succeed, type Failable } from '../execution/failable.js';
import { writeFileAtomic } from '../formats/output-path.js';
import { readInputText } from '../formats/read-text.js';

/**
 * Writes a text file atomically (a temporary file beside it, renamed over it; its folder created); a failure is one
 * sentence naming the file and the flag. Check the path with `checkOutputFlags` (cli/output-paths.ts) before the
 * work that fills it.
 */
export function writeTextFile(path: string, text: string, flag: string): Failable<void> {
  try {
    writeFileAtomic(path, text);
    return succeed(undefined);
  } catch (e) {
    return fail({ source: `--${flag} ${path}`, message: `the file cannot be written (${errorCode(e)})` });
  }
}

/** Reads a text file, bounded (no device or directory, at most `INPUT_BYTES_MAX`, valid UTF-8; see `readInputText`). */
export function readTextFile(path: string): Failable<string> {
  return readInputText(path);
}

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}
