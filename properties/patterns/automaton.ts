import type { PatternAst } from './label-pattern.js';

/**
 * The position (Glushkov) automaton of a label pattern: no ε-moves, one state per label occurrence plus the
 * initial state 0. Entering state p requires the event's label to match p's symbol. State sets are bit sets of
 * `words` 32-bit words.
 */
export interface LabelAutomaton {
  readonly stateCount: number;
  readonly words: number;
  /** `follow[s * words ..]`: the states reachable from s by one labelled event (before the label test). */
  readonly follow: Uint32Array;
  readonly accepting: Uint32Array;
  /** The states a label may enter: the positions of that label and of every `.`. */
  readonly entered: (label: string) => Uint32Array;
}

interface Summary {
  readonly nullable: boolean;
  readonly first: readonly number[];
  readonly last: readonly number[];
}

/** Builds the position automaton of a pattern. */
export function buildAutomaton(ast: PatternAst): LabelAutomaton {
  const symbols: (string | null)[] = [null]; // state 0 is initial; null elsewhere means '.'
  const follows: Set<number>[] = [new Set()];
  const link = (from: readonly number[], to: readonly number[]): void => {
    for (const a of from) for (const b of to) follows[a]!.add(b);
  };
  const visit = (node: PatternAst): Summary => {
    switch (node.kind) {
      case 'label':
      case 'any': {
        const p = symbols.length;
        symbols.push(node.kind === 'label' ? node.name : null);
        follows.push(new Set());
        return { nullable: false, first: [p], last: [p] };
      }
      case 'concat':
        return node.parts.map(visit).reduce((a, b) => {
          link(a.last, b.first);
          return {
            nullable: a.nullable && b.nullable,
            first: a.nullable ? [...a.first, ...b.first] : a.first,
            last: b.nullable ? [...a.last, ...b.last] : b.last,
          };
        });
      case 'alt': {
        const parts = node.options.map(visit);
        return {
          nullable: parts.some((p) => p.nullable),
          first: parts.flatMap((p) => p.first),
          last: parts.flatMap((p) => p.last),
        };
      }
      case 'repeat': {
        const inner = visit(node.operand);
        if (node.op !== '?') link(inner.last, inner.first);
        return { ...inner, nullable: inner.nullable || node.op !== '+' };
      }
    }
  };
  const top = visit(ast);
  link([0], top.first);
  const stateCount = symbols.length;
  const words = Math.ceil(stateCount / 32);
  const set = (states: Iterable<number>): Uint32Array => {
    const bits = new Uint32Array(words);
    for (const s of states) bits[s >>> 5]! |= 1 << (s & 31);
    return bits;
  };
  const follow = new Uint32Array(stateCount * words);
  follows.forEach((targets, s) => follow.set(set(targets), s * words));
  const accepting = set(top.nullable ? [0, ...top.last] : top.last);
  const wildcard = set(symbols.flatMap((sym, p) => (p > 0 && sym === null ? [p] : [])));
  const byLabel = new Map<string, Uint32Array>();
  symbols.forEach((sym, p) => {
    if (sym === null) return;
    const bits = byLabel.get(sym) ?? wildcard.slice();
    bits[p >>> 5]! |= 1 << (p & 31);
    byLabel.set(sym, bits);
  });
  return { stateCount, words, follow, accepting, entered: (label) => byLabel.get(label) ?? wildcard };
}
