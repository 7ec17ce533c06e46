/**
 * The text form of (interval-constrained) sequences for the CLI: `φ1 ; [θ2] φ2 ; ... ; [θk+1]`. Steps are separated
 * by `;` outside quotes, parentheses and brackets; a step may open with a guard in brackets (θ must not hold between
 * the previous step's global state and this one's); a last part that is only a guard constrains the tail.
 */
import { fail, succeed, type Failable } from '../execution/failable.js';
import type { Execution } from '../execution/types.js';
import type { CutPredicate } from './predicate-types.js';
import { compilePredicate } from './predicate/compile.js';
import { SEQUENCE_STEPS_MAX, type SequenceStep } from './temporal/sequence.js';

export interface ParsedSequence {
  readonly steps: readonly SequenceStep[];
  readonly tailGuard?: CutPredicate;
}

interface Part {
  readonly text: string;
  /** 0-based offset of `text` in the whole sequence. */
  readonly offset: number;
}

/** Compiles a sequence's text against an execution; errors name the column in the whole sequence. */
export function compileSequence(text: string, exec: Execution, source = 'sequence'): Failable<ParsedSequence> {
  const parts = splitTopLevel(text, source);
  if (!parts.ok) return parts;
  const steps: SequenceStep[] = [];
  let tailGuard: CutPredicate | undefined;
  for (const [i, part] of parts.value.entries()) {
    const last = i === parts.value.length - 1;
    const guardMatch = /^(\s*)\[/.exec(part.text);
    let guard: CutPredicate | undefined;
    let rest = part;
    if (guardMatch !== null) {
      const open = part.offset + guardMatch[1]!.length;
      const close = matchingBracket(text, open);
      if (close < 0) return fail({ source, column: open + 1, message: "this '[' has no matching ']'" });
      const compiled = compileAt(text.slice(open + 1, close), open + 1, exec, source);
      if (!compiled.ok) return compiled;
      guard = compiled.value;
      rest = { text: text.slice(close + 1, part.offset + part.text.length), offset: close + 1 };
    }
    if (rest.text.trim() === '') {
      if (last && guard !== undefined && steps.length > 0) {
        tailGuard = guard;
        continue;
      }
      return fail({ source, column: part.offset + 1, message: `step ${i + 1} has no predicate; expected a predicate after ';' or ']'` });
    }
    const phi = compileAt(rest.text, rest.offset, exec, source);
    if (!phi.ok) return phi;
    steps.push(guard === undefined ? { phi: phi.value } : { guard, phi: phi.value });
  }
  if (steps.length > SEQUENCE_STEPS_MAX) {
    return fail({ source, message: `a sequence has at most ${SEQUENCE_STEPS_MAX} steps, this one has ${steps.length}` });
  }
  return succeed(tailGuard === undefined ? { steps } : { steps, tailGuard });
}

function compileAt(text: string, offset: number, exec: Execution, source: string): Failable<CutPredicate> {
  const compiled = compilePredicate(text, exec);
  if (compiled.ok) return compiled;
  const e = compiled.error;
  return fail({ ...e, source, ...(e.column === undefined ? {} : { column: e.column + offset }) });
}

/** Splits at `;` outside quotes, parentheses and brackets. */
function splitTopLevel(text: string, source: string): Failable<Part[]> {
  const parts: Part[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ';' && depth === 0) {
      parts.push({ text: text.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  if (quote !== null) return fail({ source, message: `a string opened with ${quote} is never closed` });
  parts.push({ text: text.slice(start), offset: start });
  return succeed(parts);
}

/** Index of the `]` matching the `[` at `open`, or -1. */
function matchingBracket(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}
