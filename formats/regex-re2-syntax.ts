/**
 * JavaScript regular expression syntax (as ShiViz's parser regexes are written: flag `m`, no `u`) respelt in RE2's,
 * so that the linear-time engine matches what JavaScript matches: `.` and `\s` keep JavaScript's meaning, escapes
 * RE2 spells differently are respelt, and what only a backtracking engine can run (backreferences, lookaround) is
 * refused by name. The translation also bounds how many line breaks one match can span (see `newlinesMax`).
 */
import { classAtom, classNewline, classText, escapeAtom, literal, Re2SyntaxError } from './regex-re2-atoms.js';
import type { ClassItem, GroupCount, Piece } from './regex-re2-atoms.js';

/** A JavaScript regex in RE2 syntax. */
export interface Re2Translation {
  readonly source: string;
  /** Most `\n` one match can consume (`Infinity`: unbounded, e.g. `\s*` or `[^x]+`). */
  readonly newlinesMax: number;
}

/** Deepest group nesting accepted in a regex (RE2 itself refuses more than 1000). */
export const REGEX_NESTING_MAX = 200;

export { Re2SyntaxError } from './regex-re2-atoms.js';

const DOT = String.raw`[^\n\r\x{2028}\x{2029}]`;
const QUANTIFIER = /(?:[*+?]|\{(\d+)(,(\d*))?\})\??/y;

class Translator {
  private pos = 0;

  constructor(
    private readonly js: string,
    private readonly groups: GroupCount,
  ) {}

  translate(): Piece {
    const piece = this.alternation(0);
    if (this.pos < this.js.length) throw new Re2SyntaxError(`has an unmatched ')' at column ${this.pos + 1}`);
    return piece;
  }

  private alternation(depth: number): Piece {
    let { re2, newlines } = this.sequence(depth);
    while (this.js[this.pos] === '|') {
      this.pos++;
      const next = this.sequence(depth);
      re2 += `|${next.re2}`;
      newlines = Math.max(newlines, next.newlines);
    }
    return { re2, newlines };
  }

  private sequence(depth: number): Piece {
    let re2 = '';
    let newlines = 0;
    while (this.pos < this.js.length && this.js[this.pos] !== '|' && this.js[this.pos] !== ')') {
      const atom = this.atom(depth);
      QUANTIFIER.lastIndex = this.pos;
      const quantifier = QUANTIFIER.exec(this.js);
      let times = 1;
      if (quantifier !== null) {
        this.pos += quantifier[0].length;
        const max = quantifier[2] === undefined ? quantifier[1] : quantifier[3];
        times = quantifier[0][0] === '?' ? 1 : max === undefined || max === '' ? Infinity : Number(max);
      }
      re2 += atom.re2 + (quantifier?.[0] ?? '');
      newlines += atom.newlines === 0 || times === 0 ? 0 : atom.newlines * times;
    }
    return { re2, newlines };
  }

  private atom(depth: number): Piece {
    const c = this.js[this.pos]!;
    this.pos++;
    if (c === '(') return this.group(depth);
    if (c === '[') return this.characterClass();
    if (c === '\\') {
      const escaped = escapeAtom(this.js, this.pos, this.groups);
      this.pos = escaped.next;
      return escaped.piece;
    }
    if (c === '.') return { re2: DOT, newlines: 0 };
    if (c === '^' || c === '$') return { re2: c, newlines: 0 };
    return { re2: literal(c.codePointAt(0)!), newlines: c === '\n' ? 1 : 0 };
  }

  private group(depth: number): Piece {
    if (depth + 1 > REGEX_NESTING_MAX) throw new Re2SyntaxError(`nests groups more than ${REGEX_NESTING_MAX} deep`);
    const head = this.js.slice(this.pos, this.pos + 3);
    let open = '(';
    if (head.startsWith('?=') || head.startsWith('?!')) throw new Re2SyntaxError(`uses a lookahead (${head.slice(0, 2)}...)`);
    if (head === '?<=' || head === '?<!') throw new Re2SyntaxError(`uses a lookbehind (${head}...)`);
    if (head.startsWith('?:')) {
      open = '(?:';
      this.pos += 2;
    } else if (head.startsWith('?<')) {
      const close = this.js.indexOf('>', this.pos);
      open = `(?P<${this.js.slice(this.pos + 2, close)}>`;
      this.pos = close + 1;
    }
    const inner = this.alternation(depth + 1);
    if (this.js[this.pos] !== ')') throw new Re2SyntaxError(`leaves a '(' open`);
    this.pos++;
    return { re2: `${open}${inner.re2})`, newlines: inner.newlines };
  }

  private characterClass(): Piece {
    const negated = this.js[this.pos] === '^';
    if (negated) this.pos++;
    const items: ClassItem[] = [];
    while (this.pos < this.js.length && this.js[this.pos] !== ']') {
      const low = classAtom(this.js, this.pos);
      this.pos = low.next;
      if (low.item.code !== undefined && this.js[this.pos] === '-' && this.js[this.pos + 1] !== ']') {
        const high = classAtom(this.js, this.pos + 1);
        if (high.item.code !== undefined) {
          this.pos = high.next;
          items.push({ ...low.item, high: high.item.code });
          continue;
        }
      }
      items.push(low.item);
    }
    this.pos++; // the closing ']'
    const matchesNewline = classNewline(items) !== negated;
    return { re2: classText(items, negated), newlines: matchesNewline ? 1 : 0 };
  }
}

/** Counts the capturing groups: each `(` outside a class and not escaped, but for `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`. */
function countGroups(js: string): GroupCount {
  let capturing = 0;
  let named = false;
  let inClass = false;
  for (let i = 0; i < js.length; i++) {
    const c = js[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && (js[i + 1] !== '?' || (js[i + 2] === '<' && !'=!'.includes(js[i + 3]!)))) {
      capturing++;
      named ||= js[i + 1] === '?';
    }
  }
  return { capturing, named };
}

/**
 * Translates a JavaScript regex (already known to be valid JavaScript) to RE2 syntax; throws `Re2SyntaxError`, a
 * phrase naming the construct, for what RE2 cannot run.
 */
export function toRe2Syntax(js: string): Re2Translation {
  const piece = new Translator(js, countGroups(js)).translate();
  return { source: piece.re2, newlinesMax: piece.newlines };
}
