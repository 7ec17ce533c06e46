/**
 * A reader of EDN (extensible data notation, the text Clojure programs such as Jepsen write): nil, booleans,
 * numbers, strings, characters, keywords, symbols, lists `(...)`, vectors `[...]`, maps `{...}`, sets `#{...}`,
 * tagged literals `#tag value` (kept with their tag; callers decide what to do with them), `#_` discards, `;`
 * comments and commas as whitespace. Every value knows the line and column it starts at, so a caller can name where
 * a malformed history goes wrong.
 *
 * Bounded: nesting deeper than `depthMax` and more than `valuesMax` values are input errors, never a stack overflow
 * or an unbounded allocation. The reader is iterative over a value's items and recursive only in depth.
 */
import { fail, succeed, type Failable } from '../execution/failable.js';

/** Where a value starts (1-based). */
export interface EdnPosition {
  readonly line: number;
  readonly column: number;
}

export type EdnValue =
  | { readonly kind: 'nil'; readonly at: EdnPosition }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly at: EdnPosition }
  /** Integers and floats; `text` keeps the source, so an integer past 2^53 is still readable exactly. */
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly at: EdnPosition }
  | { readonly kind: 'string'; readonly value: string; readonly at: EdnPosition }
  | { readonly kind: 'char'; readonly value: string; readonly at: EdnPosition }
  /** `:name` or `:ns/name`; `name` is without the colon. */
  | { readonly kind: 'keyword'; readonly name: string; readonly at: EdnPosition }
  | { readonly kind: 'symbol'; readonly name: string; readonly at: EdnPosition }
  | { readonly kind: 'list' | 'vector' | 'set'; readonly items: readonly EdnValue[]; readonly at: EdnPosition }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [EdnValue, EdnValue])[]; readonly at: EdnPosition }
  | { readonly kind: 'tagged'; readonly tag: string; readonly value: EdnValue; readonly at: EdnPosition };

/** Bounds of one read. */
export interface EdnLimits {
  readonly depthMax: number;
  readonly valuesMax: number;
}

export const EDN_LIMITS_DEFAULT: EdnLimits = { depthMax: 200, valuesMax: 20_000_000 };

const DELIMITERS = new Set(['(', ')', '[', ']', '{', '}', '"', ';']);
const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', b: '\b', f: '\f' };
const NAMED_CHARS: Readonly<Record<string, string>> = { newline: '\n', space: ' ', tab: '\t', return: '\r', backspace: '\b', formfeed: '\f' };

/** Thrown inside the reader, turned into a `Failable` at its edge. */
class EdnError extends Error {
  constructor(
    message: string,
    readonly at: EdnPosition,
  ) {
    super(message);
  }
}

class Reader {
  private i = 0;
  private line = 1;
  private lineStart = 0;
  private values = 0;

  constructor(
    private readonly text: string,
    private readonly limits: EdnLimits,
  ) {}

  private here(): EdnPosition {
    return { line: this.line, column: this.i - this.lineStart + 1 };
  }

  /** Skips whitespace, commas and comments; true when a value (or a closer) follows. */
  skip(): boolean {
    const t = this.text;
    while (this.i < t.length) {
      const c = t[this.i]!;
      if (c === '\n') {
        this.i++;
        this.line++;
        this.lineStart = this.i;
      } else if (c === ' ' || c === ',' || c === '\t' || c === '\r') this.i++;
      else if (c === ';') {
        while (this.i < t.length && t[this.i] !== '\n') this.i++;
      } else return true;
    }
    return false;
  }

  /** Reads the next value at depth `depth`; the caller has checked that one follows. */
  value(depth: number): EdnValue {
    if (depth > this.limits.depthMax) throw new EdnError(`values nested deeper than ${this.limits.depthMax} levels`, this.here());
    if (++this.values > this.limits.valuesMax) throw new EdnError(`more than ${this.limits.valuesMax} values`, this.here());
    const at = this.here();
    const t = this.text;
    const c = t[this.i]!;
    if (c === '(' || c === '[' || c === '{') {
      this.i++;
      const items = this.items(CLOSERS[c]!, depth, at);
      if (c === '(') return { kind: 'list', items, at };
      if (c === '[') return { kind: 'vector', items, at };
      return { kind: 'map', entries: pairs(items, at), at };
    }
    if (c === ')' || c === ']' || c === '}') throw new EdnError(`unexpected \`${c}\` with nothing open`, at);
    if (c === '"') return { kind: 'string', value: this.string(at), at };
    if (c === '\\') return { kind: 'char', value: this.char(at), at };
    if (c === '#') return this.dispatch(depth, at);
    const token = this.token();
    return atom(token, at);
  }

  private items(close: string, depth: number, open: EdnPosition): EdnValue[] {
    const items: EdnValue[] = [];
    for (;;) {
      if (!this.skip()) throw new EdnError(`unterminated \`${openerOf(close)}\`: no \`${close}\` closes it before the end of the text`, open);
      const c = this.text[this.i]!;
      if (c === close) {
        this.i++;
        return items;
      }
      if (c === ')' || c === ']' || c === '}') throw new EdnError(`\`${c}\` closes \`${openerOf(close)}\` opened at line ${open.line}, column ${open.column}; expected \`${close}\``, this.here());
      const item = this.value(depth + 1);
      if (item !== DISCARDED) items.push(item);
    }
  }

