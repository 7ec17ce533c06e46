/**
 * Micro-operations from either source — EDN values read from a file (with positions) or dsim history values from a
 * simulated run (`["append", "x", 1]`, a leading colon allowed) — through one small tree, so both are checked by the
 * same rules: `[:append k v]` and `[:r k list-or-nil]` for list-append, `[:w k v]` and `[:r k value-or-nil]` for
 * rw-register; keys and values are integers, strings or keywords.
 */
import type { HistoryValue } from '../../execution/history.js';
import { ednText, type EdnPosition, type EdnValue } from '../../formats/edn.js';
import { atomText } from './graph.js';
import type { Atom, DataModel, MicroOp } from './types.js';

export type ValueNode =
  | { readonly kind: 'nil'; readonly at?: EdnPosition | undefined }
  | { readonly kind: 'atom'; readonly value: Atom; readonly at?: EdnPosition | undefined }
  | { readonly kind: 'seq'; readonly items: readonly ValueNode[]; readonly at?: EdnPosition | undefined }
  | { readonly kind: 'other'; readonly text: string; readonly at?: EdnPosition | undefined };

/** A problem with a value, and where it is. */
export interface ValueProblem {
  readonly message: string;
  readonly at?: EdnPosition | undefined;
}

export function nodeOfEdn(v: EdnValue): ValueNode {
  const at = v.at;
  if (v.kind === 'nil') return { kind: 'nil', at };
  if (v.kind === 'number' && Number.isSafeInteger(v.value)) return { kind: 'atom', value: v.value, at };
  if (v.kind === 'string') return { kind: 'atom', value: v.value, at };
  if (v.kind === 'keyword') return { kind: 'atom', value: `:${v.name}`, at };
  if (v.kind === 'vector' || v.kind === 'list') return { kind: 'seq', items: v.items.map(nodeOfEdn), at };
  return { kind: 'other', text: ednText(v).slice(0, 40), at };
}

export function nodeOfValue(v: HistoryValue): ValueNode {
  if (v === null) return { kind: 'nil' };
  if (Array.isArray(v)) return { kind: 'seq', items: v.map(nodeOfValue) };
  if (typeof v === 'number' && !Number.isSafeInteger(v)) return { kind: 'other', text: String(v) };
  return { kind: 'atom', value: v as Atom };
}

function text(n: ValueNode): string {
  if (n.kind === 'nil') return 'nil';
  if (n.kind === 'atom') return atomText(n.value);
  if (n.kind === 'other') return n.text;
  return `[${n.items.map(text).join(' ')}]`;
}

const SHAPES: Readonly<Record<DataModel, string>> = {
  'list-append': '[:append k v] or [:r k list-or-nil]',
  'rw-register': '[:w k v] or [:r k value-or-nil]',
};

function microOp(n: ValueNode, model: DataModel): MicroOp | ValueProblem {
  const bad = (why: string): ValueProblem => ({ message: `expected a micro-operation ${SHAPES[model]}, found \`${text(n)}\`${why}`, at: n.at });
  if (n.kind !== 'seq' || n.items.length !== 3) return bad('');
  const [fNode, keyNode, valueNode] = n.items as [ValueNode, ValueNode, ValueNode];
  const f = fNode.kind === 'atom' && typeof fNode.value === 'string' ? fNode.value.replace(/^:/, '') : undefined;
  const write = model === 'list-append' ? 'append' : 'w';
  if (f !== write && f !== 'r') return bad(` (a ${model} history has no \`${text(fNode)}\`)`);
  if (keyNode.kind !== 'atom') return { message: `expected the key of \`${text(n)}\` to be an integer, a string or a keyword`, at: keyNode.at ?? n.at };
  const key = keyNode.value;
  if (f !== 'r') {
    if (valueNode.kind !== 'atom') return { message: `expected the value of \`${text(n)}\` to be an integer, a string or a keyword`, at: valueNode.at ?? n.at };
    return { f, key, value: valueNode.value };
  }
  if (valueNode.kind === 'nil') return { f, key, value: null };
  if (model === 'rw-register') {
    if (valueNode.kind === 'atom') return { f, key, value: valueNode.value };
    return { message: `expected the read \`${text(n)}\` to give nil or one value`, at: valueNode.at ?? n.at };
  }
  if (valueNode.kind !== 'seq') return { message: `expected the read \`${text(n)}\` to give nil or a list of values`, at: valueNode.at ?? n.at };
  const list: Atom[] = [];
  for (const item of valueNode.items) {
    if (item.kind !== 'atom') return { message: `expected the list read by \`${text(n)}\` to hold integers, strings or keywords, found \`${text(item)}\``, at: item.at ?? n.at };
    list.push(item.value);
  }
  return { f, key, value: list };
}

/** A transaction's value: a vector or list of micro-operations. */
export function microOps(n: ValueNode, model: DataModel): MicroOp[] | ValueProblem {
  if (n.kind !== 'seq') return { message: `expected the transaction's :value to be a vector of micro-operations such as ${SHAPES[model]}, found \`${text(n)}\``, at: n.at };
  const ops: MicroOp[] = [];
  for (const item of n.items) {
    const op = microOp(item, model);
    if ('message' in op) return op;
    ops.push(op);
  }
  return ops;
}

/** Same micro-operations apart from what reads returned: how a completion without `:process` finds its invoke. */
export function sameShape(a: readonly MicroOp[], b: readonly MicroOp[]): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i]!;
    return x.f === y.f && atomText(x.key) === atomText(y.key) && (x.f === 'r' || atomText(x.value as Atom) === atomText(y.value as Atom));
  });
}
