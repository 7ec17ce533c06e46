import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fail, succeed, type Failable } from '../execution/failable.js';

/** Writes a text file (creating its folder); a failure is one sentence naming the file and the flag. */
export function writeTextFile(path: string, text: string, flag: string): Failable<void> {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return succeed(undefined);
  } catch (e) {
    return fail({ source: `--${flag} ${path}`, message: `the file cannot be written (${errorCode(e)})` });
  }
}

/** Reads a text file; a failure is one sentence naming the file. */
export function readTextFile(path: string): Failable<string> {
  try {
    return succeed(readFileSync(path, 'utf8'));
  } catch (e) {
    return fail({ source: path, message: `the file cannot be read (${errorCode(e)})` });
  }
}

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}
