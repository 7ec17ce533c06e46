import { fail, succeed, type Failable, type InputError } from '../../execution/failable.js';

/**
 * A regular expression over event labels. Syntax (docs/predicate-language.md, "Causal patterns"):
 * labels are runs of letters, digits and `_ - : @ # $ /`, or quoted with ' or "; `.` is any label; concatenation
 * by juxtaposition or `;`; `|` alternation (lowest); postfix `*`, `+`, `?`; parentheses.
 */
export type PatternAst =
  | { readonly kind: 'label'; readonly name: string; readonly column: number }
  | { readonly kind: 'any'; readonly column: number }
  | { readonly kind: 'concat'; readonly parts: readonly PatternAst[] }
  | { readonly kind: 'alt'; readonly options: readonly PatternAst[] }
  | { readonly kind: 'repeat'; readonly op: '*' | '+' | '?'; readonly operand: PatternAst };

/**
 * Deepest a pattern may nest (parentheses, and postfix operators stacked on one atom such as `a**`); walking a
 * deeper tree when building the automaton could exhaust the call stack.
 */
export const PATTERN_DEPTH_MAX = 256;

interface Token {
  readonly kind: 'label' | 'punct' | 'end';
  readonly text: string;
  readonly column: number;
}

const PUNCTUATION = '|;*+?().';
const isLabelChar = (c: string): boolean => /[A-Za-z0-9_\-:@#$/]/.test(c);

class PatternFailure {
  constructor(readonly error: InputError) {}
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const stop = (column: number, message: string): never => {
    throw new PatternFailure({ source: 'pattern', column, message });
  };
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (PUNCTUATION.includes(c)) {
      tokens.push({ kind: 'punct', text: c, column: i + 1 });
      i++;
    } else if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) stop(i + 1, `the label starting here has no closing ${c}`);
      tokens.push({ kind: 'label', text: text.slice(i + 1, close), column: i + 1 });
      i = close + 1;
    } else if (isLabelChar(c)) {
      let j = i + 1;
      while (j < text.length && isLabelChar(text[j]!)) j++;
      tokens.push({ kind: 'label', text: text.slice(i, j), column: i + 1 });
      i = j;
    } else {
      stop(i + 1, `unexpected character '${c}'`);
    }
  }
  tokens.push({ kind: 'end', text: '', column: text.length + 1 });
  return tokens;
}

/** Parses a label pattern; a syntax error comes back with its column (source `pattern`). */
export function parseLabelPattern(text: string): Failable<PatternAst> {
  try {
    const tokens = tokenize(text);
    let at = 0;
    const peek = (): Token => tokens[at]!;
    const isPunct = (t: Token, p: string): boolean => t.kind === 'punct' && t.text === p;
    const describe = (t: Token): string => (t.kind === 'end' ? 'the end' : `'${t.text}'`);
    const stop = (t: Token, message: string): never => {
      throw new PatternFailure({ source: 'pattern', column: t.column, message });
    };
    const startsAtom = (t: Token): boolean => t.kind === 'label' || isPunct(t, '.') || isPunct(t, '(');
    let nesting = 0;
    const tooDeep = (t: Token): never =>
      stop(t, `the pattern nests more than ${PATTERN_DEPTH_MAX} levels deep (PATTERN_DEPTH_MAX; each '(' and each stacked '*', '+' or '?' is a level)`);

    const alternation = (): PatternAst => {
      const options = [sequence()];
      while (isPunct(peek(), '|')) {
        at++;
        options.push(sequence());
      }
      return options.length === 1 ? options[0]! : { kind: 'alt', options };
    };
    const sequence = (): PatternAst => {
      const parts = [postfix()];
      for (;;) {
        if (isPunct(peek(), ';')) at++;
        else if (!startsAtom(peek())) break;
        parts.push(postfix());
      }
      return parts.length === 1 ? parts[0]! : { kind: 'concat', parts };
    };
    const postfix = (): PatternAst => {
      let node = atom();
      for (let stacked = 1; isPunct(peek(), '*') || isPunct(peek(), '+') || isPunct(peek(), '?'); stacked++) {
        if (nesting + stacked > PATTERN_DEPTH_MAX) tooDeep(peek());
        node = { kind: 'repeat', op: tokens[at++]!.text as '*' | '+' | '?', operand: node };
      }
      return node;
    };
    const atom = (): PatternAst => {
      const t = peek();
      const previous = at > 0 ? `after '${tokens[at - 1]!.text}'` : 'at the start';
      if (t.kind === 'label') {
        at++;
        return { kind: 'label', name: t.text, column: t.column };
      }
      if (isPunct(t, '.')) {
        at++;
        return { kind: 'any', column: t.column };
      }
      if (isPunct(t, '(')) {
        at++;
        if (++nesting > PATTERN_DEPTH_MAX) tooDeep(t);
        const inner = alternation();
        nesting--;
        if (!isPunct(peek(), ')')) stop(peek(), `expected ')' to close '(' at column ${t.column}, found ${describe(peek())}`);
        at++;
        return inner;
      }
      if (t.kind === 'end' && at === 0) return stop(t, 'the pattern is empty');
      return stop(t, `expected a label, '.' or '(' ${previous}, found ${describe(t)}`);
    };

    const ast = alternation();
    if (peek().kind !== 'end') stop(peek(), `unexpected ${describe(peek())}`);
    return succeed(ast);
  } catch (e) {
    if (e instanceof PatternFailure) return fail(e.error);
    throw e;
  }
}
