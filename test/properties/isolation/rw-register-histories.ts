/**
 * Small random rw-register histories: transactions of one to three micro-ops (`w` of a fresh value, or `r`) on two
 * keys, some failed and some of unknown outcome (`:info`, applied or not at random), run in a random serial order;
 * optionally one read changed to another value of its key (or nil). A brute-force checker decides serializability
 * by trying every subset of the `:info` transactions and every serial order.
 */
import fc from 'fast-check';

export interface RegOp {
  readonly f: 'w' | 'r';
  readonly key: number;
  value: number | null;
}

export interface RegTxn {
  readonly ops: RegOp[];
  readonly outcome: 'ok' | 'fail' | 'info';
}

const KEYS = 2;
const opArb = fc.record({ write: fc.boolean(), key: fc.integer({ min: 0, max: KEYS - 1 }) });
const txnArb = fc.record({
  ops: fc.array(opArb, { minLength: 1, maxLength: 3 }),
  outcome: fc.constantFrom('ok', 'ok', 'ok', 'ok', 'fail', 'info' as const),
  applied: fc.boolean(),
});

/** Reads see the state; writes of `ok` transactions, and of `info` ones that `applied`, change it. */
function runSerially(txns: readonly RegTxn[], applied: readonly boolean[], order: readonly number[]): void {
  const state = new Map<number, number | null>();
  for (const i of order) {
    const local = new Map(state);
    for (const op of txns[i]!.ops) {
      if (op.f === 'w') local.set(op.key, op.value);
      else op.value = local.get(op.key) ?? null;
    }
    if (txns[i]!.outcome === 'ok' || (txns[i]!.outcome === 'info' && applied[i])) for (const [k, v] of local) state.set(k, v);
  }
}

export function smallRegisterHistory(corrupted: boolean): fc.Arbitrary<{ txns: RegTxn[]; edn: string }> {
  return fc
    .record({ specs: fc.array(txnArb, { minLength: 1, maxLength: 5 }), serial: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }), target: fc.nat(), pick: fc.nat() })
    .map(({ specs, serial, target, pick }) => {
      let next = 0;
      const txns: RegTxn[] = specs.map((s) => ({ outcome: s.outcome, ops: s.ops.map((o): RegOp => ({ f: o.write ? 'w' : 'r', key: o.key, value: o.write ? ++next : null })) }));
      const order = txns.map((_, i) => i).sort((a, b) => serial[a]! - serial[b]! || a - b);
      runSerially(txns, specs.map((s) => s.applied), order);
      const reads = txns.filter((t) => t.outcome === 'ok').flatMap((t) => t.ops.filter((o) => o.f === 'r'));
      if (corrupted && reads.length > 0) {
        const read = reads[target % reads.length]!;
        const values = [null, ...txns.flatMap((t) => t.ops.filter((o) => o.f === 'w' && o.key === read.key).map((o) => o.value))];
        read.value = values[pick % values.length]!;
      }
      const text = (t: RegTxn, withReads: boolean): string =>
        `[${t.ops.map((o) => `[:${o.f} ${o.key} ${o.f === 'w' || withReads ? String(o.value ?? 'nil') : 'nil'}]`).join(' ')}]`;
      const lines = txns.flatMap((t, i) => [
        `{:type :invoke, :f :txn, :process ${i}, :value ${text(t, false)}}`,
        `{:type :${t.outcome}, :f :txn, :process ${i}, :value ${text(t, t.outcome === 'ok')}}`,
      ]);
      return { txns, edn: lines.join('\n') };
    });
}

/** Is there a subset of the `info` transactions and a serial order in which every committed read sees its value? */
export function bruteForceRegisterSerializable(txns: readonly RegTxn[]): boolean {
  const info = txns.map((t, i) => (t.outcome === 'info' ? i : -1)).filter((i) => i >= 0);
  for (let mask = 0; mask < 1 << info.length; mask++) {
    const chosen = txns.filter((t, i) => t.outcome === 'ok' || (t.outcome === 'info' && (mask >> info.indexOf(i)) & 1));
    const used = new Array<boolean>(chosen.length).fill(false);
    const search = (state: Map<number, number | null>, placed: number): boolean => {
      if (placed === chosen.length) return true;
      for (let i = 0; i < chosen.length; i++) {
        if (used[i]) continue;
        const local = new Map(state);
        const t = chosen[i]!;
        const ok = t.ops.every((op) => {
          if (op.f === 'w') local.set(op.key, op.value);
          return op.f === 'w' || t.outcome === 'info' || (local.get(op.key) ?? null) === op.value;
        });
        if (!ok) continue;
        used[i] = true;
        if (search(local, placed + 1)) return true;
        used[i] = false;
      }
      return false;
    };
    if (search(new Map(), 0)) return true;
  }
  return false;
}
