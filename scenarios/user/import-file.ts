/**
 * Importing a user's file (config or scenario module, TypeScript or JavaScript) without a build step, through jiti:
 * a pure-JavaScript loader (no native binary, no process-wide loader hooks, so it works the same on the main
 * thread, in fuzz worker threads and inside vitest), with a file cache that makes a warm load take milliseconds.
 * The user's `import … from 'dsim'` resolves to the dsim that is running (one copy, whatever the file's own
 * node_modules hold). Every failure comes back as one sentence naming the file, and the line and column where
 * the loader or the thrown error gives them.
 */
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { fail, succeed, type Failable } from '../../execution/failable.js';

type Jiti = { import(id: string): Promise<unknown> };
let loader: Promise<Jiti> | undefined;

async function makeLoader(): Promise<Jiti> {
  const [{ createJiti }, dsim] = await Promise.all([import('jiti'), import('../../index.js')]);
  return createJiti(import.meta.url, { interopDefault: false, virtualModules: { dsim } });
}

/** A path as the user wrote it: relative to the working directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') ? rel : file;
}

/** Imports `file` (an absolute path) and answers its module namespace. */
export async function importUserFile(file: string): Promise<Failable<Record<string, unknown>>> {
  const shown = displayPath(file);
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    return fail({ source: shown, message: 'the file does not exist' });
  }
  if (!isFile) return fail({ source: shown, message: 'not a regular file' });
  try {
    loader ??= makeLoader();
    const namespace = await (await loader).import(file);
    return succeed((namespace ?? {}) as Record<string, unknown>);
  } catch (error) {
    return fail({ source: shown, message: loadErrorMessage(error) });
  }
}

/** One sentence for an error thrown while loading a user's file. */
export function loadErrorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const first = lines[0] ?? 'unknown error';
  // jiti's syntax errors: "ParseError: Unexpected token" then " /abs/file.ts:3:8".
  const parse = /^(?:ParseError|SyntaxError): (.*)$/.exec(first);
  if (parse !== null) {
    const where = lines.slice(1).find((l) => /:\d+:\d+$/.test(l));
    return `syntax error${where === undefined ? '' : ` at ${displayPath(where)}`}: ${parse[1]!.trim()}`;
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') return `an import cannot be found: ${first}`;
  const at = userFrame(error);
  return `loading it threw ${error instanceof Error ? error.name : 'an error'}${at === undefined ? '' : ` at ${at}`}: ${first}`;
}

/** The first stack frame in the user's own code (not in node_modules, not in node itself), as path:line:column. */
function userFrame(error: unknown): string | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  for (const line of stack.split('\n').slice(1)) {
    const m = /\(?((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?\s*$/.exec(line.trim());
    if (m === null || m[1]!.includes('/node_modules/')) continue;
    return `${displayPath(m[1]!.replace(/^file:\/\//, ''))}:${m[2]}:${m[3]}`;
  }
  return undefined;
}
