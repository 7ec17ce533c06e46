/**
 * The atoms of JavaScript regex syntax (Annex B, no `u` flag) respelt for RE2: escapes, literal characters and the
 * members of character classes. Used by `regex-re2-syntax.ts`.
 */

/** A translated piece of a regex and the most `\n` one match of it consumes. */
export interface Piece {
  readonly re2: string;
  readonly newlines: number;
}

/** A member of a character class: one character or a range (`code`..`high`), or a set such as `\d` (`set`). */
export interface ClassItem {
  readonly code?: number;
  readonly high?: number;
  readonly set?: string;
  /** The set holds `\n`. */
  readonly newline?: boolean;
}

/** What the translation to RE2 refuses, as a phrase: `uses a lookahead (?=...)`. */
export class Re2SyntaxError extends Error {}

/** JavaScript's `\s` and its complement, as RE2 class contents. */
const JS_SPACE = String.raw`\t\n\x0b\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`;
const JS_NON_SPACE =
  String.raw`\x00-\x08\x0e-\x1f\x21-\x{9f}\x{a1}-\x{167f}\x{1681}-\x{1fff}\x{200b}-\x{2027}\x{202a}-\x{202e}` +
  String.raw`\x{2030}-\x{205e}\x{2060}-\x{2fff}\x{3001}-\x{fefe}\x{ff00}-\x{10ffff}`;
const SETS: Record<string, ClassItem> = {
  d: { set: String.raw`\d` },
  D: { set: String.raw`\D`, newline: true },
  w: { set: String.raw`\w` },
  W: { set: String.raw`\W`, newline: true },
  s: { set: JS_SPACE, newline: true },
  S: { set: JS_NON_SPACE },
};
const CONTROL: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11 };

/** The capturing groups of a regex: how many, and whether any is named (Annex B reads `\\2` and `\\k` by them). */
export interface GroupCount {
  readonly capturing: number;
  readonly named: boolean;
}

/** One character as RE2 reads it literally, inside or outside a class. */
export function literal(code: number): string {
  const c = String.fromCodePoint(code);
  return /[A-Za-z0-9]/.test(c) ? c : `\\x{${code.toString(16)}}`;
}

/** The character a one-character escape stands for (`\n`, `\x41`, `\u0041`, `\cJ`, `\0`), and where it ends. */
function characterEscape(js: string, at: number, inClass: boolean): { code: number; next: number } | undefined {
  const c = js[at]!;
  if (CONTROL[c] !== undefined) return { code: CONTROL[c], next: at + 1 };
  const hex = c === 'x' ? /^[0-9a-fA-F]{2}/.exec(js.slice(at + 1, at + 3)) : c === 'u' ? /^[0-9a-fA-F]{4}/.exec(js.slice(at + 1, at + 5)) : null;
  if (hex !== null) return { code: parseInt(hex[0], 16), next: at + 1 + hex[0].length };
  const control = inClass ? /^[A-Za-z0-9_]/ : /^[A-Za-z]/;
  if (c === 'c' && control.test(js[at + 1] ?? '')) return { code: js.charCodeAt(at + 1) % 32, next: at + 2 };
  const octal = inClass || /[0-7]/.test(c) ? /^[0-3][0-7]{0,2}|^[4-7][0-7]?/.exec(js.slice(at, at + 3)) : null;
  if (octal !== null) return { code: parseInt(octal[0], 8), next: at + octal[0].length };
  return undefined;
}

/** The escape at `js[at]` (just after the backslash), outside a class. */
export function escapeAtom(js: string, at: number, groups: GroupCount): { piece: Piece; next: number } {
  const c = js[at]!;
  if ('bB'.includes(c)) return { piece: { re2: `\\${c}`, newlines: 0 }, next: at + 1 };
  const set = SETS[c];
  if (set !== undefined) {
    const re2 = set.set!.length === 2 ? set.set! : `[${set.set}]`;
    return { piece: { re2, newlines: set.newline === true ? 1 : 0 }, next: at + 1 };
  }
  const decimal = /^[1-9]\d*/.exec(js.slice(at, at + 8))?.[0];
  if (decimal !== undefined && Number(decimal) <= groups.capturing) throw new Re2SyntaxError(`uses a backreference (\\${decimal})`);
  if (c === 'k' && groups.named) throw new Re2SyntaxError('uses a backreference (\\k<...>)');
  if (c === 'c' && !/[A-Za-z]/.test(js[at + 1] ?? '')) return { piece: { re2: literal(92), newlines: 0 }, next: at };
  const escaped = characterEscape(js, at, false) ?? { code: js.codePointAt(at)!, next: at + (js.codePointAt(at)! > 0xffff ? 2 : 1) };
  return { piece: { re2: literal(escaped.code), newlines: escaped.code === 10 ? 1 : 0 }, next: escaped.next };
}

/** One member of a class at `js[at]`: a character, an escape or a set. */
export function classAtom(js: string, at: number): { item: ClassItem; next: number } {
  if (js[at] !== '\\') {
    const code = js.codePointAt(at)!;
    return { item: { code }, next: at + (code > 0xffff ? 2 : 1) };
  }
  const c = js[at + 1]!;
  if (c === 'b') return { item: { code: 8 }, next: at + 2 };
  if (SETS[c] !== undefined) return { item: SETS[c], next: at + 2 };
  if (c === 'c' && !/[A-Za-z0-9_]/.test(js[at + 2] ?? '')) return { item: { code: 92 }, next: at + 1 };
  const escaped = characterEscape(js, at + 1, true);
  if (escaped !== undefined) return { item: { code: escaped.code }, next: escaped.next };
  const code = js.codePointAt(at + 1)!;
  return { item: { code }, next: at + 1 + (code > 0xffff ? 2 : 1) };
}

/** Whether the members hold `\n` (before any negation). */
export function classNewline(items: readonly ClassItem[]): boolean {
  return items.some((i) => i.newline === true || (i.code !== undefined && i.code <= 10 && (i.high ?? i.code) >= 10));
}

/** The class in RE2 syntax; JavaScript's `[]` (nothing) and `[^]` (anything) included. */
export function classText(items: readonly ClassItem[], negated: boolean): string {
  const body = items
    .map((i) => i.set ?? (i.high === undefined ? literal(i.code!) : `${literal(i.code!)}-${literal(i.high)}`))
    .join('');
  if (body === '') return negated ? String.raw`[\x00-\x{10ffff}]` : String.raw`[^\x00-\x{10ffff}]`;
  return `[${negated ? '^' : ''}${body}]`;
}
