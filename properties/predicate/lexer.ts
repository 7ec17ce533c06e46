import { fail, succeed, type Failable } from '../../execution/failable.js';

/** Token kinds of the predicate language. */
export type TokenKind = 'identifier' | 'number' | 'string' | 'operator' | 'end';

/** One token, with its 1-based column (UTF-16 code units). */
export interface Token {
  readonly kind: TokenKind;
  /** Identifier name, operator text, string contents (unescaped) or number text. */
  readonly text: string;
  readonly column: number;
}

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '+', '-', '*', '/', '!', '(', ')', ',', '.', ':'];
const MISTAKES: Readonly<Record<string, string>> = {
  '=': "'=' is not an operator; did you mean '=='?",
  '&': "'&' is not an operator; did you mean '&&'?",
  '|': "'|' is not an operator; did you mean '||'?",
};

function isIdentifierStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$';
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** Reads a number at `i`: digits, an optional fraction, an optional exponent. Returns its end. */
function numberEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isDigit(text[j]!)) j++;
  if (text[j] === '.' && isDigit(text[j + 1] ?? '')) {
    j++;
    while (j < text.length && isDigit(text[j]!)) j++;
  }
  if (text[j] === 'e' || text[j] === 'E') {
    let k = j + 1;
    if (text[k] === '+' || text[k] === '-') k++;
    if (isDigit(text[k] ?? '')) {
      while (k < text.length && isDigit(text[k]!)) k++;
      j = k;
    }
  }
  return j;
}

/** Splits predicate text into tokens, ending with an `end` token; fails on a character that starts no token. */
export function tokenize(text: string): Failable<readonly Token[]> {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const column = i + 1;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (isIdentifierStart(c)) {
      let j = i + 1;
      while (j < text.length && (isIdentifierStart(text[j]!) || isDigit(text[j]!))) j++;
      tokens.push({ kind: 'identifier', text: text.slice(i, j), column });
      i = j;
    } else if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      const end = numberEnd(text, i);
      tokens.push({ kind: 'number', text: text.slice(i, end), column });
      i = end;
    } else if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\' && j + 1 < text.length) {
          const e = text[j + 1]!;
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e;
          j += 2;
        } else {
          value += text[j];
          j++;
        }
      }
      if (j >= text.length) {
        return fail({ source: 'predicate', column, message: `the string starting here has no closing ${c}` });
      }
      tokens.push({ kind: 'string', text: value, column });
      i = j + 1;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op === undefined) {
        const message = MISTAKES[c] ?? `unexpected character '${c}'`;
        return fail({ source: 'predicate', column, message });
      }
      tokens.push({ kind: 'operator', text: op, column });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', text: '', column: text.length + 1 });
  return succeed(tokens);
}
