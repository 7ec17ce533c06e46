/**
 * Reading docs/writing-a-protocol.md the way its sync tests need: the code blocks marked
 * `<!-- include: path#region -->` (a copy of the code between `// #region name` and `// #endregion` in that file)
 * and `<!-- output: name -->` (a real message, checked by the test that produces it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root (two levels up from test/user-api). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GUIDE = 'docs/writing-a-protocol.md';

/** A fenced block that follows a marker comment. */
export interface MarkedBlock {
  readonly kind: 'include' | 'output';
  readonly target: string;
  readonly body: string;
}

/** Every marked block of a Markdown text, in order. */
export function markedBlocks(markdown: string): MarkedBlock[] {
  const re = /<!-- (include|output): (\S+) -->\n```[a-z]*\n([\s\S]*?)\n```/g;
  return [...markdown.matchAll(re)].map((m) => ({ kind: m[1] as 'include' | 'output', target: m[2]!, body: m[3]! }));
}

/** The code of a region of a file, with the region's common indentation removed. */
export function regionOf(text: string, name: string): string | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `// #region ${name}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && l.trim() === '// #endregion');
  const body = lines.slice(start + 1, end);
  const indent = Math.min(...body.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return body.map((l) => l.slice(indent)).join('\n');
}

/** Names of every region in a file. */
export function regionNames(text: string): string[] {
  return [...text.matchAll(/\/\/ #region (\S+)/g)].map((m) => m[1]!);
}

/** A repository file's text. */
export function readRepoFile(path: string): string {
  return readFileSync(`${ROOT}${path}`, 'utf8');
}
