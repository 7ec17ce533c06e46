/**
 * Dependency inference for list-append histories. Appended values are unique per key, so every element of a read
 * names its writer, and a key's version order is its longest committed read: every other read must be a prefix of
 * it. A committed append that no read shows must follow that longest read (lists only grow). From this order:
 * - ww: consecutive elements of different writers; the last observed writer before each unobserved append;
 * - wr: a reader observes the writer of the last element it read (its own trailing appends left aside);
 * - rw: a reader precedes the writer of the element after what it read (every unobserved appender, after all).
 * Reads of failed appends (G1a), reads ending inside a writer's appends (G1b), duplicates, unknown values,
 * incompatible orders and a transaction disagreeing with itself (internal) are reported without edges.
 */
import { atomText, listText, report, transactionName, type DependencyGraph, type Findings } from './graph.js';
import type { Atom, Transaction } from './types.js';

interface Write {
  readonly txn: Transaction;
  /** Position among the writer's appends to the key, and how many it made. */
  readonly nth: number;
  readonly of: number;
}

interface Read {
  readonly txn: Transaction;
  readonly list: readonly Atom[];
}

/** Per key (by `atomText`): who appended each value (by `atomText`), `undefined` when two appends share it. */
type Writers = Map<string, Map<string, Write | undefined>>;

const asList = (v: unknown): readonly Atom[] => (Array.isArray(v) ? (v as Atom[]) : []);