  private dispatch(depth: number, at: EdnPosition): EdnValue {
    const next = this.text[this.i + 1];
    if (next === '{') {
      this.i += 2;
      return { kind: 'set', items: this.items('}', depth, at), at };
    }
    if (next === '_') {
      this.i += 2;
      if (!this.skip()) throw new EdnError('`#_` with no value to discard', at);
      this.value(depth + 1);
      return DISCARDED;
    }
    this.i++;
    const tag = this.token();
    if (!/^[A-Za-z]/.test(tag)) throw new EdnError(`\`#${tag}\` is not a tag (a tag is # followed by a symbol, as in #inst)`, at);
    if (!this.skip()) throw new EdnError(`the tag #${tag} has no value`, at);
    return { kind: 'tagged', tag, value: this.value(depth + 1), at };
  }

  private token(): string {
    const t = this.text;
    const start = this.i;
    while (this.i < t.length) {
      const c = t[this.i]!;
      if (c === ' ' || c === ',' || c === '\n' || c === '\t' || c === '\r' || DELIMITERS.has(c)) break;
      this.i++;
    }
    return t.slice(start, this.i);
  }

  private string(at: EdnPosition): string {
    const t = this.text;
    let out = '';
    for (this.i++; this.i < t.length; this.i++) {
      const c = t[this.i]!;
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c === '\n') {
        this.line++;
        this.lineStart = this.i + 1;
      }
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = t[++this.i];
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(this.i + 1, this.i + 5))) {
        out += String.fromCharCode(parseInt(t.slice(this.i + 1, this.i + 5), 16));
        this.i += 4;
        continue;
      }
      const mapped = e === undefined ? undefined : ESCAPES[e];
      if (mapped === undefined) throw new EdnError(`unknown escape \`\\${e ?? ''}\` in a string`, this.here());
      out += mapped;
    }
    throw new EdnError('unterminated string', at);
  }

  private char(at: EdnPosition): string {
    this.i++;
    const first = this.text[this.i];
    if (first === undefined) throw new EdnError('a `\\` character with nothing after it', at);
    this.i++;
    const rest = this.token();
    if (rest === '') return first;
    const name = first + rest;
    const named = NAMED_CHARS[name];
    if (named !== undefined) return named;
    if (/^u[0-9a-fA-F]{4}$/.test(name)) return String.fromCharCode(parseInt(name.slice(1), 16));
    throw new EdnError(`unknown character \`\\${name}\``, at);
  }
}

/** A `#_`-discarded value: never returned to a caller. */
const DISCARDED: EdnValue = { kind: 'nil', at: { line: 0, column: 0 } };

function openerOf(close: string): string {
  return close === ')' ? '(' : close === ']' ? '[' : '{';
}

function pairs(items: readonly EdnValue[], at: EdnPosition): (readonly [EdnValue, EdnValue])[] {
  if (items.length % 2 === 1) throw new EdnError(`the map opened at line ${at.line}, column ${at.column} has a key with no value`, items[items.length - 1]!.at);
  const out: (readonly [EdnValue, EdnValue])[] = [];
  for (let k = 0; k < items.length; k += 2) out.push([items[k]!, items[k + 1]!]);
  return out;
}

const INTEGER = /^[+-]?\d+N?$/;
const FLOAT = /^[+-]?\d+(\.\d*)?([eE][+-]?\d+)?M?$/;

function atom(token: string, at: EdnPosition): EdnValue {
  if (token === 'nil') return { kind: 'nil', at };
  if (token === 'true' || token === 'false') return { kind: 'boolean', value: token === 'true', at };
  if (INTEGER.test(token) || FLOAT.test(token)) return { kind: 'number', value: Number(token.replace(/[NM]$/, '')), text: token, at };
  if (/^[+-]?\d+\/\d+$/.test(token)) {
    const [n, d] = token.split('/').map(Number) as [number, number];
    return { kind: 'number', value: n / d, text: token, at };
  }
  if (token.startsWith(':')) {
    if (token.length === 1 || token.startsWith('::')) throw new EdnError(`\`${token}\` is not a keyword`, at);
    return { kind: 'keyword', name: token.slice(1), at };
  }
  if (/^[+-]?\d/.test(token)) throw new EdnError(`\`${token}\` is not a number`, at);
  return { kind: 'symbol', name: token, at };
}

/** Reads every top-level value of `text`, in order. */
export function readEdn(text: string, source: string, limits: EdnLimits = EDN_LIMITS_DEFAULT): Failable<EdnValue[]> {
  const reader = new Reader(text, limits);
  const out: EdnValue[] = [];
  try {
    while (reader.skip()) {
      const v = reader.value(0);
      if (v !== DISCARDED) out.push(v);
    }
  } catch (e) {
    if (!(e instanceof EdnError)) throw e;
    return fail({ source, line: e.at.line, column: e.at.column, message: e.message });
  }
  return succeed(out);
}

/** `:name` for a keyword, the text for anything else: how an EDN value is named in a message. */
export function ednText(v: EdnValue): string {
  switch (v.kind) {
    case 'nil':
      return 'nil';
    case 'boolean':
      return String(v.value);
    case 'number':
      return v.text;
    case 'string':
      return JSON.stringify(v.value);
    case 'char':
      return `\\${v.value}`;
    case 'keyword':
      return `:${v.name}`;
    case 'symbol':
      return v.name;
    case 'tagged':
      return `#${v.tag} ${ednText(v.value)}`;
    case 'map':
      return `{${v.entries.map(([k, x]) => `${ednText(k)} ${ednText(x)}`).join(', ')}}`;
    default: {
      const [open, close] = v.kind === 'list' ? ['(', ')'] : v.kind === 'vector' ? ['[', ']'] : ['#{', '}'];
      return `${open}${v.items.map(ednText).join(' ')}${close}`;
    }
  }
}
