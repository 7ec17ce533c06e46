/**
 * Dependency inference for rw-register histories. Written values are unique per key, so a read names its writer:
 * - wr: the writer of the value read precedes the reader;
 * - version order, where it can be inferred: nil (the initial value) precedes every written value, and a
 *   transaction that reads v and then writes v' puts v' after v. So a reader of nil precedes every writer of the
 *   key (rw); the writer of v precedes a transaction that read v and overwrote it (ww), and so does every other
 *   reader of v (rw).
 * Only a transaction's external reads count (a read before its own first write of the key, and not a re-read);
 * reads of failed writes (G1a), of overwritten intermediate writes (G1b), of values nobody wrote, and reads that
 * disagree with the transaction's own earlier reads and writes (internal) are reported.
 */
import { atomText, report, transactionName, type DependencyGraph, type Findings } from './graph.js';
import type { Atom, Transaction } from './types.js';

interface Write {
  readonly txn: Transaction;
  /** Whether it is the transaction's last write of the key. */
  readonly final: boolean;
}

const show = (v: Atom | null): string => (v === null ? 'nil' : atomText(v));

export function inferRwRegister(txns: readonly Transaction[], graph: DependencyGraph, found: Findings): void {
  const writers = new Map<string, Map<string, Write | undefined>>();
  /** Per key: external reads (transaction, value) and, per transaction that read and then wrote, its write. */
  const reads = new Map<string, { txn: Transaction; value: Atom | null; overwrite?: Atom }[]>();
  for (const t of txns) {
    const lastWrite = new Map<string, number>();
    t.ops.forEach((op, i) => {
      if (op.f === 'w') lastWrite.set(atomText(op.key), i);
    });
    const state = new Map<string, { value: Atom | null; external?: { txn: Transaction; value: Atom | null; overwrite?: Atom } }>();
    t.ops.forEach((op, i) => {
      const k = atomText(op.key);
      const s = state.get(k);
      if (op.f === 'w') {
        const byValue = writers.get(k) ?? new Map<string, Write | undefined>();
        writers.set(k, byValue);
        const v = atomText(op.value);
        byValue.set(v, byValue.has(v) ? undefined : { txn: t, final: lastWrite.get(k) === i });
        if (s?.external !== undefined && s.external.overwrite === undefined && lastWrite.get(k) === i) s.external.overwrite = op.value;
        state.set(k, { value: op.value, ...(s?.external === undefined ? {} : { external: s.external }) });
        return;
      }
      if (t.type !== 'ok' || op.f !== 'r') return;
      const value = op.value as Atom | null;
      if (s !== undefined) {
        if (show(s.value) !== show(value)) {
          report(found, { name: 'internal', transactions: [t.id], text: `${transactionName(t)} reads key ${k} as ${show(value)}, but its earlier reads and writes give ${show(s.value)}` });
        }
        return;
      }
      const external = { txn: t, value };
      if (!reads.has(k)) reads.set(k, []);
      reads.get(k)!.push(external);
      state.set(k, { value, external });
    });
  }
  for (const [k, keyReads] of [...reads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const byValue = writers.get(k) ?? new Map<string, Write | undefined>();
    const readersOf = new Map<string, Transaction[]>();
    for (const r of keyReads) {
      if (!readersOf.has(show(r.value))) readersOf.set(show(r.value), []);
      readersOf.get(show(r.value))!.push(r.txn);
    }
    // A writer of unknown outcome committed if someone read its value; otherwise it may never have happened.
    const observed = new Set<Transaction>();
    for (const [v, x] of byValue) if (x !== undefined && readersOf.has(v)) observed.add(x.txn);
    const committed = (w: Write): boolean => w.txn.type === 'ok' || (w.txn.type === 'info' && observed.has(w.txn));
    for (const r of keyReads) {
      const name = transactionName(r.txn);
      if (r.value === null) {
        for (const w of byValue.values()) {
          if (w === undefined || w.txn === r.txn || !committed(w)) continue;
          graph.add(r.txn.id, w.txn.id, 'rw', `${name} read key ${k} as nil, the initial value, which ${transactionName(w.txn)} overwrote`);
        }
        continue;
      }
      const v = atomText(r.value);
      const w = byValue.get(v);
      if (!byValue.has(v)) {
        report(found, { name: 'garbage-read', transactions: [r.txn.id], text: `${name} reads key ${k} as ${v}, but no transaction wrote ${v} to it` });
        continue;
      }
      if (w === undefined || w.txn === r.txn) continue;
      if (w.txn.type === 'fail') {
        report(found, { name: 'G1a', transactions: [r.txn.id, w.txn.id], text: `${name} reads key ${k} as ${v}, written by ${transactionName(w.txn)}, which failed` });
        continue;
      }
      graph.add(w.txn.id, r.txn.id, 'wr', `${name} read key ${k} as ${v}, written by ${transactionName(w.txn)}`);
      if (!w.final) report(found, { name: 'G1b', transactions: [r.txn.id, w.txn.id], text: `${name} reads key ${k} as ${v}, an intermediate write of ${transactionName(w.txn)} (it wrote key ${k} again after it)` });
      if (r.overwrite === undefined) continue;
      graph.add(w.txn.id, r.txn.id, 'ww', `${name} overwrote ${v} (written by ${transactionName(w.txn)}) with ${atomText(r.overwrite)} on key ${k}`);
      for (const other of readersOf.get(v) ?? []) {
        if (other !== r.txn) graph.add(other.id, r.txn.id, 'rw', `${transactionName(other)} read key ${k} as ${v}, which ${name} overwrote with ${atomText(r.overwrite)}`);
      }
    }
  }
}