export function inferListAppend(txns: readonly Transaction[], graph: DependencyGraph, found: Findings): void {
  const writers: Writers = new Map();
  const reads = new Map<string, Read[]>();
  const keys = new Map<string, Atom>();
  for (const t of txns) {
    const count = new Map<string, number>();
    for (const op of t.ops) if (op.f === 'append') count.set(atomText(op.key), (count.get(atomText(op.key)) ?? 0) + 1);
    const nth = new Map<string, number>();
    for (const op of t.ops) {
      const k = atomText(op.key);
      keys.set(k, op.key);
      if (op.f === 'append') {
        const byValue = writers.get(k) ?? new Map<string, Write | undefined>();
        writers.set(k, byValue);
        const v = atomText(op.value);
        const n = nth.get(k) ?? 0;
        nth.set(k, n + 1);
        byValue.set(v, byValue.has(v) ? undefined : { txn: t, nth: n, of: count.get(k)! });
      } else if (op.f === 'r' && t.type === 'ok') {
        const list = asList(op.value);
        if (!reads.has(k)) reads.set(k, []);
        reads.get(k)!.push({ txn: t, list });
      }
    }
    if (t.type === 'ok') checkInternal(t, found);
  }
  for (const [k, keyReads] of [...reads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    inferKey(keys.get(k)!, keyReads, writers.get(k) ?? new Map(), graph, found);
  }
  // Keys appended to but never read give no edges.
}

/** A transaction's reads must agree with its earlier reads and its own appends (read-your-writes). */
function checkInternal(t: Transaction, found: Findings): void {
  const state = new Map<string, { known?: readonly Atom[]; own: Atom[] }>();
  t.ops.forEach((op, i) => {
    const k = atomText(op.key);
    const s = state.get(k) ?? { own: [] };
    state.set(k, s);
    if (op.f === 'append') {
      s.own.push(op.value);
      return;
    }
    if (op.f !== 'r') return;
    const list = asList(op.value);
    const later = t.ops.slice(i + 1).filter((o) => o.f === 'append' && atomText(o.key) === k && list.some((x) => x === o.value));
    const expected = s.known === undefined ? undefined : [...s.known, ...s.own];
    const ownTail = list.slice(Math.max(0, list.length - s.own.length));
    const why =
      later.length > 0
        ? `it reads ${atomText(later[0]!.value as Atom)}, which it appends only later`
        : expected !== undefined && listText(expected) !== listText(list)
          ? `its earlier reads and appends give ${listText(expected)}`
          : listText(ownTail) !== listText(s.own) || list.length < s.own.length
            ? `it appended ${listText(s.own)} before, so the read should end with them`
            : undefined;
    if (why !== undefined) {
      report(found, { name: 'internal', transactions: [t.id], text: `${transactionName(t)} reads key ${atomText(op.key)} as ${listText(list)}, but ${why}` });
    }
    s.known = list;
    s.own = [];
  });
}

function inferKey(key: Atom, keyReads: readonly Read[], byValue: Map<string, Write | undefined>, graph: DependencyGraph, found: Findings): void {
  const k = atomText(key);
  const usable: Read[] = [];
  for (const r of keyReads) {
    const name = transactionName(r.txn);
    const seen = new Set<string>();
    const dup = r.list.find((x) => seen.size === seen.add(atomText(x)).size);
    if (dup !== undefined) {
      report(found, { name: 'duplicate-elements', transactions: [r.txn.id], text: `${name} reads key ${k} as ${listText(r.list)}, which holds ${atomText(dup)} twice` });
      continue;
    }
    let bad = false;
    for (const x of r.list) {
      const w = byValue.get(atomText(x));
      if (!byValue.has(atomText(x))) {
        report(found, { name: 'garbage-read', transactions: [r.txn.id], text: `${name} reads key ${k} as ${listText(r.list)}, but no transaction appended ${atomText(x)} to it` });
        bad = true;
      } else if (w?.txn.type === 'fail') {
        report(found, { name: 'G1a', transactions: [r.txn.id, w.txn.id], text: `${name} reads key ${k} as ${listText(r.list)}, which holds ${atomText(x)}, appended by ${transactionName(w.txn)}, which failed` });
      }
    }
    if (!bad) usable.push(r);
  }
  let longest: readonly Atom[] = [];
  for (const r of usable) if (r.list.length > longest.length) longest = r.list;
  const order = longest.map(atomText);
  const consistent = usable.filter((r) => {
    const ok = r.list.every((x, i) => atomText(x) === order[i]);
    if (!ok) report(found, { name: 'incompatible-order', transactions: [r.txn.id], text: `${transactionName(r.txn)} reads key ${k} as ${listText(r.list)}, which is not a prefix of ${listText(longest)}, the longest read of the key` });
    return ok;
  });
  const writerAt = (i: number): Write | undefined => byValue.get(order[i]!);
  for (let i = 1; i < order.length; i++) {
    const a = writerAt(i - 1);
    const b = writerAt(i);
    if (a === undefined || b === undefined) continue;
    if (a.txn === b.txn && a.nth > b.nth) {
      report(found, { name: 'incompatible-order', transactions: [a.txn.id], text: `key ${k} reads as ${listText(longest)}, with ${transactionName(a.txn)}'s appends out of the order it made them` });
    }
    if (a.txn !== b.txn && a.txn.type !== 'fail' && b.txn.type !== 'fail') {
      graph.add(a.txn.id, b.txn.id, 'ww', `${transactionName(b.txn)} appended ${order[i]} to key ${k} right after ${transactionName(a.txn)}'s ${order[i - 1]}`);
    }
  }
  // Committed appends that no read shows come after the whole longest read, in an unknown order among themselves.
  const inOrder = new Set(order);
  const unobserved = [...byValue].filter(([v, w]) => !inOrder.has(v) && w !== undefined && w.txn.type === 'ok').map(([v, w]) => ({ v, w: w! }));
  const last = order.length === 0 ? undefined : writerAt(order.length - 1);
  for (const { v, w } of unobserved) {
    if (last !== undefined && last.txn.type !== 'fail') {
      graph.add(last.txn.id, w.txn.id, 'ww', `${transactionName(w.txn)} appended ${v} to key ${k} after ${transactionName(last.txn)}'s ${order[order.length - 1]} (no read shows ${v}, so it follows the longest read, ${listText(longest)})`);
    }
  }
  for (const r of consistent) {
    let end = r.list.length;
    while (end > 0 && writerAt(end - 1)?.txn === r.txn) end--;
    const name = transactionName(r.txn);
    const seenText = listText(r.list.slice(0, end));
    if (end > 0) {
      const w = writerAt(end - 1);
      if (w !== undefined && w.txn.type !== 'fail') {
        graph.add(w.txn.id, r.txn.id, 'wr', `${name} read key ${k} as ${seenText}, which ends with ${transactionName(w.txn)}'s append of ${order[end - 1]}`);
        if (w.nth < w.of - 1) {
          report(found, { name: 'G1b', transactions: [r.txn.id, w.txn.id], text: `${name} reads key ${k} as ${seenText}, which ends with ${order[end - 1]}, an intermediate append of ${transactionName(w.txn)} (it appended more to key ${k} after it)` });
        }
      }
    }
    const next = end < order.length ? [{ v: order[end]!, w: writerAt(end) }] : unobserved;
    for (const { v, w } of next) {
      if (w === undefined || w.txn === r.txn || w.txn.type === 'fail') continue;
      graph.add(r.txn.id, w.txn.id, 'rw', `${name} read key ${k} as ${seenText}, which ${transactionName(w.txn)}'s append of ${v} follows`);
    }
  }
}
