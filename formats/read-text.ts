/**
 * `readInputText`: reads an input file (a log, a trace, a schedule) as UTF-8 text, bounded: a directory, a device
 * (`/dev/zero`), a pipe or a file larger than `INPUT_BYTES_MAX` is refused before anything is read, and text that
 * is not valid UTF-8 is refused with the line and column of the first bad byte, never decoded into U+FFFD.
 * The path `-` (or `STDIN_ARG`, what the CLI passes for it) reads standard input instead, to the same bound.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import type { Failable } from '../execution/failable.js';
import { fail, succeed } from '../execution/failable.js';

/** Largest input file read, in bytes (256 MiB; JavaScript strings hold at most about 512 M characters). */
export const INPUT_BYTES_MAX = 256 * 1024 * 1024;

function kind(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'is a directory';
  if (stats.isCharacterDevice()) return 'is a character device';
  if (stats.isBlockDevice()) return 'is a block device';
  if (stats.isFIFO()) return 'is a pipe';
  if (stats.isSocket()) return 'is a socket';
  return 'is not a regular file';
}

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}

/**
 * What the CLI passes for a `-` argument (yargs drops a bare `-`, so cli/app.ts renames it before parsing): a file
 * argument that reads standard input.
 */
export const STDIN_ARG = '<standard input>';

/** True when a file argument names standard input (`-`). */
export function isStdin(path: string): boolean {
  return path === '-' || path === STDIN_ARG;
}

/** The name of a file argument in messages: `standard input` for `-`. */
export function inputName(path: string): string {
  return isStdin(path) ? 'standard input' : path;
}

/** Reads standard input to its end as UTF-8 text of at most `bytesMax` bytes. */
function readStdin(bytesMax: number): Failable<string> {
  const source = 'standard input';
  const chunks: Buffer[] = [];
  let length = 0;
  const chunk = Buffer.alloc(1 << 16);
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(0, chunk, 0, chunk.length, null);
      } catch (e) {
        if ((e as { code?: unknown }).code === 'EAGAIN') continue; // a non-blocking pipe with nothing yet
        if ((e as { code?: unknown }).code === 'EOF') break;
        throw e;
      }
      if (n === 0) break;
      length += n;
      if (length > bytesMax) return fail({ source, message: `more than ${bytesMax} bytes, the limit of an input` });
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
  } catch (e) {
    return fail({ source, message: `standard input cannot be read (${errorCode(e)})` });
  }
  return decodeUtf8(source, Buffer.concat(chunks, length));
}

/** Reads `path` as UTF-8 text of at most `bytesMax` bytes; every failure is one sentence naming the file. */
export function readInputText(path: string, bytesMax: number = INPUT_BYTES_MAX): Failable<string> {
  if (isStdin(path)) return readStdin(bytesMax);
  const refuse = (message: string) => fail<string>({ source: path, message });
  let fd: number | undefined;
  try {
    const before = kind(statSync(path)); // before opening: opening a pipe would wait for a writer
    if (before !== undefined) return refuse(`the file ${before}, expected a regular file`);
    fd = openSync(path, 'r');
    const stats = fstatSync(fd);
    const after = kind(stats);
    if (after !== undefined) return refuse(`the file ${after}, expected a regular file`);
    if (stats.size > bytesMax) return refuse(`the file has ${stats.size} bytes, more than the limit of ${bytesMax}`);
    const bytes = Buffer.alloc(stats.size);
    let length = 0;
    for (let n = -1; n !== 0 && length < bytes.length; length += n) n = readSync(fd, bytes, length, bytes.length - length, null);
    return decodeUtf8(path, bytes.subarray(0, length));
  } catch (e) {
    return refuse(`the file cannot be read (${errorCode(e)})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `bytes` as text, or an error at the line and column (in characters) of the first byte that is not UTF-8. */
export function decodeUtf8(source: string, bytes: Uint8Array): Failable<string> {
  try {
    return succeed(STRICT.decode(bytes));
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
    let line = 1;
    for (let i = bytes.indexOf(0x0a); i !== -1 && i < bad; i = bytes.indexOf(0x0a, i + 1)) line++;
    const column = STRICT.decode(bytes.subarray(lineStart, bad)).length + 1;
    const byte = `0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}`;
    return fail({ source, line, column, message: `the text is not valid UTF-8 (byte ${byte}), expected UTF-8 text` });
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (the input has one). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const [length, low, high] = b < 0x80 ? [1, 0, 0] : b < 0xc2 ? [0, 0, 0] : b < 0xe0 ? [2, 0x80, 0xbf]
      : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b < 0xf0 ? [3, 0x80, 0xbf]
      : b === 0xf0 ? [4, 0x90, 0xbf] : b < 0xf4 ? [4, 0x80, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (c === undefined || c < min || c > max) return i;
    }
    i += length;
  }
  return bytes.length;
}
